import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('the built app in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the home and status pages with no console errors and no axe violations', async () => {
    const page = await newPage(browser);
    const errors = collectConsoleErrors(page);
    await page.goto(`${server.origin}/`);
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    await expectNoAxeViolations(page, 'on /');

    await page.getByRole('link', { name: 'Service status' }).first().click();
    await expect.poll(() => page.getByTestId('database-status').textContent()).toContain('Reachable');
    await expectNoAxeViolations(page, 'on /status');
    expect(errors).toEqual([]);
  });

  it('offers a skip link as the first thing keyboard users reach', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.origin}/`);
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });
});
