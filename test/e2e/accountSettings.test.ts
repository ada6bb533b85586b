import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '@common-ground/shared';
import { collectConsoleErrors, launchBrowser } from '../support/browser.ts';
import { registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  expectErrorSummaryOnEmptySubmit,
  expectPage,
  snapshotBuiltClient,
  typeInto,
  unexpected,
} from './accessPages.ts';

describe('account settings in Chromium', { timeout: 120_000 }, () => {
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

  it('changes the password (signing out the other session) and the email address once confirmed', async () => {
    const person = await registerUser(server.origin, { displayName: 'Cara Changer' });
    const other = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: person.user.email, password: person.password },
    });
    const context = await browser.newContext();
    await context.addCookies([
      { name: SESSION_COOKIE, value: person.cookie.slice(SESSION_COOKIE.length + 1), url: server.origin },
    ]);
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);

    await page.goto(`${server.origin}/communities`);
    await page.getByRole('link', { name: 'Your account' }).press('Enter');
    await expectPage(page, 'Your account', 'account');
    await expectErrorSummaryOnEmptySubmit(page, 'Current password', 2);
    await typeInto(page, 'Current password', person.password);
    await typeInto(page, 'New password', 'a changed long password');
    await page.keyboard.press('Enter');
    await page.getByText('Your password has been changed.').waitFor();
    await expectPage(page, 'Your account', 'account after a password change');
    expect((await api(server.origin, 'GET', '/api/me', { cookie: other.cookie })).status).toBe(401);

    const newEmail = `cara-${Date.now()}@example.org`;
    await typeInto(page, 'New email address', newEmail);
    await typeInto(page, 'Your password', 'a changed long password');
    await page.keyboard.press('Enter');
    await page.getByText(`We have sent a link to ${newEmail}.`).waitFor();
    await expectPage(page, 'Your account', 'account after asking to change email');
    expect(await page.getByText(`You sign in with ${person.user.email}.`).count()).toBe(1);

    await page.goto(linkIn(await inbox.nextTo(newEmail), server.origin, '/confirm-email/'));
    await expectPage(page, 'Confirm your new email address', 'confirm email');
    await page.getByRole('button', { name: 'Confirm email address' }).press('Enter');
    await expectPage(page, 'Your email address has changed', 'email changed');
    await page.goto(`${server.origin}/account`);
    await page.getByText(`You sign in with ${newEmail}.`).waitFor();
    expect(unexpected(errors, [401])).toEqual([]);
    await context.close();
  });
});
