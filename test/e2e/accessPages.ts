import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from '../support/browser.ts';

// A refused link is answered 403/404/410 and Chromium logs every 4xx fetch as a console error. Only those network
// lines, for the statuses a step expects, are allowed: any script error (or an unexpected 401) fails the test.
const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
};
/** The console errors left once the expected 4xx network lines (for the `allowed` statuses) are removed. */
export const unexpected = (errors: string[], allowed: number[] = []) =>
  errors.filter(
    (error) =>
      !allowed.some(
        (status) =>
          error ===
          `Failed to load resource: the server responded with a status of ${status} (${STATUS_TEXT[status]})`,
      ),
  );

/**
 * Copies the built client so this file serves one consistent build even if `pnpm build` runs again meanwhile
 * (a rebuild replaces the hashed chunks the open pages still load lazily).
 */
export function snapshotBuiltClient(): string {
  const dist = path.resolve(import.meta.dirname, '../../client/dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('No built client: run `pnpm build` first.');
  const copy = mkdtempSync(path.join(tmpdir(), 'access-e2e-client-'));
  cpSync(dist, copy, { recursive: true });
  return copy;
}

/** Waits for a page's single h1, checks there is exactly one, and runs axe-core on it. */
export async function expectPage(page: Page, title: string, name: string): Promise<void> {
  // Exact, so "Join <community>" on the page before does not count as arriving at "<community>".
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  expect(await page.locator('h1').count(), `one h1 on ${name}`).toBe(1);
  await expectNoAxeViolations(page, `on the ${name} page`);
}

/** Types into the control labelled `label` from the keyboard. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/** Submits the focused field's form with Enter, then checks the error summary took focus and links to fields. */
export async function expectErrorSummaryOnEmptySubmit(
  page: Page,
  focusLabel: string,
  links: number,
): Promise<void> {
  await page.getByLabel(focusLabel, { exact: true }).focus();
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  // It takes focus, which reads it; no role=alert, which would read it a second time.
  expect(await summary.getAttribute('role')).toBeNull();
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  expect(await summary.locator('a').count()).toBe(links);
  // Each link moves focus to its field, and that field says it is invalid.
  await summary.locator('a').first().click();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'));
  expect(focused).toBe('true');
}

/** Signs in through the sign-in page, as a person would, and waits for their communities. */
export async function signInThroughPage(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/sign-in`);
  await typeInto(page, 'Email address', email);
  await typeInto(page, 'Password', password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your communities', exact: true }).waitFor();
}
