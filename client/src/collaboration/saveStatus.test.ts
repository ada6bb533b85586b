import { describe, expect, it } from 'vitest';
import { SAVE_STATE_LABELS, isAnnounced, saveStateOf, type SaveFacts } from './saveStatus.ts';

const facts = (overrides: Partial<SaveFacts> = {}): SaveFacts => ({
  connected: true,
  online: true,
  attempted: true,
  sent: 0,
  saved: 0,
  status: { access: 'edit', storage: 'ok', watchers: 0 },
  closedForGood: false,
  ...overrides,
});

describe('saveStateOf', () => {
  it('says saving until the server has confirmed every update this connection sent', () => {
    expect(saveStateOf(facts({ sent: 3, saved: 2 }))).toBe('saving');
    expect(SAVE_STATE_LABELS[saveStateOf(facts({ sent: 3, saved: 3 }))]).toBe('All changes saved');
  });

  it('says offline (changes kept on this device) once a connection was lost, but not before the first attempt', () => {
    expect(SAVE_STATE_LABELS[saveStateOf(facts({ connected: false, sent: 5, saved: 1 }))]).toBe(
      'Offline, your changes are kept on this device',
    );
    expect(saveStateOf(facts({ connected: false, attempted: false }))).toBe('connecting');
  });

  it('says offline, not "Saving…" forever, when the browser loses its network while the socket still looks open', () => {
    expect(saveStateOf(facts({ online: false, sent: 5, saved: 1 }))).toBe('offline');
    expect(saveStateOf(facts({ online: true, sent: 5, saved: 1 }))).toBe('saving');
  });

  it('puts storage trouble ahead of saving, and a full document ahead of everything but lost access', () => {
    const retrying = facts({
      sent: 4,
      saved: 1,
      status: { access: 'edit', storage: 'storage-retrying', watchers: 0 },
    });
    expect(SAVE_STATE_LABELS[saveStateOf(retrying)]).toBe('Saving is delayed – retrying');
    const full = facts({ connected: false, status: { access: 'edit', storage: 'full', watchers: 0 } });
    expect(SAVE_STATE_LABELS[saveStateOf(full)]).toBe('Document is full');
    expect(saveStateOf({ ...full, closedForGood: true })).toBe('no-access');
  });

  it('announces settled states only, never the per-keystroke "Saving…"', () => {
    expect(isAnnounced('saving')).toBe(false);
    expect(isAnnounced('saved')).toBe(true);
    expect(isAnnounced('offline')).toBe(true);
  });
});
