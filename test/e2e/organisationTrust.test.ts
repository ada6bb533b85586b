import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@common-ground/shared';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser } from '../support/browser.ts';
import {
  createCommunity,
  createOrganisation,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

describe('organisations that are who they say, in Chromium', { timeout: 120_000 }, () => {
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

  async function pageAs(who: SignedIn): Promise<Page> {
    const context = await browser.newContext();
    await context.addCookies([
      { name: SESSION_COOKIE, value: who.cookie.slice(SESSION_COOKIE.length + 1), url: server.origin },
    ]);
    return context.newPage();
  }

  it('shows a self-made organisation as unverified until a facilitator who knows its people verifies it', async () => {
    const founder = await registerUser(server.origin, { displayName: 'Fola Founder' });
    const organisation = await createOrganisation(server.origin, founder, { name: 'Wakefield Council' });
    const facilitator = await registerUser(server.origin, { displayName: 'Fran Facilitator' });
    const community = await createCommunity(server.origin, facilitator);
    await joinCommunityAs(server.origin, facilitator, community.id, 'member', founder);

    const page = await pageAs(facilitator);
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}/communities/${community.id}/members`);
    await expectPage(page, 'Members', 'members with an unverified organisation');
    const row = page.getByRole('row', { name: /Fola Founder/ });
    expect(await row.textContent()).toContain('Wakefield Council unverified');

    await row.getByRole('link', { name: 'Wakefield Council' }).press('Enter');
    await expectPage(page, 'Wakefield Council', 'organisation before verification');
    await page.getByRole('button', { name: 'Verify this organisation' }).press('Enter');
    await page.getByText('Wakefield Council is now verified.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expectPage(page, 'Wakefield Council', 'organisation once verified');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goBack();
    await expectPage(page, 'Members', 'members with a verified organisation');
    expect(await page.getByRole('row', { name: /Fola Founder/ }).textContent()).not.toContain('unverified');
    expect(unexpected(errors)).toEqual([]);

    // Its own admin cannot verify it, and is offered no button to.
    const own = await pageAs(founder);
    await own.goto(`${server.origin}/organisations/${organisation.id}`);
    await expectPage(own, 'Wakefield Council', 'organisation seen by its admin');
    expect(
      await own.getByRole('button', { name: /Verify this organisation|Mark as not verified/ }).count(),
    ).toBe(0);

    // Verified, its admin lists its email domains; free webmail is refused with the reason.
    const domains = own.getByLabel('Your organisation’s email domains', { exact: true });
    await domains.focus();
    await own.keyboard.type('gmail.com');
    await own.keyboard.press('Enter');
    await own
      .getByRole('alert')
      .getByText(/free webmail/)
      .waitFor();
    await domains.fill('wakefield.example.gov.uk');
    await own.keyboard.press('Enter');
    await own.getByText('The email domains are saved.').waitFor();
    await own.getByRole('listitem').getByText('wakefield.example.gov.uk', { exact: true }).waitFor();
    await expectPage(own, 'Wakefield Council', 'organisation with its email domains');
    await page.context().close();
    await own.context().close();
  });
});
