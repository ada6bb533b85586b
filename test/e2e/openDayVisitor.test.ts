import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HostedOpenDay } from '@common-ground/shared';
import { collectConsoleErrors, expectNoAxeViolations, newPage } from '../support/browser.ts';
import { linkIn } from '../support/smtpInbox.ts';
import { expectPage, signInThroughPage, typeInto, unexpected } from './accessPages.ts';
import {
  expectNoSidewaysScroll,
  makeAfter,
  makeLive,
  scheduleOpenDay,
  shootBothWidths,
  startOpenDayWorld,
  type OpenDayWorld,
} from './openDayWorld.ts';

describe('an open day in Chromium, from registering to an answered question', { timeout: 180_000 }, () => {
  let world: OpenDayWorld;
  let openDay: HostedOpenDay;
  let visitor: Page;
  let host: Page;
  let visitorErrors: string[];
  const email = 'sam.visitor@kent.example.gov.uk';
  const question = 'How did you get the commissioners to fund a drop-in without referrals?';

  beforeAll(async () => {
    world = await startOpenDayWorld();
    openDay = await scheduleOpenDay(world, {
      preReadDocumentIds: [world.preReadDocumentId],
      whatItTook: {
        size: 'About 600 young people a year, one hub',
        commissioning: 'Jointly by the council and the integrated care board',
        staffing: 'Six practitioners with weekly clinical supervision',
        cost: '',
        nonNegotiable: 'No referral needed',
        doDifferently: '',
      },
    });
    visitor = await newPage(world.browser);
    await visitor.setViewportSize({ width: 390, height: 844 });
    visitorErrors = collectConsoleErrors(visitor);
    host = await newPage(world.browser);
    await host.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => world?.stop());

  it('registers from the public page and gets only "check your email"', async () => {
    await visitor.goto(openDay.registrationUrl);
    await expectPage(visitor, openDay.title, 'open day (public)');
    expect(await visitor.getByTestId('places-left').textContent()).toBe('20 of 20 places left');
    await shootBothWidths(visitor, 'open-day-public');

    await typeInto(visitor, 'Your name', 'Sam Visitor');
    await typeInto(visitor, 'Work email address', email);
    await visitor.getByLabel('Your organisation', { exact: true }).selectOption({ label: 'Not in the list' });
    await typeInto(visitor, 'Your organisation’s name', 'Kent Children’s Services');
    await typeInto(visitor, 'Your role', 'Head of Service');
    await typeInto(visitor, 'What do you want to find out? (optional)', 'How it is commissioned');
    await visitor.getByRole('button', { name: 'Register' }).press('Enter');

    const check = visitor.getByRole('heading', { name: 'Check your email' });
    await check.waitFor();
    await expect
      .poll(() => visitor.evaluate(() => document.activeElement?.textContent))
      .toBe('Check your email');
    // The pass is never on the page: only the email carries it.
    expect(await visitor.content()).not.toContain('open-day-pass#token');
    await expectNoAxeViolations(visitor, 'after registering');
    await shootBothWidths(visitor, 'open-day-registered');
    expect(unexpected(visitorErrors)).toEqual([]);
  });

  it('opens the pass from the email and reads the pre-read before the day', async () => {
    const mail = await world.inbox.nextTo(email);
    const passLink = linkIn(mail, world.server.origin, '/open-day-pass');
    await visitor.goto(passLink);
    await expectPage(visitor, openDay.title, 'pass (before)');
    // The token leaves the address bar once the pass is open.
    expect(visitor.url()).not.toContain('token');
    expect(await visitor.getByTestId('pass-phase').textContent()).toBe('Before the day');
    expect(await visitor.getByTestId('phase-refusal').textContent()).toMatch(
      /The live room opens at \d\d:\d\d/,
    );
    await visitor.getByRole('heading', { name: 'What it took, from the host' }).waitFor();
    expect(await visitor.getByText('Six practitioners with weekly clinical supervision').count()).toBe(1);
    await visitor.getByRole('heading', { name: /^The innovation: Pause drop-in/ }).waitFor();
    // Each pre-read document reads as a web page in the browser and downloads as a PDF.
    const read = visitor.getByRole('link', { name: 'Read “How the drop-in started” in your browser' });
    const html = await visitor.request.get(new URL((await read.getAttribute('href'))!, visitor.url()).href);
    expect(html.status()).toBe(200);
    expect(html.headers()['content-type']).toContain('text/html');
    const pdf = visitor.getByRole('link', { name: 'Download “How the drop-in started” as PDF' });
    const download = await visitor.request.get(
      new URL((await pdf.getAttribute('href'))!, visitor.url()).href,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    await expectNoAxeViolations(visitor, 'on the pre-read');
    await shootBothWidths(visitor, 'open-day-pass-before');

    // An advance question naming a child sets off the personal-data warning before it is sent.
    await typeInto(visitor, 'Your question', 'Could Jamie, aged 7, come to the drop-in?');
    await visitor.getByRole('button', { name: 'Send the question' }).press('Enter');
    const warning = visitor.getByTestId('personal-data-warning');
    await warning.waitFor();
    await expect
      .poll(() => visitor.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('personal-data-warning');
    await expectNoAxeViolations(visitor, 'with the personal-data warning');
    await warning.getByRole('button', { name: 'Change the text' }).press('Enter');
    await visitor.keyboard.press('Control+A');
    await visitor.keyboard.type('Which age groups come to the drop-in?');
    await visitor.getByRole('button', { name: 'Send the question' }).press('Enter');
    await visitor.getByText('your question went to the host', { exact: false }).waitFor();
    expect(await visitor.getByTestId('my-questions').textContent()).toContain('Waiting for the host');
    expect(unexpected(visitorErrors)).toEqual([]);
  });

  it('joins live, asks a question, and sees the host approve and answer it', async () => {
    await makeLive(world, openDay.id);
    await visitor.reload();
    await expectPage(visitor, openDay.title, 'pass (live)');
    expect(await visitor.getByTestId('pass-phase').textContent()).toBe('Live now');
    await visitor.getByRole('heading', { name: 'Learning document' }).waitFor();
    expect(await visitor.getByRole('checkbox', { name: 'Follow the host' }).isChecked()).toBe(false);
    await visitor.getByTestId('watching-count').waitFor();

    await typeInto(visitor, 'Your question', question);
    await visitor.getByRole('button', { name: 'Send the question' }).press('Enter');
    await visitor.getByText('your question went to the host', { exact: false }).waitFor();
    const approved = visitor.getByTestId('approved-questions');
    expect(await approved.textContent()).not.toContain(question);

    await signInThroughPage(host, world.server.origin, world.host.user.email, world.host.password);
    await host.goto(`${world.server.origin}/hosted-open-days/${openDay.id}`);
    await expectPage(host, openDay.title, 'host page');
    const item = host.getByRole('article', { name: question });
    await item.waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();

    await expect.poll(() => approved.textContent(), { timeout: 10_000 }).toContain(question);
    await item.getByRole('button', { name: 'Answer' }).click();
    await typeInto(host, 'Your answer', 'We showed them a year of re-referral data first.');
    await host.getByRole('button', { name: 'Send the answer' }).click();
    await expect
      .poll(() => approved.textContent(), { timeout: 10_000 })
      .toContain('We showed them a year of re-referral data first.');
    // Their own list says so too, without reloading.
    await expect
      .poll(() => visitor.getByTestId('my-questions').locator('li').first().textContent())
      .toContain('Answered');

    // Following is the visitor's choice: on, the host's section is announced politely and focus stays put.
    const follow = visitor.getByRole('checkbox', { name: 'Follow the host' });
    await follow.focus();
    await visitor.keyboard.press('Space');
    expect(await follow.isChecked()).toBe(true);
    await host.getByRole('textbox', { name: `Learning document for ${openDay.title}` }).focus();
    await host.keyboard.type('## Our context');
    await host.keyboard.press('Enter');
    await host.keyboard.type('One hub in the city centre, open four afternoons a week.');
    await host.keyboard.press('Enter');
    await host.keyboard.type('## What it cost');
    const announcer = visitor.getByTestId('follow-announcer');
    await expect
      .poll(() => announcer.textContent(), { timeout: 10_000 })
      .toBe('The host moved to: What it cost');
    expect(await visitor.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
    await host.keyboard.press('ArrowUp');
    await host.keyboard.press('ArrowUp');
    await expect
      .poll(() => announcer.textContent(), { timeout: 10_000 })
      .toBe('The host moved to: Our context');
    await visitor.getByRole('button', { name: 'Jump to where the host is' }).press('Enter');
    await expect.poll(() => announcer.textContent()).toBe('The host is at: Our context');

    await expectNoAxeViolations(visitor, 'on the live pass with an answered question');
    await expectNoSidewaysScroll(visitor, 'the live pass');
    await shootBothWidths(visitor, 'open-day-pass-live');
    await shootBothWidths(host, 'open-day-host');
    expect(unexpected(visitorErrors)).toEqual([]);
  });

  it('after the day, reads the take-back pack and gives feedback the host sees on the dashboard', async () => {
    await typeInto(host, 'Summary', 'Start with one afternoon a week and a named lead.');
    await typeInto(host, 'Name', 'Hana Host');
    await typeInto(host, 'Email', 'hana@pause.example.org');
    await host.getByRole('button', { name: 'Save the take-back pack' }).press('Enter');
    await host.getByText('Saved.', { exact: true }).waitFor();

    await makeAfter(world, openDay.id);
    await visitor.reload();
    await expectPage(visitor, openDay.title, 'pass (after)');
    expect(await visitor.getByTestId('pass-phase').textContent()).toBe('After the day');
    expect(await visitor.getByTestId('phase-refusal').textContent()).toContain('The live room closed at');
    const pack = visitor.getByRole('region', { name: 'Your take-back pack' });
    await pack.getByText('Start with one afternoon a week and a named lead.').waitFor();
    expect(await pack.textContent()).toContain('We showed them a year of re-referral data first.');
    expect(await pack.textContent()).toContain('hana@pause.example.org');

    await visitor.getByRole('radio', { name: '4' }).focus();
    await visitor.keyboard.press('Space');
    await typeInto(visitor, 'What is your next step? (optional)', 'Brief our director in January.');
    await visitor.getByRole('checkbox', { name: 'We would like to talk about adopting this' }).focus();
    await visitor.keyboard.press('Space');
    await visitor.getByRole('button', { name: 'Send feedback' }).press('Enter');
    await visitor.getByText('Thank you for your feedback.').waitFor();
    await expectNoAxeViolations(visitor, 'on the pass after the day');
    await shootBothWidths(visitor, 'open-day-pass-after');

    await host.goto(`${world.server.origin}/hosted-open-days/${openDay.id}/dashboard`);
    await expectPage(host, `Dashboard: ${openDay.title}`, 'dashboard with feedback');
    const ratings = host.getByRole('table', { name: 'How many people gave each usefulness rating' });
    expect(await ratings.getByRole('row', { name: '4 1' }).count()).toBe(1);
    const nextSteps = host.getByRole('region', { name: 'What is your next step?' });
    expect(await nextSteps.textContent()).toContain('Brief our director in January.');
    const registrations = host.getByRole('region', { name: 'Registrations, scrolls sideways' });
    await registrations.getByRole('row', { name: /Sam Visitor/ }).waitFor();
    expect(await registrations.getByRole('row', { name: /Sam Visitor/ }).textContent()).toContain(
      'Unverified',
    );

    // Sam would like to talk: the host offers a conversation, which goes to Sam by email.
    const offer = host.getByRole('form', { name: 'Offer Sam Visitor a conversation' });
    await offer.getByRole('button', { name: 'Offer a conversation by email' }).press('Enter');
    await host.getByText('You offered a conversation on', { exact: false }).waitFor();
    await expect
      .poll(() =>
        world.inbox.to(email).some((mail) => mail.text.includes('what adopting this could look like')),
      )
      .toBe(true);
    await expectNoAxeViolations(host, 'on the dashboard with feedback and registrations');
    await shootBothWidths(host, 'open-day-dashboard-with-feedback');
    expect(unexpected(visitorErrors)).toEqual([]);
  });
});
