import AxeBuilder from '@axe-core/playwright';
import { test as base, type BrowserContext, expect, type Page } from '@playwright/test';

export { expect };

declare global {
  interface Window {
    rapportReportCspViolation?: (violation: string) => void;
  }
}

/**
 * Records every Content-Security-Policy violation in any page of the context: the
 * `securitypolicyviolation` events (reported through a binding, which CSP does not govern, so
 * nothing is lost across navigations) and Chromium's console errors about CSP.
 */
export async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('rapportReportCspViolation', ({ page }, violation: string) => {
    violations.push(`${page.url()}: ${violation}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.rapportReportCspViolation?.(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
      true,
    );
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(`${message.page()?.url() ?? 'console'}: ${message.text()}`);
    }
  });
  return violations;
}

/** Every journey imports `test` from here: it fails on any CSP violation on any page it opened. */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations = await recordCspViolations(context);
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

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
