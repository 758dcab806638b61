import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

test('signing out ends the session for the API at once, though the API had just seen it', async ({ page, request }) => {
  await signIn(page, 'developer');
  const session = (await page.context().cookies()).find((cookie) => cookie.name === 'rapport_session');
  expect(session).toBeDefined();
  const currentUser = async () => {
    const response = await request.post('/api/graphql', {
      headers: { cookie: `rapport_session=${session!.value}` },
      data: { query: '{ currentUser { username } }' },
    });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { data: { currentUser: { username: string } | null } }).data.currentUser;
  };
  // The API (node:http → Yoga) now holds the session in its credential cache.
  expect(await currentUser()).toEqual({ username: 'developer' });

  // Signing out runs as a server action inside Next, in the same process.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/users\/sign_in/);
  expect(await currentUser()).toBeNull();
});
