import { expect, test } from '@playwright/test';

/**
 * Requests Next.js would have answered with a 500: sign-in and sign-out server actions from another
 * origin, without a length or with a 5 MB body, and a session cookie that does not decode.
 */

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

test.describe('server actions', () => {
  for (const path of ['/users/sign_in', '/groups/acme']) {
    test(`a post to ${path} from another origin is 403`, async ({ request }) => {
      const response = await request.post(path, {
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        data: form({ login: 'admin', password: 'rapport-demo' }),
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('sent from another site');
    });
  }

  test('a 5 MB post is 413, and one without a length 411', async ({ request, baseURL }) => {
    const big = await request.post('/users/sign_in', {
      headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
      data: form({ login: 'a'.repeat(5 * 1024 * 1024) }),
      maxRedirects: 0,
    });
    expect(big.status()).toBe(413);
    // A chunked body says no length; Node's fetch sends a stream that way.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 5; index += 1) controller.enqueue(new Uint8Array(1024 * 1024).fill(97));
        controller.close();
      },
    });
    const chunked = await fetch(new URL('/users/sign_in', baseURL), {
      method: 'POST',
      headers: { origin: baseURL!, 'content-type': 'text/plain;charset=UTF-8', 'next-action': '00' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  test('signing in and out from the pages still works', async ({ page }) => {
    await page.goto('/users/sign_in');
    await page.getByLabel('Username or email').fill('reporter');
    await page.getByLabel('Password').fill('rapport-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/users\/sign_in/);
  });
});

test('a session cookie that does not decode is ignored: the visitor is anonymous', async ({ request }) => {
  const response = await request.get('/groups/acme', { headers: { cookie: 'rapport_session=%E0%A4%A' }, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain('/users/sign_in');
  const api = await request.post('/api/graphql', {
    headers: { cookie: 'rapport_session=%E0%A4%A', 'content-type': 'application/json' },
    data: { query: '{ currentUser { username } }' },
  });
  expect(api.status()).toBe(200);
  expect(await api.json()).toEqual({ data: { currentUser: null } });
});
