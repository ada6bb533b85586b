import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncAnswers } from './SyncAnswers.ts';

/** The update a sync step 2 message carries, applied to a fresh document, as text. */
function textAfterApplying(message: Uint8Array, into = new Y.Doc()): string {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // message type: sync
  decoding.readVarUint(decoder); // sync step 2
  Y.applyUpdate(into, decoding.readVarUint8Array(decoder));
  return into.getText('t').toString();
}

describe('SyncAnswers', () => {
  it('encodes the whole state once for every new client until the document changes', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'agreed ground rules');
    const answers = new SyncAnswers(doc);
    doc.on('update', () => answers.changed());
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = answers.syncStep2(empty);
    expect(answers.syncStep2(empty)).toBe(first);
    expect(textAfterApplying(first)).toBe('agreed ground rules');

    doc.getText('t').insert(0, 'Our ');
    const next = answers.syncStep2(empty);
    expect(next).not.toBe(first);
    expect(textAfterApplying(next)).toBe('Our agreed ground rules');
  });

  it('answers a client that has part of the document with only what it lacks', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'first');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    doc.getText('t').insert(5, ' second');
    const answers = new SyncAnswers(doc);
    const answer = answers.syncStep2(Y.encodeStateVector(client));
    expect(answer.byteLength).toBeLessThan(answers.syncStep2(Y.encodeStateVector(new Y.Doc())).byteLength);
    expect(textAfterApplying(answer, client)).toBe('first second');
  });

  it('greets with the current state vector, renewed after a change', () => {
    const doc = new Y.Doc();
    const answers = new SyncAnswers(doc);
    doc.on('update', () => answers.changed());
    const before = answers.syncStep1();
    expect(answers.syncStep1()).toBe(before);
    doc.getText('t').insert(0, 'x');
    const after = answers.syncStep1();
    expect(after).not.toEqual(before);
    expect(after.at(-1)).toBe(1); // the one client's clock
  });
});
