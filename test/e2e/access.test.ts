import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { createOrganisation, registerUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

// A refused link is answered 403/404/410 and Chromium logs every 4xx fetch as a console error. Only those network
// lines, for the statuses a step expects, are allowed: any script error (or an unexpected 401) fails the test.
const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
};
const unexpected = (errors: string[], allowed: number[] = []) =>
  errors.filter(
    (error) =>
      !allowed.some(
        (status) =>
          error ===
          `Failed to load resource: the server responded with a status of ${status} (${STATUS_TEXT[status]})`,
      ),
  );

/**
 * Copies the built client so this file serves one consistent build even if `pnpm build` runs again meanwhile
 * (a rebuild replaces the hashed chunks the open pages still load lazily).
 */
function snapshotBuiltClient(): string {
  const dist = path.resolve(import.meta.dirname, '../../client/dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('No built client: run `pnpm build` first.');
  const copy = mkdtempSync(path.join(tmpdir(), 'access-e2e-client-'));
  cpSync(dist, copy, { recursive: true });
  return copy;
}

/** Waits for a page's single h1, checks there is exactly one, and runs axe-core on it. */
async function expectPage(page: Page, title: string, name: string): Promise<void> {
  // Exact, so "Join <community>" on the page before does not count as arriving at "<community>".
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  expect(await page.locator('h1').count(), `one h1 on ${name}`).toBe(1);
  await expectNoAxeViolations(page, `on the ${name} page`);
}

/** Types into the control labelled `label` from the keyboard. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/** Submits the focused field's form with Enter, then checks the error summary took focus and links to fields. */
async function expectErrorSummaryOnEmptySubmit(page: Page, focusLabel: string, links: number): Promise<void> {
  await page.getByLabel(focusLabel, { exact: true }).focus();
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  expect(await summary.getAttribute('role')).toBe('alert');
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  expect(await summary.locator('a').count()).toBe(links);
  // Each link moves focus to its field, and that field says it is invalid.
  await summary.locator('a').first().click();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'));
  expect(focused).toBe('true');
}

// Each step drives several pages through a real server and database; under a loaded machine that can take a while.
describe(
  'access pages in Chromium: accounts, organisations, communities, invitations, rooms and visits',
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
    const roomTitle = `Learning set 1 ${tag}`;
    const openDayTitle = `Open day ${tag}`;
    const organisationName = `Leeds City Council ${tag}`;
    let facilitatorPage: Page;
    let facilitatorErrors: string[];
    let inviteePage: Page;
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
      await page.getByLabel('Kind of room').selectOption('learning-set');
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
      inviteePage = page;
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

      // The revoked pass's visitor is out: their session is gone and the room asks them to sign in.
      await watcher.reload();
      await expectPage(watcher, 'Sign in to see this room', 'room (pass revoked)');
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

    it('tells someone holding an invitation for another address that it is not theirs', async () => {
      const page = facilitatorPage;
      await page.goto(`${server.origin}/communities`);
      await page.getByRole('link', { name: communityName }).press('Enter');
      await page.getByRole('link', { name: 'Members' }).press('Enter');
      await page.locator('h1', { hasText: 'Members' }).waitFor();
      expect(await page.getByRole('row', { name: new RegExp(invitee.name) }).textContent()).toContain(
        'Member',
      );
      await typeInto(page, 'Email address', `someone-else-${tag}@example.org`);
      await page.getByRole('button', { name: 'Create invitation' }).press('Enter');
      const link = await page.getByLabel('Invitation link').inputValue();

      const errors = collectConsoleErrors(inviteePage);
      await inviteePage.goto(link);
      await inviteePage.getByText(`You are signed in as ${invitee.email}`).waitFor();
      await inviteePage.getByRole('button', { name: 'Accept invitation' }).press('Enter');
      await expectPage(inviteePage, 'This invitation is for someone else', 'invitation (wrong email)');
      expect(unexpected(errors, [403])).toEqual([]);
    });

    it('lets someone ask to join an organisation, waiting until its admin confirms them', async () => {
      const page = inviteePage;
      await page.goto(`${server.origin}/organisation`);
      await expectPage(page, 'Your organisation', 'organisation (choosing)');
      await typeInto(page, 'Search by name', `leeds city council ${tag}`);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: `Ask to join ${organisationName}` }).press('Enter');
      await page.getByText('Waiting for confirmation').waitFor();
      await expectNoAxeViolations(page, 'on the organisation page while waiting');

      const admin = facilitatorPage;
      await admin.goto(`${server.origin}/organisation`);
      const request = admin.getByRole('listitem').filter({ hasText: invitee.name });
      await request.getByRole('button', { name: `Confirm ${invitee.name}` }).press('Enter');
      await admin
        .getByRole('region', { name: `People confirmed at ${organisationName}` })
        .getByRole('listitem')
        .filter({ hasText: invitee.name })
        .waitFor();
      await admin.getByRole('button', { name: `Make admin ${invitee.name}` }).press('Enter');
      await admin.getByRole('listitem').filter({ hasText: invitee.name }).getByText('Admin').waitFor();
      await expectNoAxeViolations(admin, 'on the organisation page after confirming');

      await page.reload();
      await page.getByText('Confirmed', { exact: true }).waitFor();
    });

    it('creates a partnership room by searching for its source and recipient organisations', async () => {
      const kentAdmin = await registerUser(server.origin);
      const kent = await createOrganisation(server.origin, kentAdmin, { name: `Kent County Council ${tag}` });
      const page = facilitatorPage;
      await page.goto(`${server.origin}/communities`);
      await page.getByRole('link', { name: communityName }).press('Enter');
      await page.getByRole('heading', { level: 1, name: communityName, exact: true }).waitFor();
      await typeInto(page, 'Room title', `Leeds and Kent partnership ${tag}`);
      await page.getByLabel('Kind of room').selectOption('partnership');
      await page.getByRole('button', { name: 'Create room' }).press('Enter');
      // Both organisation choices are missing: one summary link each, to each search box.
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.locator('a').allTextContents()).toEqual([
        'Choose the source organisation',
        'Choose at least one recipient organisation',
      ]);
      await expectNoAxeViolations(page, 'on the community page with partnership errors');

      // Enter in a search box searches; it must not submit the room form around it.
      await typeInto(page, 'Find the source organisation', `leeds city council ${tag}`);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: `Choose ${organisationName}` }).press('Enter');
      await typeInto(page, 'Find a recipient organisation', tag);
      await page.keyboard.press('Enter');
      // The source cannot also be a recipient, so only Kent is offered.
      await page.getByRole('button', { name: `Add ${kent.name}` }).waitFor();
      expect(await page.getByRole('button', { name: `Add ${organisationName}` }).count()).toBe(0);
      await page.getByRole('button', { name: `Add ${kent.name}` }).press('Enter');
      await page.getByRole('button', { name: 'Create room' }).press('Enter');

      await expectPage(page, `Leeds and Kent partnership ${tag}`, 'room (partnership)');
      const details = await page.locator('.summary-list').textContent();
      expect(details).toContain(`Source organisation${organisationName}`);
      expect(details).toContain(`Recipient organisations${kent.name}`);
      expect(unexpected(facilitatorErrors)).toEqual([]);
    });

    it('changes a member to observer, then removes them, each taking effect for that member', async () => {
      const page = facilitatorPage;
      await page.goto(`${server.origin}/communities`);
      await page.getByRole('link', { name: communityName }).press('Enter');
      await page.getByRole('link', { name: 'Members' }).press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Members', exact: true }).waitFor();
      await page.getByLabel(`Role for ${invitee.name}`).selectOption('observer');
      await page.getByRole('button', { name: `Change role for ${invitee.name}` }).press('Enter');
      await page.getByText(`${invitee.name} is now Observer (read-only).`).waitFor();

      await inviteePage.goto(`${server.origin}/communities`);
      await inviteePage.getByRole('link', { name: communityName }).press('Enter');
      await inviteePage.getByRole('link', { name: roomTitle }).press('Enter');
      await expectPage(inviteePage, roomTitle, 'room (as an observer)');
      expect(await inviteePage.getByTestId('read-only-notice').textContent()).toContain(
        'You are watching: read-only',
      );
      const roomAddress = inviteePage.url();

      // An observer sees who is in the community but none of the controls that change it.
      const observerErrors = collectConsoleErrors(inviteePage);
      await inviteePage.getByRole('link', { name: `Back to ${communityName}` }).press('Enter');
      await inviteePage.getByRole('heading', { level: 1, name: communityName, exact: true }).waitFor();
      expect(await inviteePage.getByRole('heading', { name: 'Create a room' }).count()).toBe(0);
      await inviteePage.getByRole('link', { name: 'Members' }).press('Enter');
      await expectPage(inviteePage, 'Members', 'members (as an observer)');
      await inviteePage.getByRole('row', { name: new RegExp(facilitator.name) }).waitFor();
      expect(await inviteePage.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
      expect(await inviteePage.getByRole('button', { name: /Change role|Remove/ }).count()).toBe(0);
      expect(unexpected(observerErrors)).toEqual([]);

      // The invitation for someone else is still waiting: withdraw it after confirming.
      const waiting = page.getByRole('row', { name: new RegExp(`someone-else-${tag}`) });
      await waiting.getByRole('button', { name: /Withdraw/ }).press('Enter');
      await page.keyboard.press('Enter');
      await page.getByText('No invitations are waiting.').waitFor();

      await page.getByRole('button', { name: `Remove ${invitee.name}` }).press('Enter');
      expect(await page.getByRole('row', { name: new RegExp(invitee.name) }).count()).toBe(1);
      await page.getByRole('button', { name: 'Yes, remove' }).press('Enter');
      await page.getByText(`${invitee.name} was removed from the community.`).waitFor();
      // The message comes first; the list reloads from the server just after.
      await expect.poll(() => page.getByRole('row', { name: new RegExp(invitee.name) }).count()).toBe(0);
      await expectNoAxeViolations(page, 'on the members page after changes');

      const errors = collectConsoleErrors(inviteePage);
      await inviteePage.goto(roomAddress);
      await expectPage(inviteePage, 'Room not found', 'room (after removal)');
      expect(unexpected(errors, [404])).toEqual([]);
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
