import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, sendMessage } from '../realtime/discussionClient.ts';

describe('two organisations discussing in a room', () => {
  let server: TestServer;
  let browser: Browser;
  let source: SignedIn;
  let recipient: SignedIn;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    source = await registerUser(server.origin, { displayName: 'Sam Source' });
    recipient = await registerUser(server.origin, { displayName: 'Rita Recipient' });
    const sourceOrganisation = await createOrganisation(server.origin, source, {
      name: 'Northshire Family Services',
      kind: 'voluntary',
    });
    const recipientOrganisation = await createOrganisation(server.origin, recipient, {
      name: 'Westborough Council',
    });
    const community = await createCommunity(server.origin, source);
    await joinCommunityAs(server.origin, source, community.id, 'member', recipient);
    roomId = (
      await createRoom(server.origin, source, community.id, {
        kind: 'partnership',
        sourceOrganisationId: sourceOrganisation.id,
        recipientOrganisationIds: [recipientOrganisation.id],
      })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(who: SignedIn): Promise<{ page: Page; errors: string[] }> {
    const page = await newPage(browser);
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}/sign-in?next=${encodeURIComponent(`/rooms/${roomId}`)}`);
    await page.getByLabel('Email address').fill(who.user.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Discussion' }).waitFor();
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toBe('');
    return { page, errors };
  }

  it('exchanges a question and an answer live, marks it answered, by keyboard, with no axe violations', async () => {
    const learner = await open(recipient);
    const teacher = await open(source);
    await expectNoAxeViolations(learner.page, 'recipient room page');

    // The composer warns before text that looks like personal data about a child.
    const composer = learner.page.getByLabel('Start a new thread');
    const focusedBy = (attribute: string) =>
      learner.page.evaluate((name) => document.activeElement?.getAttribute(name), attribute);
    // An error moves focus to the text box it describes, so it is heard.
    await learner.page.getByRole('button', { name: 'Post' }).press('Enter');
    await expect.poll(() => focusedBy('aria-invalid')).toBe('true');
    await composer.fill('Jamie aged 7 was referred twice');
    await learner.page.getByRole('button', { name: 'Post' }).press('Enter');
    await learner.page.getByTestId('composer-personal-data-warning').waitFor();
    // The Post button is replaced by the warning, which takes focus.
    await expect.poll(() => focusedBy('data-testid')).toBe('composer-personal-data-warning');
    await expectNoAxeViolations(learner.page, 'with the composer warning');
    await learner.page.getByRole('button', { name: 'Change the message' }).click();

    const question = 'How did you get social workers to trust family group conferences?';
    await composer.fill(question);
    await learner.page.getByLabel('This is a question I want to learn about').check();
    await learner.page.getByRole('button', { name: 'Post' }).click();

    // The source sees the question arrive live and answers it using only the keyboard.
    const threadLink = teacher.page.getByRole('button', { name: question });
    await threadLink.waitFor();
    await threadLink.focus();
    await teacher.page.keyboard.press('Enter');
    await teacher.page.getByRole('heading', { name: question }).waitFor();
    await teacher.page.getByLabel('Your reply').focus();
    await teacher.page.keyboard.type(
      'We ran **joint sessions** with the [practice guide](https://example.org/guide).',
    );
    // Mentions are offered by typing @ in the text box, so the next stop is the button.
    await teacher.page.keyboard.press('Tab');
    expect(await teacher.page.evaluate(() => document.activeElement?.textContent)).toBe('Send reply');
    await teacher.page.keyboard.press('Enter');
    await expect.poll(() => teacher.page.getByTestId('message').count()).toBe(2);
    await expectNoAxeViolations(teacher.page, 'source thread view');

    // The recipient sees the answer live, rendered safely, and marks it as the answer.
    await learner.page.getByRole('button', { name: question }).click();
    const answer = learner.page.getByTestId('message').nth(1);
    await answer.getByText('joint sessions').waitFor();
    expect(await answer.locator('strong', { hasText: 'joint sessions' }).count()).toBe(1);
    expect(await answer.getByRole('link', { name: /practice guide/ }).getAttribute('href')).toBe(
      'https://example.org/guide',
    );
    expect(await answer.textContent()).toContain('Northshire Family Services');
    await learner.page.getByRole('button', { name: /Mark as the answer/ }).click();

    await teacher.page.locator('.thread-tags .tag', { hasText: 'Answered' }).waitFor();
    await learner.page.locator('.thread-tags .tag', { hasText: 'Answered' }).waitFor();
    // The Mark as the answer button is gone, so focus moves to the message it marked.
    await expect
      .poll(() => learner.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('message');
    await expectNoAxeViolations(learner.page, 'recipient thread view, answered');

    // Focus follows each action by keyboard: Edit to the text box, Cancel back to Edit, Delete to the replies
    // heading once the message's buttons are gone, and Back to the link that opened the thread.
    const focused = () => teacher.page.evaluate(() => document.activeElement?.textContent ?? '');
    const focusedTag = () => teacher.page.evaluate(() => document.activeElement?.tagName);
    const reply = teacher.page.getByTestId('message').nth(1);
    await reply.getByRole('button', { name: 'Edit your message' }).press('Enter');
    await expect.poll(focusedTag).toBe('TEXTAREA');
    await reply.getByRole('button', { name: 'Cancel' }).press('Enter');
    await expect.poll(focused).toBe('Edit your message');
    await reply.getByRole('button', { name: 'Delete your message' }).press('Enter');
    await expect.poll(focused).toBe('Yes, delete');
    await teacher.page.keyboard.press('Enter');
    await reply.getByText('This message was deleted.').waitFor();
    await expect.poll(focused).toBe('1 reply');
    await teacher.page.getByRole('button', { name: 'Back to all threads' }).press('Enter');
    await expect.poll(focused).toBe(question);
    expect(learner.errors).toEqual([]);
    expect(teacher.errors).toEqual([]);
  });

  it('keeps announcing new messages from others after the 21st', async () => {
    const learner = await open(recipient);
    const announcer = learner.page.getByTestId('new-message-announcer');
    const socket = await connectSocket(server.origin, source.cookie);
    try {
      await joinRoom(socket, roomId);
      // A burst is announced once, as a count, after a pause.
      for (let n = 1; n <= 21; n++) await sendMessage(socket, roomId, `Burst message ${n}`);
      await expect.poll(() => announcer.textContent(), { timeout: 10_000 }).toBe('21 new messages');
      // The 22nd arrival is announced too, by its author's name.
      await sendMessage(socket, roomId, 'One more after the pause');
      await expect
        .poll(() => announcer.textContent(), { timeout: 10_000 })
        .toBe('New message from Sam Source');
    } finally {
      socket.close();
    }
    expect(learner.errors).toEqual([]);
  });
});
