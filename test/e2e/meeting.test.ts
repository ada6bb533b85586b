import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Meeting } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import {
  addToSet,
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { agree } from '../support/meetingWorld.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, signInThroughPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

/** Counts what a polite live region says, from a MutationObserver in the page, so a repeat cannot hide. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.querySelector('[data-testid="clock-announcement"]')!;
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text) said.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}
const announcements = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

/** Presses a button by its accessible name, from the keyboard. */
const press = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' }).press('Enter');
/** Types into a field from the keyboard. */
async function type(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

describe('a learning set meeting in Chromium, by keyboard', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let clientCopy = '';
  const tag = randomUUID().slice(0, 8);
  const setTitle = `Pause practice set ${tag}`;
  const maya = 'Maya Member';
  let setId = '';
  let meetingId = '';
  let facilitator: Page;
  let member: Page;
  let sam: Awaited<ReturnType<typeof registerUser>>;

  beforeAll(async () => {
    clientCopy = snapshotBuiltClient();
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', CLIENT_DIST: clientCopy });
    browser = await launchBrowser();
    const fatima = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
    const community = await createCommunity(server.origin, fatima);
    setId = (await createRoom(server.origin, fatima, community.id, { kind: 'learning-set', title: setTitle }))
      .id;
    const mayaUser = await registerUser(server.origin, { displayName: maya });
    await joinCommunityAs(server.origin, fatima, community.id, 'member', mayaUser);
    await addToSet(server.origin, fatima, setId, mayaUser.user.id, 'member');
    sam = await registerUser(server.origin, { displayName: 'Sam Second' });
    await joinCommunityAs(server.origin, fatima, community.id, 'member', sam);
    await addToSet(server.origin, fatima, setId, sam.user.id, 'member');
    facilitator = await newPage(browser);
    await signInThroughPage(facilitator, server.origin, fatima.user.email, fatima.password);
    member = await newPage(browser);
    await member.setViewportSize({ width: 390, height: 844 });
    await signInThroughPage(member, server.origin, mayaUser.user.email, mayaUser.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
  });

  it('contracts: the facilitator writes the ground rules and everyone agrees', async () => {
    const errors = collectConsoleErrors(facilitator);
    await facilitator.goto(`${server.origin}/rooms/${setId}`);
    await expectPage(facilitator, setTitle, 'learning set');
    await press(facilitator, 'Write the ground rules');
    await press(facilitator, 'Save the ground rules');
    await facilitator.getByText('The ground rules are saved.').waitFor();
    await press(facilitator, 'I agree to these ground rules');
    await facilitator.getByTestId('ground-rules-agreed').waitFor();

    await member.goto(`${server.origin}/rooms/${setId}`);
    await expectPage(member, setTitle, 'learning set (member, 390 px)');
    // On a phone the room is tabs; the set's ground rules and meetings are under About.
    await member.getByRole('tab', { name: 'About' }).press('Enter');
    await press(member, 'I agree to these ground rules');
    await member.getByTestId('ground-rules-agreed').waitFor();
    const rules = await api<{ groundRules: { revision: number } }>(
      server.origin,
      'GET',
      `/api/rooms/${setId}/ground-rules`,
      {
        cookie: sam.cookie,
      },
    );
    await agree(server.origin, setId, sam, rules.body.groundRules.revision);
    expect(unexpected(errors)).toEqual([]);
  });

  it('schedules and starts a meeting, with typed questions on', async () => {
    const errors = collectConsoleErrors(facilitator);
    await type(facilitator, 'Title', 'December meeting');
    await facilitator.getByLabel('Starts at', { exact: true }).fill('2026-12-01T10:00');
    await press(facilitator, 'Schedule the meeting');
    const link = facilitator.getByRole('link', { name: 'December meeting' });
    await link.waitFor();
    await expectNoAxeViolations(facilitator, 'on the set with a meeting');
    await link.press('Enter');
    await expectPage(facilitator, 'December meeting', 'meeting (facilitator)');
    meetingId = facilitator.url().split('/').pop()!;
    await facilitator.getByLabel('Take typed questions in the questions round').press('Space');
    await facilitator.getByRole('heading', { name: 'Questions for the presenter' }).waitFor();
    await press(facilitator, 'Edit the stages');
    await type(facilitator, 'Stage 1 title', 'Check-in round');
    await expectNoAxeViolations(facilitator, 'editing the stages');
    await press(facilitator, 'Save the stages');
    await facilitator.getByText('Check-in round').waitFor();
    await press(facilitator, 'Start the meeting');
    await facilitator.getByTestId('current-stage').getByText('Check-in round').waitFor();
    await expectNoAxeViolations(facilitator, 'on the live meeting');

    await member.goto(`${server.origin}/meetings/${meetingId}`);
    await expectPage(member, 'December meeting', 'meeting (member, 390 px)');
    await member.getByTestId('current-stage').getByText('Check-in round').waitFor();
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(unexpected(errors)).toEqual([]);
  });

  it('takes bids and orders them into presenter stages', async () => {
    await type(member, 'Minutes you would like', '16');
    await type(member, 'Topic (optional)', 'Working with a partner agency');
    await press(member, 'Bid for time');
    await member.getByText('Your bid is in.').waitFor();
    await facilitator.getByTestId('bid-list').getByText(maya).waitFor();
    await press(facilitator, 'Make the presenter stages in this order');
    await facilitator.getByText('The presenter stages are on the board').waitFor();
    await member.getByText(`${maya} presents`).waitFor();
    await expectNoAxeViolations(member, 'with bids and presenter stages');
  });

  it('lets the presenter hide the clock, and announces two minutes left exactly once', async () => {
    await press(facilitator, `Move to this stage: ${maya} presents`);
    await member.getByTestId('current-stage').getByText(`${maya} presents`).waitFor();
    await press(member, 'Hide the clock during my slot');
    await facilitator.getByTestId('clock-hidden').waitFor();
    expect(await facilitator.getByTestId('clock').count()).toBe(0);
    await member.getByTestId('clock').waitFor();
    await press(member, 'Show the clock to everyone');
    await facilitator.getByTestId('clock').waitFor();

    await recordAnnouncements(member);
    await recordAnnouncements(facilitator);
    // A 16-minute bid gives 4 minutes of presenting: two minutes off brings the clock to two minutes left.
    await press(facilitator, 'Take off a minute');
    await member
      .getByTestId('clock')
      .getByText(/^2:|^3:0/)
      .waitFor();
    await press(facilitator, 'Take off a minute');
    await member.getByTestId('clock-announcement').getByText('Two minutes left in this stage.').waitFor();
    await member.waitForTimeout(2500);
    expect(await announcements(member)).toEqual(['Two minutes left in this stage.']);
    expect(await announcements(facilitator)).toEqual(['Two minutes left in this stage.']);
    await press(facilitator, 'Take off a minute');
    await press(facilitator, 'Take off a minute');
    await member.getByTestId('clock-announcement').getByText('Time is up for this stage.').waitFor();
    await member.waitForTimeout(1500);
    expect(await announcements(member)).toEqual([
      'Two minutes left in this stage.',
      'Time is up for this stage.',
    ]);
    await expectNoAxeViolations(member, 'with the clock at zero');
  });

  it('runs the questions round: an advice prompt, and the presenter marks what helped', async () => {
    await press(facilitator, `Move to this stage: Questions for ${maya}`);
    await member.getByTestId('current-stage').getByText(`Questions for ${maya}`).waitFor();
    await type(facilitator, 'Your question', 'You should ring the manager first.');
    await facilitator
      .getByTestId('advice-prompt')
      .getByText('In this round, ask a question rather than give advice')
      .waitFor();
    await press(facilitator, 'Post it anyway');
    // The field empties when the server has the question; typing earlier would race that.
    await facilitator.getByTestId('question-list').getByText('You should ring the manager first.').waitFor();
    await type(facilitator, 'Your question', 'What would a good outcome look like for you?');
    expect(await facilitator.getByTestId('advice-prompt').textContent()).toBe('');
    await press(facilitator, 'Ask the question');
    await member
      .getByTestId('question-list')
      .getByText('What would a good outcome look like for you?')
      .waitFor();
    await press(member, /This helped: What would a good outcome/);
    await facilitator.getByTestId('question-list').getByText('Helped').waitFor();
    await expectNoAxeViolations(facilitator, 'in the questions round');
  });

  it('lets the presenter write their actions, and the meeting ends', async () => {
    await press(facilitator, `Move to this stage: ${maya}: reflection and actions`);
    await type(member, 'An action you will take', 'Arrange a joint visit with the health visitor');
    await press(member, 'Add your action');
    await facilitator.getByTestId('meeting-actions').getByText('Arrange a joint visit').waitFor();
    // Notes exist only because the presenter opts in, choosing who takes them.
    await member.getByLabel('Sam Second', { exact: true }).press('Space');
    await press(member, 'Opt in to notes on my slot');
    await member.getByRole('textbox', { name: /Learning document for notes on Maya Member/ }).waitFor();
    await member.getByText('Question from the learner').first().waitFor();
    await expectNoAxeViolations(member, 'with the presenter’s notes open');
    await press(facilitator, 'End the meeting');
    await member.getByText('Ended').first().waitFor();
    await expectNoAxeViolations(member, 'after the meeting ended');
  });

  it('brings the action back at the next meeting, where its owner reflects on it', async () => {
    const next = await api<{ meeting: Meeting }>(server.origin, 'POST', `/api/rooms/${setId}/meetings`, {
      cookie: (await facilitator.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
      body: { title: 'January meeting', startsAt: '2027-01-05T10:00:00.000Z' },
    });
    expect(next.status).toBe(201);
    await facilitator.goto(`${server.origin}/meetings/${next.body.meeting.id}`);
    await expectPage(facilitator, 'January meeting', 'next meeting (facilitator)');
    await press(facilitator, 'Start the meeting');
    await press(facilitator, 'Move to this stage: Reflection on actions from the last meeting');

    await member.goto(`${server.origin}/meetings/${next.body.meeting.id}`);
    await expectPage(member, 'January meeting', 'next meeting (member, 390 px)');
    await member.getByTestId('earlier-actions').getByText('Arrange a joint visit').waitFor();
    await type(
      member,
      'What did I do, and what did I learn?',
      'I went with the health visitor and learned to ask first.',
    );
    await press(member, 'Save your reflection');
    await facilitator.getByText('What I did, and what I learned: I went with the health visitor').waitFor();
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(member, 'after reflecting');
  });
});
