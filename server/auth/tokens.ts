import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { personalAccessTokens, users } from '../db/schema/users';
import { credentialCache } from './credential-cache';
import { DomainError } from '../errors';
import { randomToken, sha256 } from './digest';
import { consumeAttempts, type ThrottleRule, tryAgainIn } from './throttle';

export const tokenScopes = ['api', 'read_api'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export function isTokenScope(value: string): value is TokenScope {
  return (tokenScopes as readonly string[]).includes(value);
}

export interface NewPersonalAccessToken {
  userId: number;
  name: string;
  scopes: TokenScope[];
  expiresAt?: Date | null;
}

/** Per user, so a signed-in session (or a stolen one) cannot mint tokens without end. */
export const tokenCreationThrottle: ThrottleRule = { limit: 20, windowMs: 60 * 60 * 1000 };

/** The credential cache's key for a token. */
const tokenCacheKey = (digest: string) => `token:${digest}`;

/**
 * Creates a token and returns it in clear text; only its digest is stored. Every way a person gets a
 * token (the CLI, the tokens page and its mutation, all through `personal-access-tokens.ts`) goes
 * through here, so all of them share the per-user limit.
 */
export async function createPersonalAccessToken(db: Database, input: NewPersonalAccessToken): Promise<string> {
  return (await createThrottledPersonalAccessToken(db, input)).token;
}

/** `createPersonalAccessToken`, answering the stored record too. */
export async function createThrottledPersonalAccessToken(db: Database, input: NewPersonalAccessToken) {
  const throttle = await consumeAttempts(db, [{ key: `token-creation:user:${input.userId}`, rule: tokenCreationThrottle }]);
  if (!throttle.allowed) {
    throw new DomainError('rate_limited', `Too many personal access tokens created. ${tryAgainIn(throttle.retryAfterMs)}`);
  }
  return insertPersonalAccessToken(db, input);
}

/**
 * Stores a new token without counting it against the user's limit: only for test fixtures, which
 * mint a token per request they make. People get tokens through `createPersonalAccessToken`.
 */
export async function storePersonalAccessToken(db: Database, input: NewPersonalAccessToken): Promise<string> {
  return (await insertPersonalAccessToken(db, input)).token;
}

export type PersonalAccessTokenRecord = Omit<typeof personalAccessTokens.$inferSelect, 'tokenDigest'>;

const recordColumns = {
  id: personalAccessTokens.id,
  userId: personalAccessTokens.userId,
  name: personalAccessTokens.name,
  scopes: personalAccessTokens.scopes,
  expiresAt: personalAccessTokens.expiresAt,
  lastUsedAt: personalAccessTokens.lastUsedAt,
  revoked: personalAccessTokens.revoked,
  createdAt: personalAccessTokens.createdAt,
};

/** The new token in clear text (its only appearance) and the stored record. */
export async function insertPersonalAccessToken(
  db: Database,
  input: NewPersonalAccessToken,
): Promise<{ token: string; record: PersonalAccessTokenRecord }> {
  const token = `glpat-${randomToken(20)}`;
  const [record] = await db
    .insert(personalAccessTokens)
    .values({
      userId: input.userId,
      name: input.name,
      scopes: input.scopes,
      expiresAt: input.expiresAt ?? null,
      tokenDigest: sha256(token),
    })
    .returning(recordColumns);
  return { token, record: record! };
}

/** A user's tokens that still work (not revoked, not expired), newest first. */
export async function findActivePersonalAccessTokens(db: Database, userId: number): Promise<PersonalAccessTokenRecord[]> {
  return db
    .select(recordColumns)
    .from(personalAccessTokens)
    .where(
      and(
        eq(personalAccessTokens.userId, userId),
        eq(personalAccessTokens.revoked, false),
        or(isNull(personalAccessTokens.expiresAt), gt(personalAccessTokens.expiresAt, new Date())),
      ),
    )
    .orderBy(desc(personalAccessTokens.createdAt), desc(personalAccessTokens.id));
}

/**
 * Revokes one of the user's tokens (scoped by owner: another user's ID finds nothing) and forgets it
 * in this process's credential cache, so it is refused from the next request on. False when the user
 * has no such token, or it was already revoked.
 */
export async function revokePersonalAccessToken(db: Database, userId: number, tokenId: number): Promise<boolean> {
  const [revoked] = await db
    .update(personalAccessTokens)
    .set({ revoked: true })
    .where(and(eq(personalAccessTokens.id, tokenId), eq(personalAccessTokens.userId, userId), eq(personalAccessTokens.revoked, false)))
    .returning({ tokenDigest: personalAccessTokens.tokenDigest });
  if (!revoked) return false;
  credentialCache().delete(tokenCacheKey(revoked.tokenDigest));
  return true;
}

const lastUsedInterval = 10 * 60 * 1000;

export async function findUserByToken(db: Database, token: string) {
  return findUserByTokenDigest(db, sha256(token));
}

async function findUserByTokenDigest(db: Database, digest: string) {
  const now = new Date();
  const [row] = await db
    .select({
      user: users,
      tokenId: personalAccessTokens.id,
      scopes: personalAccessTokens.scopes,
      lastUsedAt: personalAccessTokens.lastUsedAt,
      expiresAt: personalAccessTokens.expiresAt,
    })
    .from(personalAccessTokens)
    .innerJoin(users, eq(users.id, personalAccessTokens.userId))
    .where(
      and(
        eq(personalAccessTokens.tokenDigest, digest),
        eq(personalAccessTokens.revoked, false),
        or(isNull(personalAccessTokens.expiresAt), gt(personalAccessTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Like GitLab, record use at most every 10 minutes: a write on every API request would cost more
  // than the request itself.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > lastUsedInterval) {
    await db.update(personalAccessTokens).set({ lastUsedAt: now }).where(eq(personalAccessTokens.id, row.tokenId));
  }
  return { user: row.user, scopes: row.scopes.filter(isTokenScope), expiresAt: row.expiresAt };
}

type FoundToken = NonNullable<Awaited<ReturnType<typeof findUserByTokenDigest>>>;

/** `findUserByToken` through the credential cache: a token used in the last few seconds costs no statement. */
export async function findCachedUserByToken(db: Database, token: string): Promise<FoundToken | null> {
  const digest = sha256(token);
  const key = tokenCacheKey(digest);
  const cache = credentialCache();
  const cached = cache.get<FoundToken>(key);
  if (cached) return cached;
  const found = await findUserByTokenDigest(db, digest);
  if (found) cache.set(key, found, found.user.id, found.expiresAt);
  return found;
}
