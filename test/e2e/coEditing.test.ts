import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { deviceCopySettled } from './offlineCopy.ts';

describe('co-editing a learning document in two browsers', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let roomId: string;
  let facilitator: SignedIn;
  let member: SignedIn;
  let observer: SignedIn;
  let communityId: string;

  async function openRoomAs(
    who: SignedIn,
    options: { room?: string; beforeOpen?: (page: Page) => Promise<void> } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const value = who.cookie.slice(SESSION_COOKIE.length + 1);
    await context.addCookies([{ name: SESSION_COOKIE, value, url: server.origin }]);
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await options.beforeOpen?.(page);
    await page.goto(`${server.origin}/rooms/${options.room ?? roomId}`);
    await page.getByRole('textbox', { name: /^Learning document for/ }).waitFor();
    return { page, errors };
  }

  /** Cross-browser changes travel through the server and the database; give them time. */
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });
  const editorOf = (page: Page) => page.getByRole('textbox', { name: /^Learning document for/ });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    facilitator = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
    const community = await createCommunity(server.origin, facilitator);
    communityId = community.id;
    roomId = (await createRoom(server.origin, facilitator, community.id, { title: 'March learning set' })).id;
    member = await joinCommunityAs(
      server.origin,
      facilitator,
      community.id,
      'member',
      await registerUser(server.origin, { displayName: 'Mo Member' }),
    );
    observer = await joinCommunityAs(server.origin, facilitator, community.id, 'observer');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows each editor the other’s text and caret, confirms saving, and keeps the observer read-only', async () => {
    const a = await openRoomAs(facilitator);
    const b = await openRoomAs(member);

    // An empty document offers templates to editors.
    await a.page.getByRole('heading', { name: 'Start from a template' }).waitFor();
    await expectNoAxeViolations(a.page, 'on an empty document with templates');

    await editorOf(a.page).click();
    await a.page.keyboard.type('Hello from Fatima');
    await poll(() => editorOf(b.page).textContent()).toContain('Hello from Fatima');

    await editorOf(b.page).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type('Reply from Mo');
    await poll(() => editorOf(a.page).textContent()).toContain('Reply from Mo');

    // Each sees the other's caret with their name, and both in the presence list.
    await poll(() => a.page.locator('.collaboration-carets__label').allTextContents()).toContainEqual(
      expect.stringContaining('Mo Member'),
    );
    await poll(() => b.page.locator('.collaboration-carets__label').allTextContents()).toContainEqual(
      expect.stringContaining('Fatima Facilitator'),
    );
    await poll(() => a.page.getByTestId('document-presence-person').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Fatima Facilitator (you)'),
        expect.stringContaining('Mo Member'),
      ]),
    );

    await poll(() => a.page.getByTestId('save-status').textContent()).toBe('All changes saved');
    await poll(() => b.page.getByTestId('save-status').textContent()).toBe('All changes saved');
    await expectNoAxeViolations(a.page, 'while co-editing, with a collaborator caret');
    await expectNoAxeViolations(b.page, 'while co-editing (second editor)');

    const c = await openRoomAs(observer);
    await poll(() => editorOf(c.page).textContent()).toContain('Reply from Mo');
    expect(await editorOf(c.page).getAttribute('contenteditable')).toBe('false');
    expect(await c.page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    await c.page.getByText('You are watching this document').waitFor();
    await editorOf(c.page).click();
    await c.page.keyboard.type('Observer tries to write');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await editorOf(c.page).textContent()).not.toContain('Observer tries to write');
    expect(await editorOf(a.page).textContent()).not.toContain('Observer tries to write');
    await poll(() => a.page.getByTestId('document-watcher-count').textContent()).toBe('1 person watching');
    await expectNoAxeViolations(c.page, 'for a read-only observer');

    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
  });

  it('lets a facilitator name a version and preview it, and warns about text that may identify a child', async () => {
    const a = await openRoomAs(facilitator);
    await editorOf(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type('Jamie, aged 7, lives at LS1 4AP');
    await a.page.getByTestId('personal-data-warning').waitFor();
    expect(await a.page.getByTestId('personal-data-warning').textContent()).toContain(
      'This looks like it may identify a child or family',
    );
    // Only the summary is announced; the matched words, which change as people type, are outside the live region.
    await poll(() => a.page.locator('[aria-live]', { hasText: 'may identify a child' }).textContent()).toBe(
      'Warning: This looks like it may identify a child or family. Please remove names, dates of birth, addresses and other details before others read it.',
    );
    expect(
      await a.page.getByTestId('personal-data-warning').evaluate((box) => box.closest('[aria-live]')),
    ).toBeNull();
    await expectNoAxeViolations(a.page, 'with the personal-data warning');

    // History and downloads have their own tab beside the text.
    await a.page.getByRole('tab', { name: 'History and downloads' }).click();
    await a.page.getByLabel('Name this version').fill('After the first meeting');
    await a.page.getByRole('button', { name: 'Save version' }).click();
    await a.page
      .getByTestId('version-list')
      .locator('.history__name', { hasText: 'After the first meeting' })
      .waitFor();
    await a.page.getByRole('button', { name: 'Preview After the first meeting' }).click();
    await a.page.getByRole('heading', { name: 'Preview: After the first meeting' }).waitFor();
    expect(await a.page.locator('.history__preview-body').textContent()).toContain('Reply from Mo');
    // Opening the preview moves focus to it; closing it returns focus to the Preview button.
    const focused = () => a.page.evaluate(() => document.activeElement?.textContent ?? '');
    await poll(focused).toBe('Preview: After the first meeting');
    await expectNoAxeViolations(a.page, 'with a version preview open');
    await a.page.getByRole('button', { name: 'Close preview' }).press('Enter');
    await poll(focused).toBe('Preview After the first meeting');
    expect(a.errors).toEqual([]);
  });

  it('applies a template as a shared edit, and restores a version from the history for everyone', async () => {
    const room = (await createRoom(server.origin, facilitator, communityId, { title: 'Reflection room' })).id;
    const a = await openRoomAs(facilitator, { room });
    const b = await openRoomAs(member, { room });
    await a.page.getByRole('button', { name: 'Reflection' }).click();
    await poll(() => b.page.getByRole('heading', { name: 'What we will do differently' }).count()).toBe(1);
    await poll(() => a.page.getByTestId('save-status').textContent()).toBe('All changes saved');

    await a.page.getByRole('tab', { name: 'History and downloads' }).click();
    await a.page.getByLabel('Name this version').fill('Just the template');
    await a.page.getByRole('button', { name: 'Save version' }).click();
    await a.page
      .getByTestId('version-list')
      .locator('.history__name', { hasText: 'Just the template' })
      .waitFor();

    await editorOf(b.page).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type('A later paragraph to undo');
    // The text and the history are tabs: the facilitator looks at the text, then goes back to the history.
    await a.page.getByRole('tab', { name: 'Text' }).click();
    await poll(() => editorOf(a.page).textContent()).toContain('A later paragraph to undo');
    await a.page.getByRole('tab', { name: 'History and downloads' }).click();

    await a.page.getByRole('button', { name: 'Preview Just the template' }).click();
    await a.page.getByRole('button', { name: 'Restore this version' }).click();
    // An in-page dialog, not the browser's confirm: focus is inside it, and Escape would cancel.
    const dialog = a.page.getByRole('dialog', { name: 'Restore “Just the template”?' });
    await dialog.waitFor();
    await poll(() => a.page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
    await expectNoAxeViolations(a.page, 'with the restore dialog open');
    // Escape cancels, and focus goes back to the button that opened it.
    await a.page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    await poll(() => a.page.evaluate(() => document.activeElement?.textContent)).toBe('Restore this version');
    expect(await editorOf(b.page).textContent()).toContain('A later paragraph to undo');
    await a.page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Yes, restore it' }).click();
    await poll(() => editorOf(b.page).textContent()).not.toContain('A later paragraph to undo');
    expect(await b.page.getByRole('heading', { name: 'What we tried' }).count()).toBe(1);
    await a.page
      .getByTestId('version-list')
      .locator('.history__name', { hasText: 'Restored “Just the template”' })
      .waitFor();
    // The preview and its Restore button are gone, so focus moves to the news.
    await poll(() => a.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Restored “Just the template”.',
    );
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('keeps changes made offline on the device, says so, and merges them on reconnect', async () => {
    const created = await createRoom(server.origin, facilitator, communityId, { title: 'Offline room' });
    const room = created.id;
    let online = true;
    const sockets: { close: () => Promise<void> }[] = [];
    const a = await openRoomAs(member, {
      room,
      beforeOpen: (page) =>
        page.routeWebSocket(/\/collab\//, (ws) => {
          if (!online) return void ws.close({ code: 1006 });
          ws.connectToServer();
          sockets.push(ws);
        }),
    });
    const b = await openRoomAs(facilitator, { room });
    await editorOf(a.page).click();
    await a.page.keyboard.type('Typed while online.');
    await poll(() => editorOf(b.page).textContent()).toContain('Typed while online.');

    online = false;
    await Promise.all(sockets.map((ws) => ws.close()));
    await poll(() => a.page.getByTestId('save-status').textContent()).toBe(
      'Offline, your changes are kept on this device',
    );
    await a.page.keyboard.type(' Typed offline.');
    // IndexedDB writes are asynchronous: let the device copy settle, as it has long before a person could reload.
    await deviceCopySettled(a.page, created.documentId);
    // A reload while still offline brings the text back from this device.
    await a.page.reload();
    await poll(() => editorOf(a.page).textContent()).toContain('Typed offline.');
    expect(await editorOf(b.page).textContent()).not.toContain('Typed offline.');

    online = true;
    await poll(() => editorOf(b.page).textContent()).toContain('Typed while online. Typed offline.');
    await poll(() => a.page.getByTestId('save-status').textContent()).toBe('All changes saved');
  });

  it('says "Saving…" until the server confirms storage, and "Saving is delayed – retrying" while storage fails', async () => {
    const room = (await createRoom(server.origin, facilitator, communityId, { title: 'Slow storage room' }))
      .id;
    const a = await openRoomAs(member, { room });
    await editorOf(a.page).click();
    await a.page.keyboard.type('First.');
    await poll(() => a.page.getByTestId('save-status').textContent()).toBe('All changes saved');

    const store = server.server.documents.store;
    const append = store.append.bind(store);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    store.append = async (...args) => {
      await gate;
      return append(...args);
    };
    try {
      await a.page.keyboard.type(' Held back.');
      await poll(() => a.page.getByTestId('save-status').textContent()).toBe('Saving…');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await a.page.getByTestId('save-status').textContent()).toBe('Saving…');
      release();
      await poll(() => a.page.getByTestId('save-status').textContent()).toBe('All changes saved');

      store.append = () => Promise.reject(new Error('disk on fire'));
      await a.page.keyboard.type(' Failing.');
      await poll(() => a.page.getByTestId('save-status').textContent()).toBe('Saving is delayed – retrying');
      await expectNoAxeViolations(a.page, 'while saving is delayed');
    } finally {
      store.append = append;
    }
    await poll(() => a.page.getByTestId('save-status').textContent()).toBe('All changes saved');
  });

  it('offers a keyboard-operable toolbar: one tab stop, arrow keys between buttons, pressed states that follow shortcuts', async () => {
    const room = (await createRoom(server.origin, facilitator, communityId, { title: 'Keyboard room' })).id;
    const a = await openRoomAs(member, { room });
    const toolbar = a.page.getByRole('toolbar', { name: 'Formatting' });
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    await toolbar.getByRole('button', { name: 'Bold' }).focus();
    await a.page.keyboard.press('ArrowRight');
    expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe('Italic');
    await a.page.keyboard.press('End');
    expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe('Redo');
    await a.page.keyboard.press('ArrowRight');
    expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe('Bold');

    await editorOf(a.page).click();
    expect(await toolbar.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('false');
    await a.page.keyboard.press('Control+b');
    await a.page.keyboard.type('Strong words');
    await poll(() => toolbar.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('true');
    expect(await editorOf(a.page).locator('strong').textContent()).toBe('Strong words');

    // In a table Tab moves between cells, so Escape is the way out: it moves focus to the toolbar.
    await toolbar.getByRole('button', { name: 'Insert table' }).click();
    await poll(() => editorOf(a.page).locator('table').count()).toBe(1);
    await a.page.keyboard.press('Tab');
    expect(await a.page.evaluate(() => document.activeElement?.id)).toBe('document-editor');
    await a.page.keyboard.press('Escape');
    const inToolbar = () =>
      a.page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null);
    expect(await inToolbar()).toBe(true);
  });
});
