import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { createCommunity, createOrganisation, joinCommunityAs, registerUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, signInThroughPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

describe('innovation profile in Chromium', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let clientCopy = '';
  const tag = randomUUID().slice(0, 8);
  const communityName = `Emotional wellbeing ${tag}`;
  const organisationName = `Birmingham drop-in ${tag}`;
  const innovationName = `Pause drop-in ${tag}`;
  const nullClaim = 'No change in re-referrals after a year';

  beforeAll(async () => {
    clientCopy = snapshotBuiltClient();
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
    browser = await launchBrowser();
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator, { name: communityName });
    const source = await registerUser(server.origin, { displayName: 'Sam Source' });
    await createOrganisation(server.origin, source, { name: organisationName, kind: 'voluntary' });
    await joinCommunityAs(server.origin, facilitator, community.id, 'member', source);
    page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    errors = collectConsoleErrors(page);
    await signInThroughPage(page, server.origin, source.user.email, source.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
  });

  const keyboard = () => page.keyboard;
  /** Types into a control found by its label inside `scope` (a group on the page, or the page), from the keyboard. */
  const typeIn = async (scope: Page | Locator, label: string, text: string) => {
    await scope.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(text);
  };
  const fitsWidth = async (name: string) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} fits 390 px without scrolling sideways`,
    ).toBeLessThanOrEqual(390);

  it('lets its source fill in a profile with a null finding, shown plainly on the community page', async () => {
    await page.getByRole('link', { name: communityName }).press('Enter');
    await expectPage(page, communityName, 'community');
    await page.getByRole('link', { name: 'Add an innovation from your organisation' }).press('Enter');
    await expectPage(page, 'Add an innovation', 'new innovation');
    await fitsWidth('the form');

    await typeIn(page, 'Name of the innovation', innovationName);
    await typeIn(page, 'Summary', 'A drop-in emotional wellbeing service for young people up to 25.');
    await typeIn(page, 'Vision', 'Young people get help the day they ask. Ask Jamie, DOB 01/02/2012.');

    await page.getByRole('button', { name: 'Add a core function' }).press('Enter');
    const core = page.getByRole('group', { name: 'Core function 1' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('innovation-coreFunctions-0-title');
    await keyboard().type('Same-day help');
    await typeIn(core, 'What it achieves', 'Help the same day, without an appointment');

    await page.getByRole('button', { name: 'Add a piece of evidence' }).press('Enter');
    const evidence = page.getByRole('group', { name: 'Piece of evidence 1' });
    await typeIn(evidence, 'What it claims', nullClaim);
    await evidence.getByLabel('Kind of evidence').focus();
    await keyboard().type('Independent');
    await evidence.getByLabel('What it found').focus();
    await keyboard().type('No effect');
    await typeIn(evidence, 'Source', 'University evaluation');
    await typeIn(evidence, 'Date', '2018-03-31');
    await page.getByLabel('Stage').focus();
    await keyboard().type('Evidenced');
    await typeIn(page, 'What was non-negotiable', 'No appointment needed');
    await page.getByRole('checkbox', { name: 'Sam Source' }).focus();
    await keyboard().press('Space');

    // The vision names a child's date of birth: the form warns before saving, and the text is changed.
    await page.getByRole('button', { name: 'Add the innovation' }).press('Enter');
    const warning = page.getByTestId('innovation-personal-data-warning');
    await warning.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('innovation-personal-data-warning');
    await expectNoAxeViolations(page, 'with the personal-data warning');
    await warning.getByRole('button', { name: 'Change the text' }).press('Enter');
    await page.getByLabel('Vision', { exact: true }).focus();
    await keyboard().press('Control+A');
    await keyboard().type('Young people get help the day they ask.');
    await page.getByRole('button', { name: 'Add the innovation' }).press('Enter');

    await expectPage(page, communityName, 'community with its innovation');
    await fitsWidth('the community page');
    const findings = page.getByRole('list', { name: `Evidence for ${innovationName}` });
    expect(await findings.textContent()).toContain(`No effect found (null finding) ${nullClaim}`);

    await page.getByRole('link', { name: innovationName }).press('Enter');
    await expectPage(page, innovationName, 'innovation profile');
    await fitsWidth('the profile');
    expect(await page.getByText('No effect found (null finding)').count()).toBe(1);
    expect(await page.getByText('Evidenced', { exact: true }).count()).toBe(1);
    expect(await page.locator('.innovation-history').textContent()).toContain('Sam Source');
    expect(
      await page
        .getByRole('heading', { name: 'Contacts' })
        .locator('xpath=following-sibling::ul[1]')
        .textContent(),
    ).toContain('Sam Source');
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets its source add a negative finding later, kept in the history with who made the change', async () => {
    await page.getByRole('link', { name: 'Edit this profile' }).press('Enter');
    await expectPage(page, `Edit ${innovationName}`, 'edit innovation');
    await page.getByRole('button', { name: 'Add a piece of evidence' }).press('Enter');
    const evidence = page.getByRole('group', { name: 'Piece of evidence 2' });
    await typeIn(evidence, 'What it claims', 'Some young people waited longer');
    await evidence.getByLabel('Kind of evidence').focus();
    await keyboard().type('Testimony');
    await evidence.getByLabel('What it found').focus();
    await keyboard().type('Negative');
    await typeIn(evidence, 'Source', 'Young advisers');
    await typeIn(evidence, 'Date', '2019-01-31');
    await page.getByRole('button', { name: 'Save changes' }).press('Enter');
    await expectPage(page, innovationName, 'innovation profile after a change');
    await page.getByText('Negative finding', { exact: true }).waitFor();
    expect(await page.getByText('No effect found (null finding)', { exact: true }).count()).toBe(1);
    const history = page.locator('.innovation-history > li').first();
    expect(await history.textContent()).toContain('Sam Source');
    expect(await history.textContent()).toContain(
      'Added evidence “Some young people waited longer” (Negative finding)',
    );
    expect(unexpected(errors)).toEqual([]);
  });
});
