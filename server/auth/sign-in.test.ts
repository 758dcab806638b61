import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { demoPassword } from '../db/seed';
import { createSeededAppDatabase } from '../testing/test-database';
import { findSession } from './sessions';
import { invalidLoginMessage, safeRedirectPath, signIn, signOut } from './sign-in';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('signIn', () => {
  it.each(['developer', 'DEVELOPER', 'developer@example.com', ' Developer@Example.COM '])('accepts %j (username or email, any case)', async (login) => {
    const result = await signIn(handle.db, login, demoPassword);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await findSession(handle.db, result.session.token);
    expect(session?.user.username).toBe('developer');
  });

  it.each([
    ['developer', 'wrong'],
    ['nobody', demoPassword],
    ['', demoPassword],
    ['developer', ''],
  ])('refuses %j / %j with one message that does not say which part was wrong', async (login, password) => {
    expect(await signIn(handle.db, login, password)).toEqual({ ok: false, message: invalidLoginMessage });
  });

  it('signOut deletes the session', async () => {
    const result = await signIn(handle.db, 'reporter', demoPassword);
    if (!result.ok) throw new Error('sign in failed');
    await signOut(handle.db, result.session.token);
    expect(await findSession(handle.db, result.session.token)).toBeNull();
  });
});

describe('safeRedirectPath', () => {
  it.each([
    ['/groups/acme', '/groups/acme'],
    ['/acme/website/-/issues/1?x=1#y', '/acme/website/-/issues/1?x=1#y'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/a\nb', '/'],
    ['/users/sign_in?redirect_to=/x', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
