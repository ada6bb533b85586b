import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '@common-ground/shared';
import { collectConsoleErrors, launchBrowser } from '../support/browser.ts';
import { createCommunity, createRoom, registerUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** Offline copies of documents must not outlive the person who typed them on a shared computer. */
describe('signing out on a shared computer', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('deletes the offline document copies this browser kept for the editor', async () => {
    const editor = await registerUser(server.origin, { displayName: 'Sam Shared' });
    const community = await createCommunity(server.origin, editor);
    const room = await createRoom(server.origin, editor, community.id, { title: 'Library computer notes' });
    const context = await browser.newContext();
    await context.addCookies([
      { name: SESSION_COOKIE, value: editor.cookie.slice(SESSION_COOKIE.length + 1), url: server.origin },
    ]);
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}/rooms/${room.id}`);
    const editorBox = page.getByRole('textbox', { name: /^Learning document for/ });
    await editorBox.click();
    await page.keyboard.type('Notes typed on a shared computer');
    const offlineCopies = () =>
      page.evaluate(async () =>
        (await indexedDB.databases())
          .map((database) => database.name ?? '')
          .filter((name) => name.includes(':')),
      );
    await expect.poll(offlineCopies, { timeout: 10_000 }).toEqual([`common-ground-doc:${room.documentId}`]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/rooms/'));
    expect(await offlineCopies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
