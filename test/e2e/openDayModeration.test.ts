import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HostedOpenDay, OwnQuestion, PublicQuestion } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, newPage } from '../support/browser.ts';
import { api } from '../support/http.ts';
import { expectPage, signInThroughPage, typeInto, unexpected } from './accessPages.ts';
import {
  expectNoSidewaysScroll,
  passCookie,
  registerByEmail,
  scheduleOpenDay,
  shootBothWidths,
  startOpenDayWorld,
  type OpenDayWorld,
} from './openDayWorld.ts';

const COST = 'What does one session cost to run?';
const SAME_COST = 'How much is each session, roughly?';
const NAMED = 'What happened with Jamie, aged 7, after the first visit?';
const ANONYMOUS = 'What happens for a young child after their first visit?';
const OFF_TOPIC = 'Can I sell you our case management system?';

describe('the host moderates open-day questions by keyboard alone', { timeout: 180_000 }, () => {
  let world: OpenDayWorld;
  let openDay: HostedOpenDay;
  let page: Page;
  let errors: string[];
  let visitorCookie = '';
  let first: { email: string; passLink: string; cancelLink: string };
  let second: { email: string; passLink: string; cancelLink: string };
  const ids: Record<string, string> = {};

  const ask = async (cookie: string, text: string) => {
    const result = await api<{ question: OwnQuestion }>(
      world.server.origin,
      'POST',
      '/api/open-day-pass/questions',
      {
        cookie,
        body: { text, personalDataChecked: true },
      },
    );
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    ids[text] = result.body.question.id;
  };
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  const focusButton = async (text: string, button: string) => {
    await page.locator(`#question-${ids[text]}-${button}`).focus();
    expect(await focused()).toBe(`question-${ids[text]}-${button}`);
  };
  const visibleToVisitors = async () =>
    (
      await api<{ questions: PublicQuestion[] }>(world.server.origin, 'GET', '/api/open-day-pass/questions', {
        cookie: visitorCookie,
      })
    ).body.questions;

  beforeAll(async () => {
    world = await startOpenDayWorld();
    openDay = await scheduleOpenDay(world, {}, 10);
    page = await newPage(world.browser);
    await page.setViewportSize({ width: 390, height: 844 });
    errors = collectConsoleErrors(page);
    await signInThroughPage(page, world.server.origin, world.host.user.email, world.host.password);
  });
  afterAll(async () => world?.stop());

  it('approves, edits for anonymity, merges, rejects and answers, never touching the mouse', async () => {
    // Two visitors, registered by email, ask four questions (expect.poll, which waits for email, needs a test).
    first = await registerByEmail(world, openDay.slug, 'Vic One');
    second = await registerByEmail(world, openDay.slug, 'Vic Two');
    visitorCookie = await passCookie(world, first.passLink);
    const otherCookie = await passCookie(world, second.passLink);
    await ask(visitorCookie, COST);
    await ask(otherCookie, SAME_COST);
    await ask(otherCookie, NAMED);
    await ask(visitorCookie, OFF_TOPIC);
    await page.goto(`${world.server.origin}/hosted-open-days/${openDay.id}`);
    await expectPage(page, openDay.title, 'host page');
    const waiting = page.getByRole('list', { name: 'Questions waiting, most votes first' });
    await expect.poll(() => waiting.getByRole('article').count()).toBe(4);
    await expectNoSidewaysScroll(page, 'the host page');

    // Approve: focus follows the question to its new list, on its Answer button.
    await focusButton(COST, 'approve');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[COST]}-answer`);
    const shown = page.getByRole('list', { name: 'Approved questions, most votes first' });
    expect(await shown.textContent()).toContain(COST);

    // Edit for anonymity: the form takes focus, the personal-data warning shows, the edited words are saved.
    await focusButton(NAMED, 'edit');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[NAMED]}-field`);
    await page.getByTestId('personal-data-warning').waitFor();
    await expectNoAxeViolations(page, 'while editing a question with the personal-data warning');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(ANONYMOUS);
    expect(await page.getByTestId('personal-data-warning').count()).toBe(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[NAMED]}-edit`);
    await page.getByText(ANONYMOUS, { exact: true }).waitFor();
    await focusButton(NAMED, 'approve');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[NAMED]}-answer`);

    // Merge: choose the question it joins from the keyboard.
    await focusButton(SAME_COST, 'merge');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[SAME_COST]}-into`);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(`#question-${ids[SAME_COST]}-into`).inputValue()).toBe(ids[COST]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('queue-news');
    expect(await page.locator('#queue-news').textContent()).toContain(`Merged “${SAME_COST}” into “${COST}”`);

    // Reject.
    await focusButton(OFF_TOPIC, 'reject');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('queue-news');
    expect(await page.locator('#queue-news').textContent()).toContain(`Rejected: “${OFF_TOPIC}”`);
    expect(await waiting.count()).toBe(0);

    // Answer.
    await focusButton(COST, 'answer');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[COST]}-field`);
    await page.keyboard.type('About £40 an hour, with supervision.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(`question-${ids[COST]}-answer`);
    await page.getByText('About £40 an hour, with supervision.').first().waitFor();

    await expectNoAxeViolations(page, 'after moderating');
    await expectNoSidewaysScroll(page, 'the host page after moderating');

    // Visitors see the approved questions as the host left them, and nothing rejected, merged or as first asked.
    const visible = await visibleToVisitors();
    expect(visible.map((q) => q.text).sort()).toEqual([ANONYMOUS, COST].sort());
    expect(visible.find((q) => q.text === COST)?.answer).toBe('About £40 an hour, with supervision.');
    expect(unexpected(errors)).toEqual([]);
  });

  it('orders the approved questions by votes', async () => {
    await api(world.server.origin, 'PUT', `/api/open-day-pass/questions/${ids[NAMED]}/vote`, {
      cookie: visitorCookie,
      body: {},
    });
    await page.reload();
    await expectPage(page, openDay.title, 'host page, reloaded');
    const shown = page.getByRole('list', { name: 'Approved questions, most votes first' });
    await expect.poll(() => shown.getByRole('article').count()).toBe(2);
    expect(await shown.getByRole('article').first().textContent()).toContain(ANONYMOUS);
  });

  it("shows the host's other pages without accessibility problems or sideways scrolling", async () => {
    await shootBothWidths(page, 'open-day-host-after-moderation');
    await page.goto(`${world.server.origin}/hosted-open-days/${openDay.id}/dashboard`);
    await expectPage(page, `Dashboard: ${openDay.title}`, 'dashboard');
    await page.getByRole('table', { name: 'How many people gave each usefulness rating' }).waitFor();
    await shootBothWidths(page, 'open-day-dashboard');
    await page.goto(`${world.server.origin}/hosted-open-days/${openDay.id}/edit`);
    await expectPage(page, `Change ${openDay.title}`, 'edit open day');
    await shootBothWidths(page, 'open-day-edit');
    await page.goto(`${world.server.origin}/communities/${world.communityId}/open-days/new`);
    await expectPage(page, 'Schedule an open day', 'schedule an open day');
    await shootBothWidths(page, 'open-day-schedule');
    await page.goto(`${world.server.origin}/communities/${world.communityId}`);
    await expectPage(page, world.communityName, 'community with its open days');
    const hosted = page.getByRole('region', { name: 'Open days you host' });
    expect(await hosted.getByRole('link', { name: openDay.title }).count()).toBe(1);
    expect(unexpected(errors)).toEqual([]);
  });

  it('records a presenter’s consent, lets a visitor give up their place, and cancels the day, by keyboard', async () => {
    await page.goto(`${world.server.origin}/hosted-open-days/${openDay.id}`);
    await expectPage(page, openDay.title, 'host page, for presenters');
    await page.getByLabel('First name', { exact: true }).focus();
    await page.keyboard.type('Amira');
    await page.getByRole('checkbox', { name: /consent to presenting/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Record consent' }).press('Enter');
    await page.getByText('Amira’s consent is recorded.').waitFor();
    const presenters = page.getByRole('region', { name: 'Young people and families presenting' });
    expect(await presenters.getByRole('listitem').first().textContent()).toContain(
      'Presenting, not recorded',
    );

    // Vic Two gives up their place from the emailed link: one button, so a link preview cannot do it.
    const visitor = await newPage(world.browser);
    await visitor.setViewportSize({ width: 390, height: 844 });
    const visitorErrors = collectConsoleErrors(visitor);
    await visitor.goto(second.cancelLink);
    await expectPage(visitor, 'Give up your place', 'give up your place');
    await visitor.getByRole('button', { name: 'Give up my place' }).press('Enter');
    await visitor.getByText('Your place is given up.').waitFor();
    expect(visitor.url()).not.toContain('token');
    await shootBothWidths(visitor, 'open-day-cancel-place');

    await page.getByRole('button', { name: 'Cancel the open day' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, cancel it');
    await page.keyboard.press('Enter');
    await page.getByText('The open day is cancelled.', { exact: false }).waitFor();
    await expect
      .poll(() => world.inbox.received.some((mail) => mail.subject === `${openDay.title} is cancelled`))
      .toBe(true);
    await expectNoAxeViolations(page, 'after cancelling');

    // Vic One's pass now says so, plainly.
    await visitor.goto(first.passLink);
    await expectPage(visitor, 'This pass has ended', 'pass of a cancelled open day');
    expect(await visitor.locator('main').textContent()).toContain('cancelled');
    await shootBothWidths(visitor, 'open-day-pass-cancelled');
    expect(unexpected(visitorErrors, [410])).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
  });

  it('schedules an open day from the community page and changes it, by keyboard', async () => {
    await page.goto(`${world.server.origin}/communities/${world.communityId}`);
    await expectPage(page, world.communityName, 'community');
    await page.getByRole('link', { name: 'Schedule an open day' }).press('Enter');
    await expectPage(page, 'Schedule an open day', 'schedule an open day');
    await page.getByRole('button', { name: 'Schedule the open day' }).press('Enter');
    // Nothing filled in: the error summary takes focus and names each missing field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.locator('.error-summary a').count()).toBe(4);

    await typeInto(page, 'Title', 'Spring open afternoon');
    await typeInto(page, 'Description', 'Meet the team and see a drop-in session.');
    await page.getByLabel('Innovation it shows (optional)').focus();
    await page.keyboard.type('Pause');
    const lead = page.getByRole('group', { name: 'Safeguarding lead for the day' });
    await lead.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type('Sally Safe');
    await lead.getByLabel('Email', { exact: true }).focus();
    await page.keyboard.type('sally@pause.example.org');
    await typeInto(page, 'Cost', 'About £180,000 a year.');
    await page.getByRole('button', { name: 'Schedule the open day' }).press('Enter');

    await expectPage(page, 'Spring open afternoon', 'the new open day');
    const link = await page.getByLabel('Registration link').inputValue();
    expect(link).toMatch(new RegExp(`^${world.server.origin}/open-days/[a-z0-9-]+$`));

    await page.getByRole('link', { name: 'Change the details' }).press('Enter');
    await expectPage(page, 'Change Spring open afternoon', 'change the open day');
    await page.getByLabel('Title', { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Spring open afternoon (new date)');
    await page.getByRole('button', { name: 'Save changes' }).press('Enter');
    await expectPage(page, 'Spring open afternoon (new date)', 'the changed open day');

    // The public page shows the host's words, and the pre-read will carry the innovation and what it took.
    const visitor = await newPage(world.browser);
    await visitor.goto(link);
    await expectPage(visitor, 'Spring open afternoon (new date)', 'public page of the new open day');
    expect(unexpected(errors)).toEqual([]);
  });
});
