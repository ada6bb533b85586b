import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, signInThroughPage, snapshotBuiltClient, typeInto, unexpected } from './accessPages.ts';

// Each step drives several pages through a real server and database; under a loaded machine that can take a while.
describe(
  'access management in Chromium: organisation confirmation, partnerships, roles, removal and refused invitations',
  { timeout: 120_000 },
  () => {
    let server: TestServer;
    let browser: Browser;
    const tag = randomUUID().slice(0, 8);
    const facilitator = { name: 'Fatima Facilitator' };
    const invitee = { name: 'Ian Invitee', email: '' };
    const communityName = `Family group conferencing ${tag}`;
    const roomTitle = `Learning set 1 ${tag}`;
    const organisationName = `Leeds City Council ${tag}`;
    let facilitatorPage: Page;
    let facilitatorErrors: string[];
    let inviteePage: Page;
    let clientCopy = '';

    beforeAll(async () => {
      clientCopy = snapshotBuiltClient();
      server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
      browser = await launchBrowser();
      // The data is made over HTTP; everything these tests check is done through the pages.
      const fatima = await registerUser(server.origin, { displayName: facilitator.name });
      await createOrganisation(server.origin, fatima, { name: organisationName });
      const community = await createCommunity(server.origin, fatima, { name: communityName });
      await createRoom(server.origin, fatima, community.id, { title: roomTitle });
      const ian = await registerUser(server.origin, { displayName: invitee.name });
      await joinCommunityAs(server.origin, fatima, community.id, 'member', ian);
      invitee.email = ian.user.email;

      facilitatorPage = await newPage(browser);
      facilitatorErrors = collectConsoleErrors(facilitatorPage);
      await signInThroughPage(facilitatorPage, server.origin, fatima.user.email, fatima.password);
      inviteePage = await newPage(browser);
      await signInThroughPage(inviteePage, server.origin, ian.user.email, ian.password);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
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
      // The request and its buttons are gone, so focus moves to the news.
      await expect
        .poll(() => admin.evaluate(() => document.activeElement?.textContent))
        .toBe(`${invitee.name} is confirmed as working for ${organisationName}.`);
      await admin
        .getByRole('region', { name: `People confirmed at ${organisationName}` })
        .getByRole('listitem')
        .filter({ hasText: invitee.name })
        .waitFor();
      await admin.getByRole('button', { name: `Make admin ${invitee.name}` }).press('Enter');
      await admin.getByRole('listitem').filter({ hasText: invitee.name }).getByText('Admin').waitFor();
      await expect
        .poll(() => admin.evaluate(() => document.activeElement?.textContent))
        .toBe(`${invitee.name} is now an admin.`);
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
      const details = await page.locator('.summary-list').first().textContent();
      expect(details).toContain(`Source organisation${organisationName}`);
      // One recipient: the label is singular.
      expect(details).toContain(`Recipient organisation${kent.name}`);
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
      // A failed withdrawal says why, and the row stays with focus back on its Withdraw button.
      await page.route('**/invitations/*', (route) =>
        route.request().method() === 'DELETE' ? route.abort() : route.fallback(),
      );
      await waiting.getByRole('button', { name: /Withdraw/ }).press('Enter');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'We could not reach the server' }).waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe(`Withdraw invitation for someone-else-${tag}@example.org`);
      await page.unroute('**/invitations/*');
      await waiting.getByRole('button', { name: /Withdraw/ }).press('Enter');
      await page.keyboard.press('Enter');
      await page.getByText('No invitations are waiting.').waitFor();
      // The withdrawn row is gone, so focus moves to the news rather than back to the top of the page.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe(`The invitation for someone-else-${tag}@example.org was withdrawn.`);

      await page.getByRole('button', { name: `Remove ${invitee.name}` }).press('Enter');
      expect(await page.getByRole('row', { name: new RegExp(invitee.name) }).count()).toBe(1);
      await page.getByRole('button', { name: 'Yes, remove' }).press('Enter');
      await page.getByText(`${invitee.name} was removed from the community.`).waitFor();
      // The message comes first; the list reloads from the server just after.
      await expect.poll(() => page.getByRole('row', { name: new RegExp(invitee.name) }).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        `${invitee.name} was removed from the community.`,
      );
      await expectNoAxeViolations(page, 'on the members page after changes');

      const errors = collectConsoleErrors(inviteePage);
      await inviteePage.goto(roomAddress);
      await expectPage(inviteePage, 'Room not found', 'room (after removal)');
      expect(unexpected(errors, [404])).toEqual([]);
    });
  },
);
