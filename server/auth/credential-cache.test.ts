import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countStatements, type DatabaseHandle } from '../db/client';
import { personalAccessTokens, sessions } from '../db/schema/users';
import { postGraphQL, sessionHeaders, userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { CredentialCache, credentialCacheLifetimeMs } from './credential-cache';
import { sha256 } from './digest';
import { createSession } from './sessions';
import { signOut } from './sign-in';
import { createPersonalAccessToken } from './tokens';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const currentUserQuery = '{ currentUser { username } }';

/** Sets the clock; only `Date` is faked, so the database and timers run as usual. */
function setClock(time: number): void {
  vi.useFakeTimers({ toFake: ['Date'], now: time });
}

async function newToken(name: string, expiresAt: Date | null = null): Promise<string> {
  return createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'developer'), name, scopes: ['api'], expiresAt });
}

async function asToken(token: string) {
  return postGraphQL<{ currentUser: { username: string } | null }>(currentUserQuery, {}, { headers: { authorization: `Bearer ${token}` } });
}

async function asSession(cookie: string) {
  return postGraphQL<{ currentUser: { username: string } | null }>(currentUserQuery, {}, { headers: { cookie } });
}

describe('CredentialCache', () => {
  it('keeps an entry for its lifetime, and never past the credential’s own expiry', () => {
    let now = 1_000_000;
    const cache = new CredentialCache(5_000, () => now);
    cache.set('long', 'a', 1, null);
    cache.set('short', 'b', 1, new Date(now + 1_000));
    now += 999;
    expect([cache.get('long'), cache.get('short')]).toEqual(['a', 'b']);
    now += 1;
    expect([cache.get('long'), cache.get('short')]).toEqual(['a', undefined]);
    now += 4_000;
    expect(cache.get('long')).toBeUndefined();
  });

  it('forgets one key, or every credential of a user', () => {
    const cache = new CredentialCache(5_000);
    cache.set('token:1', 'a', 1, null);
    cache.set('session:1', 'b', 1, null);
    cache.set('token:2', 'c', 2, null);
    cache.delete('token:2');
    expect(cache.get('token:2')).toBeUndefined();
    cache.deleteUser(1);
    expect([cache.get('token:1'), cache.get('session:1')]).toEqual([undefined, undefined]);
  });

  it('holds at most 10,000 entries, dropping the oldest first', () => {
    const cache = new CredentialCache(5_000);
    for (let index = 0; index <= 10_000; index += 1) cache.set(`key:${index}`, index, index, null);
    expect(cache.get('key:0')).toBeUndefined();
    expect(cache.get('key:1')).toBe(1);
    expect(cache.get('key:10000')).toBe(10_000);
  });
});

describe('authenticating through the credential cache', () => {
  it('costs no statement for a token or a session used a moment ago', async () => {
    const token = await newToken('cached');
    await asToken(token);
    const byToken = await countStatements(() => asToken(token));
    expect(byToken.result.data).toEqual({ currentUser: { username: 'developer' } });
    expect(byToken.statements.filter((statement) => /personal_access_tokens/.test(statement))).toEqual([]);

    const { cookie } = await sessionHeaders(handle.db, 'reporter');
    const bySession = await countStatements(() => asSession(cookie));
    expect(bySession.result.data).toEqual({ currentUser: { username: 'reporter' } });
    expect(bySession.statements.filter((statement) => /"sessions"/.test(statement))).toEqual([]);
  });

  it('stops accepting a token revoked elsewhere within the cache lifetime', async () => {
    const token = await newToken('revoked-elsewhere');
    expect((await asToken(token)).data).toEqual({ currentUser: { username: 'developer' } });
    const cachedBy = Date.now();
    await handle.db.update(personalAccessTokens).set({ revoked: true }).where(eq(personalAccessTokens.tokenDigest, sha256(token)));
    setClock(cachedBy + credentialCacheLifetimeMs);
    const response = await asToken(token);
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([{ message: 'Invalid token' }]);
  });

  it('stops accepting a token the moment it expires, cached or not', async () => {
    const expiresAt = Date.now() + 1_000;
    const token = await newToken('expiring', new Date(expiresAt));
    expect((await asToken(token)).data).toEqual({ currentUser: { username: 'developer' } });
    setClock(expiresAt);
    expect((await asToken(token)).status).toBe(401);
  });

  it('treats an expired session as anonymous at once, and one ended elsewhere within the cache lifetime', async () => {
    const developerId = await userId(handle.db, 'developer');
    const expiring = await createSession(handle.db, developerId);
    const expiresAt = Date.now() + 1_000;
    await handle.db.update(sessions).set({ expiresAt: new Date(expiresAt) }).where(eq(sessions.idDigest, sha256(expiring.token)));
    const ended = await createSession(handle.db, developerId);
    // Both cached now, the first one only until it expires.
    expect((await asSession(`rapport_session=${expiring.token}`)).data).toEqual({ currentUser: { username: 'developer' } });
    expect((await asSession(`rapport_session=${ended.token}`)).data).toEqual({ currentUser: { username: 'developer' } });
    const cachedBy = Date.now();
    await handle.db.delete(sessions).where(eq(sessions.idDigest, sha256(ended.token)));

    setClock(expiresAt);
    expect((await asSession(`rapport_session=${expiring.token}`)).data).toEqual({ currentUser: null });
    setClock(cachedBy + credentialCacheLifetimeMs);
    expect((await asSession(`rapport_session=${ended.token}`)).data).toEqual({ currentUser: null });
  });

  it('ends a session signed out in this process at once', async () => {
    const { cookie } = await sessionHeaders(handle.db, 'developer');
    expect((await asSession(cookie)).data).toEqual({ currentUser: { username: 'developer' } });
    await signOut(handle.db, cookie.replace('rapport_session=', ''));
    expect((await asSession(cookie)).data).toEqual({ currentUser: null });
  });

  it('still records a token’s use every 10 minutes while it is in steady use', async () => {
    const token = await newToken('steady-use');
    await asToken(token);
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    await handle.db.update(personalAccessTokens).set({ lastUsedAt: elevenMinutesAgo }).where(eq(personalAccessTokens.tokenDigest, sha256(token)));
    setClock(Date.now() + credentialCacheLifetimeMs);
    await asToken(token);
    const [row] = await handle.db.select({ lastUsedAt: personalAccessTokens.lastUsedAt }).from(personalAccessTokens).where(eq(personalAccessTokens.tokenDigest, sha256(token)));
    expect(row?.lastUsedAt?.getTime()).toBeGreaterThan(elevenMinutesAgo.getTime());
  });
});
