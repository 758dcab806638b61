import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { personalAccessTokens, users } from '../db/schema/users';
import { credentialCache } from './credential-cache';
import { randomToken, sha256 } from './digest';

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

/** Creates a token and returns it in clear text; only its digest is stored. */
export async function createPersonalAccessToken(db: Database, input: NewPersonalAccessToken): Promise<string> {
  const token = `glpat-${randomToken(20)}`;
  await db.insert(personalAccessTokens).values({
    userId: input.userId,
    name: input.name,
    scopes: input.scopes,
    expiresAt: input.expiresAt ?? null,
    tokenDigest: sha256(token),
  });
  return token;
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
  const key = `token:${digest}`;
  const cache = credentialCache();
  const cached = cache.get<FoundToken>(key);
  if (cached) return cached;
  const found = await findUserByTokenDigest(db, digest);
  if (found) cache.set(key, found, found.user.id, found.expiresAt);
  return found;
}
