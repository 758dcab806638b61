import { eq } from 'drizzle-orm';
import { sha256 } from '../auth/digest';
import { createSession, deleteSession } from '../auth/sessions';
import { createPersonalAccessToken } from '../auth/tokens';
import { anonymousViewer, type Viewer, viewerFromSessionToken } from '../auth/viewer';
import type { Database } from '../db/client';
import { accessLevels, groups, members } from '../db/schema/groups';
import { personalAccessTokens, sessions, users } from '../db/schema/users';
import { tokenHeaders, userId } from './graphql-client';

/**
 * Every kind of caller SPEC §3 distinguishes (the demo users of server/db/seed.ts: one per role on
 * `acme`, the outsider on `globex` only, the admin on neither), the credentials that must not
 * work, and a Developer of the subgroup `acme/support` only.
 */
export const roles = [
  'anonymous',
  'outsider',
  'guest',
  'planner',
  'reporter',
  'developer',
  'maintainer',
  'owner',
  'admin',
  'read_api token',
  'expired token',
  'revoked token',
  'subgroup developer',
] as const;
export type Role = (typeof roles)[number];

export const subgroupDeveloperUsername = 'subgroup-developer';

/** Adds the user who is a Developer of `acme/support` and of nothing else. */
export async function addSubgroupDeveloper(db: Database): Promise<void> {
  const [user] = await db
    .insert(users)
    .values({ username: subgroupDeveloperUsername, name: 'Sasha Subgroup', email: 'subgroup-developer@example.com', passwordHash: 'not-a-password' })
    .returning({ id: users.id });
  const [support] = await db.select({ id: groups.id }).from(groups).where(eq(groups.fullPath, 'acme/support'));
  if (!user || !support) throw new Error('seed data is missing acme/support');
  await db.insert(members).values({ userId: user.id, groupId: support.id, accessLevel: accessLevels.developer });
}

/** The user a role's requests run as (the Developer for the token rows). */
export function usernameOf(role: Role): string {
  if (role === 'subgroup developer') return subgroupDeveloperUsername;
  if (role === 'read_api token' || role === 'expired token' || role === 'revoked token') return 'developer';
  return role;
}

/** API request headers: a personal access token of each role's user (the developer's for the token rows). */
export async function apiHeaders(db: Database, role: Role): Promise<Record<string, string>> {
  if (role === 'anonymous') return {};
  if (role === 'read_api token') return tokenHeaders(db, 'developer', ['read_api']);
  if (role === 'expired token' || role === 'revoked token') {
    const token = await createPersonalAccessToken(db, {
      userId: await userId(db, 'developer'),
      name: role,
      scopes: ['api'],
      expiresAt: role === 'expired token' ? new Date(Date.now() - 60_000) : null,
    });
    if (role === 'revoked token') await db.update(personalAccessTokens).set({ revoked: true }).where(eq(personalAccessTokens.tokenDigest, sha256(token)));
    return { authorization: `Bearer ${token}` };
  }
  return tokenHeaders(db, usernameOf(role));
}

/**
 * The viewer a server-rendered page gets for each role. Pages read only the session cookie, so a
 * request bearing a token is anonymous there; the expired and revoked rows use an expired and a
 * signed-out session instead.
 */
export async function pageViewer(db: Database, role: Role): Promise<Viewer> {
  if (role === 'anonymous' || role === 'read_api token') return anonymousViewer;
  const session = await createSession(db, await userId(db, usernameOf(role)));
  if (role === 'expired token') {
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(sessions.idDigest, sha256(session.token)));
  }
  if (role === 'revoked token') await deleteSession(db, session.token);
  return viewerFromSessionToken(db, session.token);
}
