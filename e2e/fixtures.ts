import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'rapport-demo';

export async function signIn(page: Page, username: string, redirectTo?: string): Promise<void> {
  await page.goto(redirectTo ? `/users/sign_in?redirect_to=${encodeURIComponent(redirectTo)}` : '/users/sign_in');
  await page.getByLabel('Username or email').fill(username);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/users\/sign_in/);
}

/** Fails the test on any axe violation, listing them. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side refresh, Next.js streams the document title in a moment later.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/**
 * Records the page's requests from now on, leaving out Next.js's background prefetches of the
 * page's links, so a test can prove an interaction itself asks the server for nothing.
 */
export async function recordRequests(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (request) => {
    const headers = request.headers();
    if (!headers['next-router-prefetch'] && !headers['next-router-segment-prefetch']) requests.push(request.url());
  });
  return requests;
}
