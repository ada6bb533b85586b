import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '@common-ground/shared';
import { collectConsoleErrors, launchBrowser } from '../support/browser.ts';
import type { SettingsResponse } from '@common-ground/shared';
import { unsubscribeLinkFor } from '../../server/src/mail/unsubscribeLinkFor.ts';
import { createOrganisation, registerUser, type SignedIn } from '../support/factories.ts';
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

  const signedInPage = async (person: SignedIn, viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport });
    await context.addCookies([
      { name: SESSION_COOKIE, value: person.cookie.slice(SESSION_COOKIE.length + 1), url: server.origin },
    ]);
    return { context, page: await context.newPage() };
  };
  const settingsOf = async (person: SignedIn) =>
    (await api<SettingsResponse>(server.origin, 'GET', '/api/me/settings', { cookie: person.cookie })).body;

  it('changes the name, the digest and mention emails, and leaves an organisation, all by keyboard', async () => {
    const person = await registerUser(server.origin, { displayName: 'Priya Practitioner' });
    const organisation = await createOrganisation(server.origin, person, { name: 'Eastbridge Council' });
    const { context, page } = await signedInPage(person);
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}/account`);
    await expectPage(page, 'Your account', 'account settings');
    await page.getByRole('radio', { name: 'Weekly' }).waitFor();
    await page.screenshot({ path: '/tmp/account-settings-desktop.png', fullPage: true });

    await page.getByLabel('Display name', { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Priya Patel');
    await page.keyboard.press('Enter');
    await page.getByText('People now see you as Priya Patel.').waitFor();

    // Weekly is the default; the arrow key moves to Daily, Tab to the mention checkbox, Space unticks it.
    expect(await page.getByRole('radio', { name: 'Weekly' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Weekly' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Daily' }).isChecked()).toBe(true);
    // The radios are one stop in the tab order.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mention-emails');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save email settings' }).press('Enter');
    await page.getByText('Your email settings are saved.').waitFor();
    expect((await settingsOf(person)).preferences).toEqual({
      mentionEmails: false,
      joinRequestEmails: true,
      digest: 'daily',
    });

    // The only admin of Eastbridge is told why they cannot leave; once someone else is an admin, they can.
    await page.getByText('This organisation would have no admin left.', { exact: false }).waitFor();
    const colleague = await registerUser(server.origin);
    const affiliations = `/api/organisations/${organisation.id}/affiliations`;
    await api(server.origin, 'POST', affiliations, { cookie: colleague.cookie, body: {} });
    const promoted = await api(server.origin, 'PATCH', `${affiliations}/${colleague.user.id}`, {
      cookie: person.cookie,
      body: { status: 'confirmed', isAdmin: true },
    });
    expect(promoted.status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Leave Eastbridge Council' }).press('Enter');
    await page.getByRole('button', { name: 'Yes, leave' }).press('Enter');
    await page.getByText('You have left Eastbridge Council.').waitFor();
    await page.getByText('You do not belong to an organisation.').waitFor();
    expect((await settingsOf(person)).organisations).toEqual([]);
    expect(
      await page
        .getByRole('link', { name: 'Download your data or delete your account' })
        .getAttribute('href'),
    ).toBe('/account/data');
    await expectPage(page, 'Your account', 'account settings after changes');
    expect(unexpected(errors)).toEqual([]);
    await context.close();

    const phone = await signedInPage(person, { width: 390, height: 844 });
    await phone.page.goto(`${server.origin}/account`);
    await expectPage(phone.page, 'Your account', 'account settings at 390 px');
    await phone.page.getByRole('radio', { name: 'Daily' }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: '/tmp/account-settings-phone.png', fullPage: true });
    await phone.context.close();
  });

  it('unsubscribes without signing in, and says so plainly when a link does not work', async () => {
    const person = await registerUser(server.origin);
    const link = await unsubscribeLinkFor(person.user.id, 'digest', server.origin);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(link.url);
    await expectPage(page, 'Stop digest emails?', 'unsubscribe');
    expect((await settingsOf(person)).preferences.digest).toBe('weekly');
    await page.getByRole('button', { name: 'Stop digest emails' }).press('Enter');
    await expectPage(page, 'You are unsubscribed', 'unsubscribed');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/unsubscribed-phone.png', fullPage: true });
    expect((await settingsOf(person)).preferences.digest).toBe('off');

    await page.goto(`${link.url.slice(0, -4)}AAAA`);
    await expectPage(page, 'This unsubscribe link does not work', 'broken unsubscribe link');
    expect(unexpected(errors, [401, 404])).toEqual([]);
    await context.close();
  });
});
