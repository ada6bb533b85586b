import { afterAll, beforeAll, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, expectNoAxeViolations } from '../support/browser.ts';
import { createCommunity, createOrganisation, joinCommunityAs, registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startOidcProvider, type OidcTestProvider } from '../support/oidcProvider.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { snapshotBuiltClient } from './accessPages.ts';
import { SESSION_COOKIE } from '@common-ground/shared';

let provider: OidcTestProvider;
let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  provider = await startOidcProvider();
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    CLIENT_DIST: snapshotBuiltClient(),
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_BUTTON_LABEL: 'Sign in with Microsoft',
  });
  provider.allowRedirect(`${server.origin}/api/auth/sso/callback`);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
});

async function shoot(page: Page, path: string, name: string) {
  for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`${server.origin}${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/identity-${name}-${tag}.png`, fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(name, tag, 'scrollWidth', width);
    await expectNoAxeViolations(page, name);
  }
}

it('screens', { timeout: 120_000 }, async () => {
  const founder = await registerUser(server.origin, { displayName: 'Fola Founder' });
  const org = await createOrganisation(server.origin, founder, { name: 'Leeds City Council' });
  const facilitator = await registerUser(server.origin, { displayName: 'Fran Facilitator' });
  const community = await createCommunity(server.origin, facilitator);
  await joinCommunityAs(server.origin, facilitator, community.id, 'member', founder);
  const pending = await registerUser(server.origin, { displayName: 'Pat Pending' });
  await api(server.origin, 'POST', `/api/organisations/${org.id}/affiliations`, { cookie: pending.cookie, body: {} });

  const anon = await newPage(browser);
  await shoot(anon, '/sign-in', 'signin');
  await shoot(anon, '/sign-in?sso=email-not-verified', 'signin-refused');
  await shoot(anon, '/verify-email/abcdefghijklmnopqrstuvwxyz', 'verify');

  const as = async (cookie: string) => {
    const page = await newPage(browser);
    const [name, value] = cookie.split('=');
    await page.context().addCookies([{ name: name!, value: value!, url: server.origin }]);
    return page;
  };
  const fac = await as(facilitator.cookie);
  await shoot(fac, `/communities/${community.id}/members`, 'members');
  await shoot(fac, `/organisations/${org.id}`, 'org-verify');
  const pend = await as(pending.cookie);
  await shoot(pend, '/organisation', 'join-pending');
  await shoot(pend, '/account', 'account');
  const found = await as(founder.cookie);
  await shoot(found, '/organisation', 'org-admin');
  void SESSION_COOKIE;
});
