import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
  revokePass,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { connectSocket, joinRoom, sendMessage } from '../realtime/discussionClient.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** The fixes from the new-user walkthrough: @mentions, the end of a visit, and the phone layout. */
describe('the walkthrough fixes in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let facilitator: SignedIn;
  let member: SignedIn;
  let communityId: string;
  let roomId: string;
  const contexts: BrowserContext[] = [];
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });

  async function open(
    who: SignedIn | null,
    path: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    if (who) {
      const value = who.cookie.slice(SESSION_COOKIE.length + 1);
      await context.addCookies([{ name: SESSION_COOKIE, value, url: server.origin }]);
    }
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}${path}`);
    return { page, errors };
  }

  beforeAll(async () => {
    // Rate limits off: one test writes more than a page of history quickly.
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    browser = await launchBrowser();
    facilitator = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
    await createOrganisation(server.origin, facilitator, { name: 'Eastmoor Council' });
    const community = await createCommunity(server.origin, facilitator);
    communityId = community.id;
    member = await joinCommunityAs(
      server.origin,
      facilitator,
      communityId,
      'member',
      await registerUser(server.origin, { displayName: 'Mo Member' }),
    );
    await joinCommunityAs(
      server.origin,
      facilitator,
      communityId,
      'member',
      await registerUser(server.origin, { displayName: 'Moira Mason' }),
    );
    roomId = (await createRoom(server.origin, facilitator, communityId, { title: 'Open morning' })).id;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('mentions someone with @ by keyboard, highlights the mention, and links the notification to the message', async () => {
    const { page, errors } = await open(member, `/rooms/${roomId}`);
    const composer = page.getByLabel('Start a new thread');
    await composer.click();
    await page.keyboard.type('Thanks @mo');
    // Both people whose name has a word starting "mo" are offered (Mo Member is the writer and is left out).
    const list = page.getByRole('listbox', { name: 'People to mention' });
    await list.waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual(['Moira Mason']);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('F');
    await poll(() => list.getByRole('option').allTextContents()).toEqual([
      'Fatima FacilitatorEastmoor Council',
    ]);
    expect(await composer.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    expect(await composer.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    await expectNoAxeViolations(page, 'with the mention list open');
    // Escape closes the list and leaves the text alone.
    await page.keyboard.press('Escape');
    await poll(() => list.count()).toBe(0);
    expect(await composer.inputValue()).toBe('Thanks @F');
    // Typing again reopens it; Up wraps to the last match, Enter picks it.
    await page.keyboard.type('a');
    await list.waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.keyboard.type('for the agenda');
    expect(await composer.inputValue()).toBe('Thanks @Fatima Facilitator for the agenda');
    // Tab picks too.
    await page.keyboard.type(' and @moi');
    await list.waitFor();
    await page.keyboard.press('Tab');
    expect(await composer.inputValue()).toBe('Thanks @Fatima Facilitator for the agenda and @Moira Mason ');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('button', { name: /^Thanks @Fatima Facilitator/ }).click();
    const mention = page.locator('mark.mention', { hasText: '@Fatima Facilitator' });
    await mention.first().waitFor();
    expect(await page.locator('mark.mention').allTextContents()).toContain('@Moira Mason');

    // The facilitator's notification renders as a message and opens the room at that message.
    const notified = await open(facilitator, '/notifications');
    const item = notified.page.getByTestId('notification-list').getByRole('listitem').first();
    await item.waitFor();
    expect(await item.textContent()).not.toContain('**');
    await expectNoAxeViolations(notified.page, 'notifications');
    await item.getByRole('link').first().click();
    await notified.page.waitForURL(/\/rooms\/[0-9a-f]{24}\?message=[0-9a-f]{24}$/);
    const target = notified.page.locator('article.message-target');
    await target.waitFor();
    expect(await target.textContent()).toContain('Thanks @Fatima Facilitator for the agenda');
    await poll(() =>
      notified.page.evaluate(() => document.activeElement?.classList.contains('message-target')),
    ).toBe(true);
    expect([...errors, ...notified.errors]).toEqual([]);
  });

  it('opens a permalink to a message far beyond the first page of history', async () => {
    const socket = await connectSocket(server.origin, facilitator.cookie);
    await joinRoom(socket, roomId);
    let firstId = '';
    for (let index = 0; index < 130; index += 1) {
      const sent = await sendMessage(socket, roomId, `Note number ${index}`);
      if (index === 0) firstId = sent.id;
    }
    socket.disconnect();
    const { page } = await open(member, `/rooms/${roomId}?message=${firstId}`);
    const target = page.locator('article.message-target');
    await target.waitFor({ timeout: 15_000 });
    expect(await target.textContent()).toContain('Note number 0');
    expect(await page.getByRole('heading', { name: 'Note number 0' }).count()).toBe(1);
  });

  it('ends a revoked visit at once and after a reload, and shows facilitators the visitor by name', async () => {
    const pass = await api<{ pass: { id: string; token: string } }>(
      server.origin,
      'POST',
      `/api/rooms/${roomId}/visitor-passes`,
      {
        cookie: facilitator.cookie,
        body: { label: 'Morning', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      },
    );
    expect(pass.status).toBe(201);
    const visitor = await open(null, `/visit/${pass.body.pass.token}`);
    await visitor.page.getByLabel('Your display name').fill('Sam from Kent');
    await visitor.page.getByRole('button', { name: 'Join as a visitor' }).click();
    await visitor.page.getByRole('heading', { name: 'Open morning' }).waitFor();
    await visitor.page.getByRole('textbox', { name: /^Learning document for/ }).waitFor();

    const host = await open(facilitator, `/rooms/${roomId}`);
    await poll(() => host.page.getByTestId('visitor-names').textContent()).toContain('Sam from Kent');
    // A member sees the headcount only.
    const other = await open(member, `/rooms/${roomId}`);
    await poll(() => other.page.getByTestId('presence').textContent()).toContain('1 open-day visitor');
    expect(await other.page.getByTestId('visitor-names').count()).toBe(0);

    await revokePass(server.origin, facilitator, roomId, pass.body.pass.id);
    const ended = visitor.page.getByRole('heading', { name: 'This visit has ended' });
    await ended.waitFor({ timeout: 10_000 });
    expect(await visitor.page.getByRole('textbox', { name: /^Learning document for/ }).count()).toBe(0);
    expect(await visitor.page.getByRole('heading', { name: 'Discussion' }).count()).toBe(0);
    expect(await visitor.page.locator('header').textContent()).not.toContain('Visiting');
    await expectNoAxeViolations(visitor.page, 'visit ended');

    await visitor.page.reload();
    await ended.waitFor();
    expect(await visitor.page.locator('main').textContent()).not.toContain('Sign in to see this room');
    // The browser logs the refused requests and sockets that tell it the pass ended; nothing else may fail.
    expect(visitor.errors.filter((error) => !/Failed to load resource|WebSocket/.test(error))).toEqual([]);
  });

  it('says the changes are kept on this device when the browser goes offline, not "Saving…" for ever', async () => {
    const { page } = await open(facilitator, `/rooms/${roomId}`);
    const editor = page.getByRole('textbox', { name: /^Learning document for/ });
    await editor.click();
    await page.keyboard.type('Written while online.');
    await poll(() => page.getByTestId('save-status').textContent()).toBe('All changes saved');
    await page.context().setOffline(true);
    await page.keyboard.type(' Written offline.');
    await poll(() => page.getByTestId('save-status').textContent()).toBe(
      'Offline, your changes are kept on this device',
    );
    await page.context().setOffline(false);
    await poll(() => page.getByTestId('save-status').textContent()).toBe('All changes saved');
  });

  it('serves a loading shell in the page itself, so a slow network never shows a white page', async () => {
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(html).toContain('Loading Common Ground');
    expect(html).toContain('class="loading-shell__header"');
  });

  it('fits a 390 px phone on every page with no axe violations, with the room as tabs', async () => {
    const phone = { width: 390, height: 844 };
    const publicPages = [
      '/',
      '/status',
      '/sign-in',
      '/sign-up',
      '/forgotten-password',
      '/accessibility',
      '/privacy',
      '/cookies',
      '/no-such-page',
      '/rooms/zzz',
    ];
    const setId = (await createRoom(server.origin, facilitator, communityId, { kind: 'learning-set' })).id;
    const pass = await api<{ pass: { token: string } }>(
      server.origin,
      'POST',
      `/api/rooms/${roomId}/visitor-passes`,
      {
        cookie: facilitator.cookie,
        body: { label: 'Phone check', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      },
    );
    publicPages.push(`/visit/${pass.body.pass.token}`);
    const memberPages = [
      `/rooms/${setId}`,
      `/communities/${communityId}/sets/${setId}/people`,
      '/communities',
      `/communities/${communityId}`,
      `/communities/${communityId}/members`,
      `/rooms/${roomId}`,
      '/organisation',
      '/account',
      '/notifications',
      '/rooms/zzz',
    ];
    const check = async (who: SignedIn | null, path: string) => {
      const { page, errors } = await open(who, path, phone);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(800);
      const widths = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0], `horizontal scroll on ${path}`).toBeLessThanOrEqual(widths[1]!);
      await expectNoAxeViolations(page, `at 390 px on ${path}`);
      expect(await page.locator('body').textContent()).not.toContain('must be an id');
      return { page, errors };
    };
    for (const path of publicPages) await check(null, path);
    for (const path of memberPages) await check(facilitator, path);

    // The room: the header is one line with a Menu button, and the document comes first under the title.
    const { page } = await check(facilitator, `/rooms/${roomId}`);
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    const tabs = page.getByRole('tablist', { name: 'Room' });
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['Document', 'Discussion', 'About']);
    const editor = page.getByRole('textbox', { name: /^Learning document for/ });
    await editor.waitFor();
    expect((await editor.boundingBox())!.y).toBeLessThan(844);
    // Arrow keys move between the tabs; the discussion shows, the document hides but stays connected.
    await tabs.getByRole('tab', { name: 'Document' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Discussion' }).waitFor();
    expect(await editor.isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'phone room, discussion tab');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Your account' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');

    // The content pages are linked from every page's footer and readable signed out.
    const signedOut = await open(null, '/', phone);
    for (const name of ['Accessibility statement', 'Privacy notice', 'Cookies']) {
      await signedOut.page.getByRole('contentinfo').getByRole('link', { name, exact: true }).click();
      await signedOut.page.getByRole('heading', { level: 1, name }).waitFor();
    }
    expect(await signedOut.page.locator('main').textContent()).toContain(SESSION_COOKIE);
    expect(await signedOut.page.getByText('Beta').count()).toBeGreaterThan(0);
  }, 240_000);
});
