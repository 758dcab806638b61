import { eq, sql } from 'drizzle-orm';
import { credentialCache } from '../auth/credential-cache';
import { createSession, findCachedSession } from '../auth/sessions';
import { findCachedUserByToken, storePersonalAccessToken, type TokenScope } from '../auth/tokens';
import type { Database } from '../db/client';
import { users } from '../db/schema/users';
import { yoga } from '../graphql/yoga';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface RequestOptions {
  headers?: Record<string, string>;
}

/** Sends a GraphQL request through the real HTTP handler, as a client would. */
export async function postGraphQL<TData = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<TData>> {
  const response = await yoga.fetch('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: response.status, ...body };
}

export async function userId(db: Database, username: string): Promise<number> {
  const [user] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  if (!user) throw new Error(`No user ${username}`);
  return user.id;
}

/**
 * Headers that authenticate as `username` with a new personal access token, already used once: its
 * once-in-10-minutes `last_used_at` write is done and it is in the credential cache, so a request's
 * statements are those of a client that keeps calling the API.
 */
export async function tokenHeaders(db: Database, username: string, scopes: TokenScope[] = ['api']) {
  const token = await storePersonalAccessToken(db, { userId: await userId(db, username), name: 'test', scopes });
  await findCachedUserByToken(db, token);
  return { authorization: `Bearer ${token}` };
}

/** Headers of a signed-in browser session (cookie plus CSRF token), already in the credential cache. */
export async function sessionHeaders(db: Database, username: string) {
  const session = await createSession(db, await userId(db, username));
  await findCachedSession(db, session.token);
  return { cookie: `rapport_session=${session.token}`, csrfToken: session.csrfToken };
}

/** A query as `username`, signed in through a browser session (queries need no CSRF token). */
export async function queryAs<TData = Record<string, unknown>>(
  db: Database,
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<TData>> {
  const { cookie } = await sessionHeaders(db, username);
  return postGraphQL<TData>(query, variables, { headers: { cookie } });
}

/** Changes the admin flag and, as any change to a user made in this process must, drops their cached credentials. */
export async function setAdmin(db: Database, username: string, admin: boolean) {
  const [user] = await db.update(users).set({ admin }).where(eq(users.username, username)).returning({ id: users.id });
  if (user) credentialCache().deleteUser(user.id);
}
