import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { throttleCounters } from '../db/schema/throttles';
import { demoPassword } from '../db/seed-data';
import { createSeededAppDatabase } from '../testing/test-database';
import { normalizeClientAddress } from './client-address';
import { findSession } from './sessions';
import { invalidLoginMessage, safeRedirectPath, signIn, signInThrottle, signOut } from './sign-in';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('signIn', () => {
  it.each(['developer', 'DEVELOPER', 'developer@example.com', ' Developer@Example.COM '])('accepts %j (username or email, any case)', async (login) => {
    const result = await signIn(handle.db, { login, password: demoPassword, clientAddress: '192.0.2.1' });
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
    expect(await signIn(handle.db, { login, password, clientAddress: '192.0.2.1' })).toEqual({ ok: false, message: invalidLoginMessage });
  });

  it('signOut deletes the session', async () => {
    const result = await signIn(handle.db, { login: 'reporter', password: demoPassword, clientAddress: '192.0.2.1' });
    if (!result.ok) throw new Error('sign in failed');
    await signOut(handle.db, result.session.token);
    expect(await findSession(handle.db, result.session.token)).toBeNull();
  });
});

describe('sign-in throttling', () => {
  const tooMany = /^Too many failed sign-in attempts\. Try again in (\d+) minutes?\.$/;
  const attempt = (login: string, password: string, clientAddress: string) => signIn(handle.db, { login, password, clientAddress });
  const failTimes = async (count: number, login: string, clientAddress: string) => {
    for (let index = 0; index < count; index += 1) {
      expect(await attempt(login, 'wrong', clientAddress)).toEqual({ ok: false, message: invalidLoginMessage });
    }
  };
  const { limit } = signInThrottle.perLoginAndAddress;

  it('refuses the right password after too many wrong ones, saying when to try again', async () => {
    await failTimes(limit, 'maintainer', '198.51.100.1');
    const refused = await attempt('maintainer', demoPassword, '198.51.100.1');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(tooMany);
    expect(Number(tooMany.exec(!refused.ok ? refused.message : '')?.[1])).toBe(15);
    // Any spelling of the same login, and an unknown login, are answered alike.
    expect(await attempt(' MAINTAINER ', demoPassword, '198.51.100.1')).toMatchObject({ ok: false, message: expect.stringMatching(tooMany) });
    await failTimes(limit, 'nobody-here', '198.51.100.1');
    expect(await attempt('nobody-here', 'wrong', '198.51.100.1')).toMatchObject({ ok: false, message: expect.stringMatching(tooMany) });
  });

  it('does not lock the account out for anyone else: the same login from another address still signs in', async () => {
    await failTimes(limit, 'planner', '198.51.100.2');
    expect((await attempt('planner', demoPassword, '198.51.100.2')).ok).toBe(false);
    expect((await attempt('planner', demoPassword, '198.51.100.3')).ok).toBe(true);
    expect((await attempt('planner', demoPassword, '2001:db8:1:2::9')).ok).toBe(true);
  });

  it('lets the right password in again once the window has passed', async () => {
    await failTimes(limit, 'owner', '198.51.100.4');
    expect((await attempt('owner', demoPassword, '198.51.100.4')).ok).toBe(false);
    await handle.db.update(throttleCounters).set({ windowEndsAt: sql`now() - interval '1 second'` });
    expect((await attempt('owner', demoPassword, '198.51.100.4')).ok).toBe(true);
  });

  it('forgets earlier mistakes once the person signs in', async () => {
    await failTimes(limit - 1, 'admin', '198.51.100.5');
    expect((await attempt('admin', demoPassword, '198.51.100.5')).ok).toBe(true);
    await failTimes(limit - 1, 'admin', '198.51.100.5');
    expect((await attempt('admin', demoPassword, '198.51.100.5')).ok).toBe(true);
  });

  it('counts concurrent attempts exactly: only the limit is ever checked against a password', async () => {
    const results = await Promise.all(Array.from({ length: limit * 3 }, () => attempt('guest', 'wrong', '198.51.100.6')));
    const messages = results.map((result) => (result.ok ? 'signed in' : result.message));
    expect(messages.filter((message) => message === invalidLoginMessage)).toHaveLength(limit);
    expect(messages.filter((message) => tooMany.test(message))).toHaveLength(limit * 2);
  });

  it('limits one address trying many logins, and only that address', async () => {
    const { limit: addressLimit } = signInThrottle.perAddress;
    const perLogin = limit - 1;
    for (let done = 0; done < addressLimit; done += perLogin) {
      await failTimes(Math.min(perLogin, addressLimit - done), `spray-${done}`, normalizeClientAddress('2001:db8:7:7::1'));
    }
    // The same IPv6 /64 is the same client; another /64 is another one.
    expect(await attempt('reporter', demoPassword, normalizeClientAddress('2001:db8:7:7::2'))).toMatchObject({ ok: false, message: expect.stringMatching(tooMany) });
    expect((await attempt('reporter', demoPassword, normalizeClientAddress('2001:db8:7:8::1'))).ok).toBe(true);
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
