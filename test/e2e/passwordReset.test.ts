import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser, newPage } from '../support/browser.ts';
import { registerUser } from '../support/factories.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

/** Presses Tab until the focused element's text or label is `name` (failing after a bounded number of presses). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 30; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelledBy = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
      return (labelledBy?.textContent ?? element.textContent ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('password reset in Chromium, by keyboard alone', { timeout: 120_000 }, () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let browser: Browser;
  let clientCopy = '';

  beforeAll(async () => {
    clientCopy = snapshotBuiltClient();
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      DISABLE_RATE_LIMITS: 'true',
      CLIENT_DIST: clientCopy,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await inbox?.stop();
    if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
  });

  it('goes from sign-in to an emailed link to a new password, and signs in with it', async () => {
    const person = await registerUser(server.origin, { displayName: 'Rita Resetter' });
    // Sign-up sent a verification link first; this test follows the reset link that comes after it.
    expect((await inbox.nextTo(person.user.email)).subject).toBe(
      'Verify your email address for Common Ground',
    );
    const page = await newPage(browser);
    const errors = collectConsoleErrors(page);

    await page.goto(`${server.origin}/sign-in`);
    await expectPage(page, 'Sign in', 'sign-in');
    await tabTo(page, 'Forgotten your password?');
    await page.keyboard.press('Enter');

    await expectPage(page, 'Forgotten your password?', 'forgotten password');
    await tabTo(page, 'Email address');
    await page.keyboard.type(person.user.email);
    await page.keyboard.press('Enter');
    await expectPage(page, 'Check your email', 'check your email');
    expect(await page.getByText(person.user.email).count()).toBe(1);

    const mail = await inbox.nextTo(person.user.email);
    await page.goto(linkIn(mail, server.origin, '/reset-password/'));
    await expectPage(page, 'Choose a new password', 'choose a new password');

    // A mismatch first: the error summary takes focus and its link leads back to the field.
    await tabTo(page, 'New password');
    await page.keyboard.type('a fresh password from the link');
    await tabTo(page, 'Confirm new password');
    await page.keyboard.type('not the same password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expectPage(page, 'Choose a new password', 'choose a new password, with an error');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reset-password-confirm');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('a fresh password from the link');
    await page.keyboard.press('Enter');

    await expectPage(page, 'Your password has been reset', 'password reset');
    await tabTo(page, 'Sign in');
    await page.keyboard.press('Enter');
    await expectPage(page, 'Sign in', 'sign-in again');
    await tabTo(page, 'Email address');
    await page.keyboard.type(person.user.email);
    await tabTo(page, 'Password');
    await page.keyboard.type('a fresh password from the link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your communities', exact: true }).waitFor();

    // The link was single-use: opening it again and submitting says so, and offers a new one.
    await page.goto(linkIn(mail, server.origin, '/reset-password/'));
    await tabTo(page, 'New password');
    await page.keyboard.type('a third password for luck');
    await tabTo(page, 'Confirm new password');
    await page.keyboard.type('a third password for luck');
    await page.keyboard.press('Enter');
    await expectPage(page, 'This reset link cannot be used', 'used reset link');
    expect(unexpected(errors, [410])).toEqual([]);
    await page.context().close();
  });
});
