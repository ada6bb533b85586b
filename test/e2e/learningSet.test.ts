import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { createCommunity, createRoom, joinCommunityAs, registerUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, signInThroughPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

describe(
  'a learning set in Chromium: its people and its ground rules, by keyboard',
  { timeout: 120_000 },
  () => {
    let server: TestServer;
    let browser: Browser;
    let clientCopy = '';
    const tag = randomUUID().slice(0, 8);
    const setTitle = `Pause practice set ${tag}`;
    const maya = 'Maya Member';
    let setId = '';
    let facilitatorPage: Page;
    let memberPage: Page;

    beforeAll(async () => {
      clientCopy = snapshotBuiltClient();
      server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
      browser = await launchBrowser();
      const fatima = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
      const community = await createCommunity(server.origin, fatima);
      setId = (
        await createRoom(server.origin, fatima, community.id, { kind: 'learning-set', title: setTitle })
      ).id;
      const member = await registerUser(server.origin, { displayName: maya });
      await joinCommunityAs(server.origin, fatima, community.id, 'member', member);
      facilitatorPage = await newPage(browser);
      await signInThroughPage(facilitatorPage, server.origin, fatima.user.email, fatima.password);
      memberPage = await newPage(browser);
      // Frontline staff often have only a phone: the member's side runs at 390 px.
      await memberPage.setViewportSize({ width: 390, height: 844 });
      await signInThroughPage(memberPage, server.origin, member.user.email, member.password);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
    });

    it('lets the facilitator write the ground rules from the suggestions and add someone from the community', async () => {
      const page = facilitatorPage;
      const errors = collectConsoleErrors(page);
      await page.goto(`${server.origin}/rooms/${setId}`);
      await expectPage(page, setTitle, 'learning set');
      await page.getByRole('button', { name: 'Write the ground rules' }).press('Enter');
      const draft = page.getByRole('textbox', { name: 'Ground rules for this set' });
      expect(await draft.inputValue()).toContain('LADO');
      await page.getByRole('button', { name: 'Save the ground rules' }).press('Enter');
      await page.getByText('The ground rules are saved.').waitFor();
      await page.getByTestId('ground-rules').waitFor();
      expect(await page.getByTestId('ground-rules').locator('li').count()).toBe(4);

      await page.getByLabel('Person', { exact: true }).selectOption({ label: maya });
      await page.getByLabel('Role in the set', { exact: true }).selectOption('member');
      await page.getByRole('button', { name: 'Add to the set' }).press('Enter');
      await page.getByText(`${maya} is now in the set as Member.`).waitFor();
      const row = page.getByRole('row', { name: new RegExp(maya) });
      expect(await row.textContent()).toContain('Not yet agreed');
      await expectNoAxeViolations(page, 'on the set with its people');
      expect(unexpected(errors)).toEqual([]);
    });

    it('lets the member read the ground rules and agree to them, at 390 px', async () => {
      const page = memberPage;
      const errors = collectConsoleErrors(page);
      await page.goto(`${server.origin}/rooms/${setId}`);
      await expectPage(page, setTitle, 'learning set (member, 390 px)');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // On a phone the room is tabs; the set's ground rules and people are under About.
      await page.getByRole('tab', { name: 'About' }).press('Enter');
      await page.getByRole('button', { name: 'I agree to these ground rules' }).press('Enter');
      await page.getByTestId('ground-rules-agreed').waitFor();
      await expectNoAxeViolations(page, 'after agreeing');
      expect(unexpected(errors)).toEqual([]);
    });

    it('lets the facilitator see who agreed, change a role and remove someone, who loses the set', async () => {
      const page = facilitatorPage;
      await page.reload();
      await expectPage(page, setTitle, 'learning set (after agreement)');
      const row = page.getByRole('row', { name: new RegExp(maya) });
      expect(await row.textContent()).toContain('Agreed');

      await page.getByLabel(`Role in the set for ${maya}`).selectOption('observer');
      await page.getByRole('button', { name: `Change role for ${maya}` }).press('Enter');
      await page.getByText(`${maya} is now Observer (read-only) in the set.`).waitFor();

      await page.getByRole('button', { name: `Remove ${maya}` }).press('Enter');
      await page.getByRole('button', { name: 'Yes, remove' }).press('Enter');
      await page.getByText(`${maya} was removed from the set.`).waitFor();
      // The list reloads after the news is shown: wait for the row to go rather than catching the old list.
      await page.getByRole('row', { name: new RegExp(maya) }).waitFor({ state: 'detached', timeout: 5000 });
      expect(await page.getByRole('row', { name: new RegExp(maya) }).count()).toBe(0);
      await expectNoAxeViolations(page, 'after removing someone');

      const errors = collectConsoleErrors(memberPage);
      await memberPage.reload();
      await memberPage.getByRole('heading', { level: 1 }).waitFor();
      expect(await memberPage.getByRole('heading', { level: 1, name: setTitle }).count()).toBe(0);
      expect(unexpected(errors, [404])).toEqual([]);
    });
  },
);
