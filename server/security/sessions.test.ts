import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../auth/digest';
import { signInAction, signOutAction } from '../auth/session-actions';
import { createSession, sessionCookieName } from '../auth/sessions';
import { createPersonalAccessToken } from '../auth/tokens';
import { viewerFromSessionToken } from '../auth/viewer';
import { groupGid } from '../crm/fixtures/crm-test-helpers';
import type { DatabaseHandle } from '../db/client';
import { demoPassword } from '../db/seed-data';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, userId } from '../testing/graphql-client';
import { snapshotTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';

/**
 * Sessions (SPEC §1, §5): the sign-in and sign-out server actions run as Next.js runs them, with
 * the request's cookies and headers; what they leave behind is then tried against the API.
 */

/** The browser's cookie jar, as the actions see it through next/headers. */
const jar = new Map<string, string>();

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) => void jar.delete(typeof options === 'string' ? options : options.name),
  }),
  headers: async () => new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'x-forwarded-for': '127.0.0.1' }),
}));

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

beforeEach(() => {
  jar.clear();
});

/** Runs a server action to its redirect (how both actions end when they succeed). */
async function runToRedirect(action: () => Promise<unknown>): Promise<string> {
  const error = await action().then(
    (result) => new Error(`expected a redirect, got ${JSON.stringify(result)}`),
    (thrown: unknown) => thrown,
  );
  const digest = (error as { digest?: string }).digest ?? '';
  if (!digest.startsWith('NEXT_REDIRECT')) throw error;
  return digest.split(';')[2] ?? '';
}

function signInForm(login: string, password = demoPassword): FormData {
  const form = new FormData();
  form.set('login', login);
  form.set('password', password);
  form.set('redirect_to', '/groups/acme');
  return form;
}

async function signInAs(login: string): Promise<string> {
  expect(await runToRedirect(() => signInAction({ message: null, login: '' }, signInForm(login)))).toBe('/groups/acme');
  const token = jar.get(sessionCookieName);
  if (!token) throw new Error('no session cookie after signing in');
  return token;
}

async function currentUserWithCookie(token: string): Promise<string | null> {
  const response = await postGraphQL<{ currentUser: { username: string } | null }>('{ currentUser { username } }', {}, {
    headers: { cookie: `${sessionCookieName}=${token}` },
  });
  expect(response.status).toBe(200);
  return response.data?.currentUser?.username ?? null;
}

describe('session fixation', () => {
  it('a session id chosen before sign-in is replaced, and never signs anyone in', async () => {
    const planted = 'attacker-chosen-session-id';
    jar.set(sessionCookieName, planted);
    const issued = await signInAs('developer');
    expect(issued).not.toBe(planted);
    expect(await currentUserWithCookie(planted)).toBeNull();
    expect(await currentUserWithCookie(issued)).toBe('developer');
  });

  it("an attacker's own valid session planted in the victim's browser is ended by the victim's sign-in", async () => {
    const attacker = await createSession(handle.db, await userId(handle.db, 'outsider'));
    jar.set(sessionCookieName, attacker.token);
    const issued = await signInAs('developer');
    expect(issued).not.toBe(attacker.token);
    expect(await currentUserWithCookie(attacker.token)).toBeNull();
    expect((await viewerFromSessionToken(handle.db, attacker.token)).user).toBeNull();
    expect(await currentUserWithCookie(issued)).toBe('developer');
  });

  it('signing in twice gives a new session each time and ends the first', async () => {
    const first = await signInAs('reporter');
    const second = await signInAs('reporter');
    expect(second).not.toBe(first);
    expect(await currentUserWithCookie(first)).toBeNull();
    expect(await currentUserWithCookie(second)).toBe('reporter');
  });
});

describe('sign-out', () => {
  it('ends the session on the server: the old cookie and its CSRF token no longer work', async () => {
    const token = await signInAs('developer');
    const { csrfToken } = await viewerFromSessionToken(handle.db, token);
    expect(await currentUserWithCookie(token)).toBe('developer');

    expect(await runToRedirect(() => signOutAction())).toBe('/users/sign_in');
    expect(jar.has(sessionCookieName)).toBe(false);

    // A copy of the cookie kept by an attacker (or a stale tab) is now anonymous.
    expect(await currentUserWithCookie(token)).toBeNull();
    expect((await viewerFromSessionToken(handle.db, token)).user).toBeNull();
    const before = await snapshotTables(handle.db);
    const replayed = await postGraphQL(
      'mutation($input: CustomerRelationsOrganizationCreateInput!) { customerRelationsOrganizationCreate(input: $input) { errors } }',
      { input: { groupId: await groupGid(handle.db, 'acme'), name: 'Written after sign-out' } },
      { headers: { cookie: `${sessionCookieName}=${token}`, 'x-csrf-token': csrfToken! } },
    );
    expect(replayed.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    expect(replayed.data?.customerRelationsOrganizationCreate ?? null).toBeNull();
    expect(await snapshotTables(handle.db)).toEqual(before);
    const rows = await handle.db.execute(sql`select 1 from sessions where id_digest = ${sha256(token)}`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it('an expired session is anonymous to the API', async () => {
    const session = await createSession(handle.db, await userId(handle.db, 'developer'));
    await handle.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where id_digest = ${sha256(session.token)}`);
    expect(await currentUserWithCookie(session.token)).toBeNull();
  });
});

describe('secrets at rest', () => {
  /** Every row of every table in the database, as text. */
  async function everyStoredValue(): Promise<string> {
    const result = (await handle.db.execute(
      sql`select schemaname || '.' || tablename as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    )) as unknown as { rows: { name: string }[] };
    expect(result.rows.map((row) => row.name)).toEqual(expect.arrayContaining(['public.sessions', 'public.personal_access_tokens', 'public.users']));
    const tables = await Promise.all(
      result.rows.map(async ({ name }) => {
        const rows = (await handle.db.execute(sql.raw(`select row_to_json(t)::text as row from ${name} t`))) as unknown as { rows: { row: string }[] };
        return rows.rows.map((row) => row.row).join('\n');
      }),
    );
    return tables.join('\n');
  }

  it('sessions, personal access tokens and passwords are stored only as digests', async () => {
    const sessionToken = await signInAs('maintainer');
    const accessToken = await createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'maintainer'), name: 'at-rest', scopes: ['api'] });
    // Used once, so any "last used" bookkeeping has run too.
    const used = await postGraphQL<{ currentUser: { username: string } }>('{ currentUser { username } }', {}, { headers: { 'private-token': accessToken } });
    expect(used.data?.currentUser.username).toBe('maintainer');

    const stored = await everyStoredValue();
    for (const secret of [sessionToken, accessToken, accessToken.replace(/^glpat-/, ''), demoPassword]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain(sha256(sessionToken));
    expect(stored).toContain(sha256(accessToken));
    expect(stored).toMatch(/\$argon2id\$/);
  });
});
