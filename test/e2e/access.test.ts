import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  expectErrorSummaryOnEmptySubmit,
  expectPage,
  snapshotBuiltClient,
  typeInto,
  unexpected,
} from './accessPages.ts';

// Each step drives several pages through a real server and database; under a loaded machine that can take a while.
describe(
  'access pages in Chromium: sign-up to an accepted invitation, open-day passes and visits, sign-out',
  { timeout: 120_000 },
  () => {
    let server: TestServer;
    let browser: Browser;
    const tag = randomUUID().slice(0, 8);
    const facilitator = {
      name: 'Fatima Facilitator',
      email: `fatima-${tag}@example.org`,
      password: 'long enough password',
    };
    const invitee = {
      name: 'Ian Invitee',
      email: `ian-${tag}@example.org`,
      password: 'another long password',
    };
    const communityName = `Family group conferencing ${tag}`;
    const roomTitle = `Open day 1 ${tag}`;
    const openDayTitle = `Open day ${tag}`;
    const organisationName = `Leeds City Council ${tag}`;
    let facilitatorPage: Page;
    let facilitatorErrors: string[];
    let passLink = '';
    let invitationLink = '';
    let clientCopy = '';

    beforeAll(async () => {
      clientCopy = snapshotBuiltClient();
      server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
      browser = await launchBrowser();
      facilitatorPage = await newPage(browser);
      facilitatorErrors = collectConsoleErrors(facilitatorPage);
      await facilitatorPage
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
    });

    it('signs up, creates an organisation, a community and a room, and invites someone with a copyable link', async () => {
      const page = facilitatorPage;
      await page.goto(`${server.origin}/sign-up`);
      await expectPage(page, 'Create an account', 'sign-up');
      await expectErrorSummaryOnEmptySubmit(page, 'Your name', 3);
      await expectNoAxeViolations(page, 'on the sign-up page with errors');

      await typeInto(page, 'Your name', facilitator.name);
      await typeInto(page, 'Work email address', facilitator.email);
      await typeInto(page, 'Password', facilitator.password);
      await page.keyboard.press('Enter');

      await expectPage(page, 'Your organisation', 'organisation');
      expect(
        await page.getByText('so nobody can claim to speak for a council they do not work for').count(),
      ).toBe(1);
      await expectErrorSummaryOnEmptySubmit(page, 'Organisation name', 2);
      await typeInto(page, 'Organisation name', organisationName);
      await page.getByLabel('Kind of organisation').selectOption('local-authority');
      await typeInto(page, 'Region (optional)', 'Yorkshire and the Humber');
      await page.getByRole('button', { name: 'Create organisation' }).press('Enter');
      await page.getByText('Confirmed', { exact: true }).waitFor();
      // The form that had focus is gone; focus moves to the news rather than back to the top of the page.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toContain(`You work for ${organisationName}`);
      await expectNoAxeViolations(page, 'on the organisation page as its admin');

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Communities' })
        .press('Enter');
      await expectPage(page, 'Your communities', 'communities');
      await expectErrorSummaryOnEmptySubmit(page, 'Community name', 2);
      await typeInto(page, 'Community name', communityName);
      await typeInto(
        page,
        'Purpose',
        'Spreading family group conferencing from Leeds to its recipient councils.',
      );
      await page.getByRole('button', { name: 'Create community' }).press('Enter');

      await expectPage(page, communityName, 'community');
      await typeInto(page, 'Room title', roomTitle);
      await page.getByLabel('Kind of room').selectOption('open-day');
      await page.getByRole('button', { name: 'Create room' }).press('Enter');
      await expectPage(page, roomTitle, 'room');
      expect(await page.getByTestId('room-role').textContent()).toBe('Facilitator');
      expect(await page.getByTestId('read-only-notice').count()).toBe(0);

      await page.getByRole('link', { name: `Back to ${communityName}` }).press('Enter');
      await page.locator('h1', { hasText: communityName }).waitFor();
      await page.getByRole('link', { name: roomTitle }).waitFor();
      await page.getByRole('link', { name: 'Members' }).press('Enter');
      await expectPage(page, 'Members', 'members');
      expect(await page.getByRole('row', { name: new RegExp(facilitator.name) }).textContent()).toContain(
        organisationName,
      );
      await expectErrorSummaryOnEmptySubmit(page, 'Email address', 1);
      await typeInto(page, 'Email address', invitee.email);
      await page.getByLabel('Role', { exact: true }).selectOption('member');
      await page.getByRole('button', { name: 'Create invitation' }).press('Enter');
      const linkField = page.getByLabel('Invitation link');
      await linkField.waitFor();
      invitationLink = await linkField.inputValue();
      expect(invitationLink).toMatch(new RegExp(`^${server.origin}/invitations/[\\w-]{16,}$`));
      await page.getByRole('button', { name: 'Copy link' }).press('Enter');
      await page.getByText('Link copied.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
      await page.getByRole('cell', { name: invitee.email, exact: true }).waitFor();
      await expectNoAxeViolations(page, 'on the members page with an invitation');
      expect(unexpected(facilitatorErrors)).toEqual([]);
    });

    it('lets the invited person sign up from the link, accept, and see the community and its room', async () => {
      const page = await newPage(browser);
      const errors = collectConsoleErrors(page);
      await page.goto(invitationLink);
      await expectPage(page, 'You have been invited to a community', 'invitation (signed out)');
      await page.getByRole('link', { name: 'Create an account' }).last().press('Enter');
      await expectPage(page, 'Create an account', 'sign-up (from an invitation)');
      await typeInto(page, 'Your name', invitee.name);
      await typeInto(page, 'Work email address', invitee.email);
      await typeInto(page, 'Password', invitee.password);
      await page.keyboard.press('Enter');

      await expectPage(page, `Join ${communityName}`, 'invitation');
      expect(await page.locator('.summary-list').textContent()).toContain('Member');
      await page.getByRole('button', { name: 'Accept invitation' }).press('Enter');
      await expectPage(page, communityName, 'community (as a member)');
      await page.getByRole('link', { name: roomTitle }).press('Enter');
      await expectPage(page, roomTitle, 'room (as a member)');
      expect(await page.getByTestId('room-role').textContent()).toBe('Member');

      // The same link cannot be used twice.
      await page.goto(invitationLink);
      await expectPage(page, 'This invitation can no longer be used', 'invitation (used)');
      expect(unexpected(errors).filter((e) => !e.includes('status of 410'))).toEqual([]);
    });

    it('lets a facilitator make an open-day pass, and a visitor join with it read-only', async () => {
      const page = facilitatorPage;
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Communities' })
        .press('Enter');
      await page.getByRole('link', { name: communityName }).press('Enter');
      await page.locator('h1', { hasText: communityName }).waitFor();
      await typeInto(page, 'Room title', openDayTitle);
      await page.getByLabel('Kind of room').selectOption('open-day');
      await page.getByRole('button', { name: 'Create room' }).press('Enter');
      await expectPage(page, openDayTitle, 'room (open day, facilitator)');

      await expectErrorSummaryOnEmptySubmit(page, 'Label', 1);
      const expiry = await page.getByLabel('Stops working at').inputValue();
      expect(expiry).toMatch(/T23:59$/);
      await typeInto(page, 'Label', 'Kent and Medway visitors');
      await page.getByRole('button', { name: 'Create pass' }).press('Enter');
      const passField = page.getByLabel('Visitor pass link');
      await passField.waitFor();
      passLink = await passField.inputValue();
      expect(passLink).toMatch(new RegExp(`^${server.origin}/visit/[\\w-]{16,}$`));
      await page
        .getByRole('row', { name: /Kent and Medway visitors/ })
        .getByText('Active')
        .waitFor();
      await expectNoAxeViolations(page, 'on the open-day room with a pass');

      const visitor = await newPage(browser);
      const visitorErrors = collectConsoleErrors(visitor);
      await visitor.goto(passLink);
      await expectPage(visitor, 'Join the open day', 'visit');
      await expectErrorSummaryOnEmptySubmit(visitor, 'Your display name', 1);
      await typeInto(visitor, 'Your display name', 'Sam, Kent social work team');
      await visitor.keyboard.press('Enter');
      await expectPage(visitor, openDayTitle, 'room (visitor)');
      expect(await visitor.getByTestId('read-only-notice').textContent()).toContain(
        'You are watching: read-only',
      );
      const header = visitor.getByRole('banner');
      expect(await header.textContent()).toContain(`Visiting: ${openDayTitle}`);
      expect(await header.getByRole('button', { name: 'Leave' }).count()).toBe(1);
      expect(await header.getByRole('link', { name: 'Communities' }).count()).toBe(0);
      expect(await visitor.getByRole('heading', { name: 'Visitor passes' }).count()).toBe(0);
      expect(unexpected(visitorErrors)).toEqual([]);

      await page.reload();
      const row = page.getByRole('row', { name: /Kent and Medway visitors/ });
      await row.getByRole('cell', { name: '1', exact: true }).waitFor();

      // Leaving ends the visit: the header offers signing in again and the room is closed to this browser.
      await header.getByRole('button', { name: 'Leave' }).press('Enter');
      await visitor.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
      await visitor.goBack();
      await expectPage(visitor, 'Sign in to see this room', 'room (after leaving)');
      expect(unexpected(visitorErrors)).toEqual([]);
    });

    it('revokes a pass after confirming, after which its link explains the pass has ended', async () => {
      const watcher = await newPage(browser);
      await watcher.goto(passLink);
      await typeInto(watcher, 'Your display name', 'Jo, Medway');
      await watcher.keyboard.press('Enter');
      await watcher.getByRole('heading', { level: 1, name: openDayTitle, exact: true }).waitFor();

      const page = facilitatorPage;
      const row = page.getByRole('row', { name: /Kent and Medway visitors/ });
      await row.getByRole('button', { name: /Revoke/ }).press('Enter');
      // Nothing happens until the facilitator confirms; focus moves to the confirmation.
      expect(await row.getByText('Active').count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, revoke');
      await page.keyboard.press('Enter');
      await row.getByText('Revoked').waitFor();
      expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
      // The Revoke button is gone, so focus moves to the news rather than back to the top of the page.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('“Kent and Medway visitors” was revoked.');

      // The revoked pass's visitor is out at once, and a reload still says their visit ended (not "sign in").
      await expectPage(watcher, 'This visit has ended', 'room (pass revoked)');
      await watcher.reload();
      await expectPage(watcher, 'This visit has ended', 'room (pass revoked, reloaded)');
      expect(await watcher.getByRole('banner').textContent()).not.toContain('Visiting:');

      const late = await newPage(browser);
      const errors = collectConsoleErrors(late);
      await late.goto(passLink);
      await typeInto(late, 'Your display name', 'Alex, Kent');
      await late.keyboard.press('Enter');
      await expectPage(late, 'This visitor pass has ended', 'visit (revoked pass)');

      await late.goto(`${server.origin}/visit/${'x'.repeat(40)}`);
      await typeInto(late, 'Your display name', 'Alex, Kent');
      await late.keyboard.press('Enter');
      await expectPage(late, 'This visitor pass link is not valid', 'visit (invalid link)');
      expect(unexpected(errors, [404, 410])).toEqual([]);
    });

    it('signs out and back in from the header, and shows the not-found page for unknown addresses', async () => {
      const page = facilitatorPage;
      await page.getByRole('button', { name: /Sign out/ }).press('Enter');
      await expectPage(page, 'Sign in', 'sign-in');
      await expectErrorSummaryOnEmptySubmit(page, 'Email address', 2);
      await typeInto(page, 'Email address', facilitator.email);
      await typeInto(page, 'Password', facilitator.password);
      await page.keyboard.press('Enter');
      await expectPage(page, 'Your communities', 'communities (after sign-in)');
      await page.getByRole('link', { name: communityName }).waitFor();

      await page.goto(`${server.origin}/no-such-page`);
      await expectPage(page, 'Page not found', 'not-found');
      expect(unexpected(facilitatorErrors)).toEqual([]);
    });
  },
);
