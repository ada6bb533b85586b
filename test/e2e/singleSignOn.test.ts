import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser.ts';
import { registerUser } from '../support/factories.ts';
import { startOidcProvider, type OidcTestProvider } from '../support/oidcProvider.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { expectPage, snapshotBuiltClient, unexpected } from './accessPages.ts';

/** Presses Tab until the focused element's text is `name` (failing after a bounded number of presses). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 30; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Signs in on the provider's own (development) login page, by keyboard: any password for a known login. */
async function signInAtProvider(page: Page, provider: OidcTestProvider, login: string): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').focus();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('any password at all');
  await page.keyboard.press('Enter');
}

/** Console errors while the page is on our site; the provider's development pages are not ours to judge. */
function collectOurErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && page.url().startsWith(origin)) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const widest = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('single sign-on in Chromium, through the whole redirect flow', { timeout: 120_000 }, () => {
  let provider: OidcTestProvider;
  let server: TestServer;
  let browser: Browser;
  let clientCopy = '';

  beforeAll(async () => {
    clientCopy = snapshotBuiltClient();
    provider = await startOidcProvider();
    server = await startTestServer({
      DISABLE_RATE_LIMITS: 'true',
      CLIENT_DIST: clientCopy,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOWED_DOMAINS: 'leeds.example.gov.uk',
      OIDC_BUTTON_LABEL: 'Sign in with Microsoft',
    });
    provider.allowRedirect(`${server.origin}/api/auth/sso/callback`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
    if (clientCopy) rmSync(clientCopy, { recursive: true, force: true });
  });

  it('signs a new person in with their organisation’s account, by keyboard, and back again later', async () => {
    provider.accounts.set('priya', { email: 'priya@leeds.example.gov.uk', name: 'Priya Practitioner' });
    const page = await newPage(browser);
    const errors = collectOurErrors(page, server.origin);

    await page.goto(`${server.origin}/sign-in`);
    await expectPage(page, 'Sign in', 'sign-in with single sign-on');
    await tabTo(page, 'Sign in with Microsoft');
    await page.keyboard.press('Enter');

    await signInAtProvider(page, provider, 'priya');
    await page.waitForURL(`${server.origin}/communities`);
    await expectPage(page, 'Your communities', 'communities after single sign-on');
    expect(await page.getByText('Priya Practitioner').count()).toBeGreaterThan(0);

    // Signed out, the same identity signs in to the same account (the provider remembers them: no form).
    await page.getByRole('button', { name: /^Sign out/ }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await page.goto(`${server.origin}/sign-in?next=${encodeURIComponent('/organisation')}`);
    await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
    await page.waitForURL(`${server.origin}/organisation`);
    await expectPage(page, 'Your organisation', 'organisation after signing in again');
    expect(unexpected(errors, [401])).toEqual([]);
    await page.context().close();
  });

  it('explains a refusal on the sign-in page, and keeps password sign-in working', async () => {
    const local = await registerUser(server.origin, { displayName: 'Olive Outside' });
    provider.accounts.set('olive', { email: 'olive@elsewhere.example.com', email_verified: true });
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });

    await page.goto(`${server.origin}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
    await signInAtProvider(page, provider, 'olive');
    await page.waitForURL(`${server.origin}/sign-in?sso=domain-not-allowed`);
    await expectPage(page, 'Sign in', 'sign-in after a refused single sign-on');
    await page.getByRole('alert').getByText('not at a domain allowed here').waitFor();
    expect(await widest(page), 'the sign-in page fits 390 px').toBeLessThanOrEqual(390);

    await page.getByLabel('Email address', { exact: true }).fill(local.user.email);
    await page.getByLabel('Password', { exact: true }).fill(local.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your communities', exact: true }).waitFor();
    await page.context().close();
  });
});
