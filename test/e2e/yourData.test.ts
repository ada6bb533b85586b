import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import { createCommunity, joinCommunityAs, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, snapshotBuiltClient, typeInto, unexpected } from './accessPages.ts';
import { UserModel } from '../../server/src/models/User.ts';

/** A phone-sized page signed in as `person`. */
async function phonePageAs(browser: Browser, origin: string, person: SignedIn): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  await context.addCookies([
    { name: SESSION_COOKIE, value: person.cookie.slice(SESSION_COOKIE.length + 1), url: origin },
  ]);
  return context.newPage();
}

async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${name} fits 390 px without scrolling sideways`,
  ).toBeLessThanOrEqual(390);
}

/** Presses Tab until the focused element has the given accessible text, and returns it focused. */
async function tabTo(page: Page, text: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return;
  }
  throw new Error(`could not reach "${text}" by Tab`);
}

describe('Your data (/account/data) in Chromium', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let clientCopy = '';

  beforeAll(async () => {
    clientCopy = snapshotBuiltClient();
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
  });

  it('downloads my data and deletes my account by keyboard at 390 px', async () => {
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    const person = await joinCommunityAs(
      server.origin,
      facilitator,
      community.id,
      'member',
      await registerUser(server.origin, { displayName: 'Dana Departing' }),
    );
    const page = await phonePageAs(browser, server.origin, person);
    const errors = collectConsoleErrors(page);

    await page.goto(`${server.origin}/account/data`);
    await expectPage(page, 'Your data', 'your data');
    await expectNoSidewaysScroll(page, 'Your data');

    await tabTo(page, 'Download my data (.json)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^common-ground-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      account: { email: string; displayName: string };
    };
    expect(data.account).toMatchObject({ email: person.user.email, displayName: 'Dana Departing' });

    // Choose to remove messages with the arrow keys, then give the password and ask to delete.
    await page.getByLabel(/Keep them/).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Remove what they say as well').isChecked()).toBe(true);
    await typeInto(page, 'Your password', 'not my password');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Yes, delete my account');
    await expectNoAxeViolations(page, 'while confirming');
    await expectNoSidewaysScroll(page, 'The confirmation');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Delete my account');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // A wrong password is refused where it was typed, and the account stays.
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Your password is not right');
    expect(await UserModel.exists({ email: person.user.email })).not.toBeNull();

    await page.getByLabel('Your password', { exact: true }).fill('');
    await typeInto(page, 'Your password', person.password);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Yes, delete my account');
    await page.keyboard.press('Enter');
    await expectPage(page, 'Your account has been deleted', 'account deleted');
    await expectNoSidewaysScroll(page, 'Account deleted');
    expect(await UserModel.exists({ email: person.user.email })).toBeNull();
    expect((await api(server.origin, 'GET', '/api/me', { cookie: person.cookie })).status).toBe(401);
    expect(unexpected(errors, [403])).toEqual([]);
  });

  it('shows facilitators the audit log at 390 px, with the deletion named "Former member"', async () => {
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    const leaver = await joinCommunityAs(server.origin, facilitator, community.id, 'member');
    expect(
      (
        await api(server.origin, 'POST', '/api/me/delete', {
          cookie: leaver.cookie,
          body: { password: leaver.password, messages: 'keep' },
        })
      ).status,
    ).toBe(204);
    const page = await phonePageAs(browser, server.origin, facilitator);
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}/communities/${community.id}`);
    await tabTo(page, 'Audit log');
    await page.keyboard.press('Enter');
    await expectPage(page, 'Audit log', 'audit log');
    await expectNoSidewaysScroll(page, 'Audit log');
    const first = page.locator('.audit-log__event').first();
    expect(await first.textContent()).toContain('Account deleted');
    expect(await first.textContent()).toContain('Former member');
    expect(unexpected(errors)).toEqual([]);
  });
});
