import { request as httpRequest } from 'node:http';
import type { APIResponse } from '@playwright/test';
import { expect, recordCspViolations, signIn, test } from './fixtures';

function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectBaseHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
}

/** A page's policy: scripts only with this response's nonce, nothing inline or evaluated, never framed. */
function expectPagePolicy(response: APIResponse): string {
  expectBaseHeaders(response);
  const policy = directives(response.headers()['content-security-policy']);
  const scripts = policy.get('script-src') ?? [];
  const nonce = scripts.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce).toBeTruthy();
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  return nonce!;
}

test.describe('security headers', () => {
  test('the sign-in page: a fresh nonce per response, on every script Next.js renders', async ({ request }) => {
    const first = await request.get('/users/sign_in');
    expect(first.status()).toBe(200);
    const nonce = expectPagePolicy(first);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const second = await request.get('/users/sign_in');
    expect(expectPagePolicy(second)).not.toBe(nonce);
  });

  test('a signed-in page, a 404 and a static file', async ({ page }) => {
    await signIn(page, 'developer');
    const groupPage = await page.request.get('/groups/acme');
    expect(groupPage.status()).toBe(200);
    expectPagePolicy(groupPage);

    const missing = await page.request.get('/no/such/page/at-all');
    expect(missing.status()).toBe(404);
    expectPagePolicy(missing);

    const icon = await page.request.get('/icon.svg');
    expect(icon.status()).toBe(200);
    expectBaseHeaders(icon);
  });

  test('the API: the same headers and a policy that lets nothing load, answered or refused', async ({ request }) => {
    const answered = await request.post('/api/graphql', { data: { query: '{ __typename }' } });
    expect(answered.status()).toBe(200);
    const refused = await request.post('/api/graphql', { data: { query: '{ __typename }' }, headers: { authorization: 'Bearer glpat-not-a-token' } });
    expect(refused.status()).toBe(401);
    for (const response of [answered, refused]) {
      expectBaseHeaders(response);
      const policy = directives(response.headers()['content-security-policy']);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  test('the browser refuses an injected event handler, and the journeys’ recorder sees it', async ({ browser }) => {
    const context = await browser.newContext();
    const violations = await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto('/users/sign_in');
    // What an injected payload would try: markup with an inline event handler.
    const ran = await page.evaluate(() => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="document.body.dataset.injected = \'ran\'">';
      document.body.append(holder);
      return new Promise<boolean>((resolve) => setTimeout(() => resolve(document.body.dataset.injected === 'ran'), 300));
    });
    expect(ran).toBe(false);
    // Both channels see it: the securitypolicyviolation event and Chromium's console error.
    await expect.poll(() => violations.join('\n')).toContain('script-src-attr refused inline');
    expect(violations.join('\n')).toContain('violates the following Content Security Policy directive');
    await context.close();
  });
});

test.describe('sign-in throttling', () => {
  /**
   * One sign-in through the form as a browser without JavaScript posts it (the server action's
   * hidden fields included), from a loopback source address of the test's choosing: the server sees
   * a different client per address, and the limits this test reaches hold no other journey back.
   */
  async function signInFrom(localAddress: string, password: string, headers: Record<string, string> = {}) {
    const page = await send('/users/sign_in', { localAddress });
    const form = new FormData();
    for (const [, name, value] of page.body.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
      form.set(decodeEntities(name!), decodeEntities(value ?? ''));
    }
    form.set('login', 'planner');
    form.set('password', password);
    const encoded = new Request(baseUrl(), { method: 'POST', body: form });
    const answer = await send('/users/sign_in', {
      localAddress,
      method: 'POST',
      headers: { ...headers, origin: baseUrl(), 'content-type': encoded.headers.get('content-type')! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    if (answer.status === 303) return { signedIn: true, message: null };
    expect(answer.status).toBe(200);
    return { signedIn: false, message: decodeEntities(/id="sign-in-error"[^>]*>([^<]*)</.exec(answer.body)?.[1] ?? '') };
  }

  test('after ten wrong passwords the right one is refused too, from that address only, whatever X-Forwarded-For claims', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(await signInFrom('127.0.0.2', `wrong-${attempt}`)).toEqual({ signedIn: false, message: 'Invalid login or password.' });
    }
    expect(await signInFrom('127.0.0.2', 'rapport-demo')).toEqual({ signedIn: false, message: 'Too many failed sign-in attempts. Try again in 15 minutes.' });
    // Claiming to be someone else changes nothing: only a trusted proxy's X-Forwarded-For counts.
    expect(await signInFrom('127.0.0.2', 'rapport-demo', { 'x-forwarded-for': '198.51.100.77' })).toMatchObject({ signedIn: false });
    // The account itself is not locked: its owner, elsewhere, signs in.
    expect(await signInFrom('127.0.0.3', 'rapport-demo')).toEqual({ signedIn: true, message: null });
  });
});

const baseUrl = () => test.info().project.use.baseURL!;

function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (entity, hex: string, decimal: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (named[name] ?? entity),
  );
}

interface SendOptions {
  localAddress: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

/** node:http, because a browser cannot choose its source address. */
function send(path: string, { localAddress, method = 'GET', headers = {}, body }: SendOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseUrl()), { method, headers, localAddress, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}
