import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema/users';
import { credentialCache } from './credential-cache';
import { randomToken, sha256 } from './digest';

export const sessionCookieName = 'rapport_session';
export const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export async function createSession(db: Database, userId: number) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await db.insert(sessions).values({ idDigest: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: Database, token: string) {
  return findSessionByDigest(db, sha256(token));
}

async function findSessionByDigest(db: Database, digest: string) {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idDigest, digest), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

type FoundSession = NonNullable<Awaited<ReturnType<typeof findSessionByDigest>>>;

const cacheKey = (digest: string) => `session:${digest}`;

/** `findSession` through the credential cache: a session seen in the last few seconds costs no statement. */
export async function findCachedSession(db: Database, token: string): Promise<FoundSession | null> {
  const digest = sha256(token);
  const cache = credentialCache();
  const cached = cache.get<FoundSession>(cacheKey(digest));
  if (cached) return cached;
  const found = await findSessionByDigest(db, digest);
  if (found) cache.set(cacheKey(digest), found, found.user.id, found.expiresAt);
  return found;
}

/** Ends a session, in this process at once (the cache forgets it too). */
export async function deleteSession(db: Database, token: string): Promise<void> {
  const digest = sha256(token);
  credentialCache().delete(cacheKey(digest));
  await db.delete(sessions).where(eq(sessions.idDigest, digest));
}
