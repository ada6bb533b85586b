import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Innovation } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, signInThroughPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

describe('a partnership in Chromium, at 390 px', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let sourcePage: Page;
  let recipientPage: Page;
  const errors: string[][] = [];
  let clientCopy = '';
  let source: SignedIn;
  let recipient: SignedIn;
  let communityId = '';
  let roomId = '';
  const tag = randomUUID().slice(0, 8);
  const communityName = `Spreading what works ${tag}`;
  const sourceName = `Birmingham drop-in ${tag}`;
  const recipientName = `Westborough Council ${tag}`;
  const innovationName = `Pause drop-in ${tag}`;
  const familiesSaid = 'Parents said a call the same day mattered more than a building';

  beforeAll(async () => {
    clientCopy = snapshotBuiltClient();
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
    browser = await launchBrowser();
    const facilitator = await registerUser(server.origin);
    communityId = (await createCommunity(server.origin, facilitator, { name: communityName })).id;
    source = await registerUser(server.origin, { displayName: 'Sam Source' });
    recipient = await registerUser(server.origin, { displayName: 'Rita Recipient' });
    await createOrganisation(server.origin, source, { name: sourceName, kind: 'voluntary' });
    await createOrganisation(server.origin, recipient, { name: recipientName });
    await joinCommunityAs(server.origin, facilitator, communityId, 'member', source);
    await joinCommunityAs(server.origin, facilitator, communityId, 'member', recipient);
    const open = async (who: SignedIn) => {
      const page = await newPage(browser);
      await page.setViewportSize({ width: 390, height: 844 });
      errors.push(collectConsoleErrors(page));
      await signInThroughPage(page, server.origin, who.user.email, who.password);
      return page;
    };
    sourcePage = await open(source);
    recipientPage = await open(recipient);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
  });

  const typeIn = async (page: Page, scope: Page | Locator, label: string, text: string) => {
    await scope.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(text);
  };
  const choose = async (page: Page, scope: Locator, label: string, option: string) => {
    await scope.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(option);
  };
  const fitsWidth = async (page: Page, name: string) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} fits 390 px without scrolling sideways`,
    ).toBeLessThanOrEqual(390);
  const entryOn = (page: Page) =>
    page.getByTestId('adaptation-entry').filter({ hasText: `${recipientName}: Same-day help` });
  const openRoom = async (page: Page) => {
    await page.goto(`${server.origin}/rooms/${roomId}`);
    await expectPage(page, `${sourceName} and ${recipientName}`, 'partnership');
    // On a phone the room is tabs; the partnership's journey, log and health are under About.
    await page.getByRole('tab', { name: 'About' }).press('Enter');
    await page.getByRole('heading', { name: 'Adaptation log' }).waitFor();
    await entryOn(page).waitFor();
  };

  it('the source fills in its innovation profile with a null finding', async () => {
    const page = sourcePage;
    await page.getByRole('link', { name: communityName }).press('Enter');
    await expectPage(page, communityName, 'community');
    await page.getByRole('link', { name: 'Add an innovation from your organisation' }).press('Enter');
    await expectPage(page, 'Add an innovation', 'new innovation');
    await typeIn(page, page, 'Name of the innovation', innovationName);
    await typeIn(page, page, 'Summary', 'A drop-in emotional wellbeing service for young people up to 25.');
    await page.getByRole('button', { name: 'Add a core function' }).press('Enter');
    // The new core function's first field takes focus once it is drawn; type only then, as a person would.
    await page
      .getByRole('group', { name: 'Core function 1' })
      .locator('input:focus, textarea:focus')
      .waitFor();
    await page.keyboard.type('Same-day help');
    await typeIn(
      page,
      page.getByRole('group', { name: 'Core function 1' }),
      'What it achieves',
      'Help the same day, without an appointment',
    );
    await page.getByRole('button', { name: 'Add a piece of evidence' }).press('Enter');
    const evidence = page.getByRole('group', { name: 'Piece of evidence 1' });
    await typeIn(page, evidence, 'What it claims', 'No change in re-referrals after a year');
    await choose(page, evidence, 'Kind of evidence', 'Process');
    await choose(page, evidence, 'What it found', 'No effect');
    await typeIn(page, evidence, 'Source', 'University evaluation');
    await typeIn(page, evidence, 'Date', '2018-03-31');
    await page.getByRole('button', { name: 'Add the innovation' }).press('Enter');
    await expectPage(page, communityName, 'community with its innovation');
    expect(await page.getByRole('list', { name: `Evidence for ${innovationName}` }).textContent()).toContain(
      'No effect found (null finding)',
    );
    await fitsWidth(page, 'the community page');

    const listed = await api<{ innovations: Innovation[] }>(
      server.origin,
      'GET',
      `/api/communities/${communityId}/innovations`,
      {
        cookie: source.cookie,
      },
    );
    const innovation = listed.body.innovations.find((i) => i.name === innovationName)!;
    expect(innovation.evidence[0]!.finding).toBe('null');
    const organisations = (who: SignedIn) =>
      api<{ user: { organisation: { id: string } | null } }>(server.origin, 'GET', '/api/me', {
        cookie: who.cookie,
      });
    const room = await createRoom(server.origin, source, communityId, {
      kind: 'partnership',
      title: `${sourceName} and ${recipientName}`,
      sourceOrganisationId: innovation.sourceOrganisation.id,
      recipientOrganisationIds: [(await organisations(recipient)).body.user.organisation!.id],
      innovationId: innovation.id,
    });
    roomId = room.id;
    expect(room.visibility).toBe('partners');
  });

  it('a recipient records an adaptation of a core function with what families said', async () => {
    const page = recipientPage;
    await openRoom(page);
    const entry = entryOn(page);
    await choose(page, entry, 'Your choice', 'Adapting');
    await typeIn(page, entry, 'What you changed', 'Same-day help by phone as well as in person');
    await typeIn(page, entry, 'Why', 'A rural county: the bus takes two hours');
    await typeIn(page, entry, 'What children, young people or families said', familiesSaid);
    await choose(page, entry, 'Does this still achieve it?', 'Yes');
    await entry.getByRole('button', { name: 'Save entry' }).press('Enter');
    await entry.getByText('Core function changed').waitFor();
    await choose(page, entry, 'Your side settles this as', 'Agreed');
    await entry.getByRole('button', { name: 'Settle' }).press('Enter');
    await entry.getByText('Recipient: Agreed; source: not yet').waitFor();
    expect(await entry.textContent()).toContain(familiesSaid);
    await expectNoAxeViolations(page, 'after recording an adaptation');
    await fitsWidth(page, 'the partnership page');
  });

  it('the source replies and both sides settle it', async () => {
    const page = sourcePage;
    await openRoom(page);
    const entry = entryOn(page);
    expect(await entry.textContent()).toContain('Core function changed');
    expect(await entry.textContent()).toContain(familiesSaid);
    await typeIn(page, entry, 'Your reply as the source', 'Phone help the same day still achieves it');
    await entry.getByRole('button', { name: 'Save reply' }).press('Enter');
    await entry.getByText('Phone help the same day still achieves it', { exact: true }).waitFor();
    await choose(page, entry, 'Your side settles this as', 'Agreed');
    await entry.getByRole('button', { name: 'Settle' }).press('Enter');
    await entry.getByText('Settled: Agreed').waitFor();
    await expectNoAxeViolations(page, 'after settling');
    await fitsWidth(page, 'the partnership page for the source');
  });

  it('the journey shows a logged call, and both sides see the health figures', async () => {
    const page = recipientPage;
    await openRoom(page);
    expect(await entryOn(page).textContent()).toContain('Settled: Agreed');
    await page.getByRole('button', { name: 'Log a call' }).press('Enter');
    await page.getByTestId('journey-events').getByText('Call logged').waitFor();
    await page.getByRole('heading', { name: 'Partnership health' }).waitFor();
    await page.getByRole('table', { name: /Activity per month/ }).waitFor();
    await expectNoAxeViolations(page, 'with the logged call');
    await fitsWidth(page, 'the journey');
    for (const list of errors) expect(unexpected(list)).toEqual([]);
  });
});
