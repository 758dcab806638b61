import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, createPersonalAccessTokenFor, utcToday } from '../auth/personal-access-tokens';
import { tokenCreationThrottle } from '../auth/tokens';
import type { DatabaseHandle } from '../db/client';
import { personalAccessTokens } from '../db/schema/users';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, sessionHeaders, tokenHeaders, userId } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

const createMutation = `
  mutation ($input: PersonalAccessTokenCreateInput!) {
    personalAccessTokenCreate(input: $input) {
      token
      personalAccessToken { id name scopes expiresAt revoked active }
      errors
    }
  }
`;

const revokeMutation = `
  mutation ($input: PersonalAccessTokenRevokeInput!) {
    personalAccessTokenRevoke(input: $input) { errors }
  }
`;

const listQuery = `query { rapportPersonalAccessTokens { id name scopes createdAt lastUsedAt expiresAt } }`;
const currentUserQuery = `query { currentUser { username } }`;

interface CreatePayload {
  personalAccessTokenCreate: {
    token: string | null;
    personalAccessToken: { id: string; name: string; scopes: string[]; expiresAt: string; revoked: boolean; active: boolean } | null;
    errors: string[];
  } | null;
}

/** A signed-in browser session's mutation: cookie plus CSRF token. */
async function asSession(username: string, query: string, variables: Record<string, unknown>) {
  const session = await sessionHeaders(handle.db, username);
  return postGraphQL<CreatePayload & { personalAccessTokenRevoke: { errors: string[] } | null }>(query, variables, {
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
}

async function tokenCount(username: string): Promise<number> {
  return (
    await handle.db
      .select()
      .from(personalAccessTokens)
      .where(eq(personalAccessTokens.userId, await userId(handle.db, username)))
  ).length;
}

const today = utcToday();

describe('personalAccessTokenCreate', () => {
  it('creates a token shown once, stores only its digest, and the token authenticates API requests', async () => {
    const expiresAt = addDays(today, 30);
    const response = await asSession('developer', createMutation, { input: { name: '  deploy script ', scopes: ['read_api', 'api', 'api'], expiresAt } });
    const payload = response.data?.personalAccessTokenCreate;
    expect(payload?.errors).toEqual([]);
    expect(payload?.token).toMatch(/^glpat-[A-Za-z0-9_-]{20,}$/);
    expect(payload?.personalAccessToken).toMatchObject({ name: 'deploy script', scopes: ['read_api', 'api'], expiresAt, revoked: false, active: true });

    const [row] = await handle.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.name, 'deploy script'));
    expect(row?.tokenDigest).not.toContain(payload!.token);
    expect(row?.expiresAt?.toISOString()).toBe(`${expiresAt}T00:00:00.000Z`);

    const asToken = await postGraphQL(currentUserQuery, {}, { headers: { authorization: `Bearer ${payload!.token}` } });
    expect(asToken.data).toEqual({ currentUser: { username: 'developer' } });
  });

  it('expires a token created without a date after the longest lifetime, 365 days', async () => {
    const response = await asSession('developer', createMutation, { input: { name: 'no date', scopes: ['api'] } });
    expect(response.data?.personalAccessTokenCreate?.personalAccessToken?.expiresAt).toBe(addDays(today, 365));
  });

  it.each([
    ['a blank name', { name: '   ', scopes: ['api'] }, ["Name can't be blank"]],
    ['a name over 255 characters', { name: 'n'.repeat(256), scopes: ['api'] }, ['Name is too long (maximum is 255 characters)']],
    ['no scope', { name: 'x', scopes: [] }, ["Scopes can't be blank"]],
    ['an unknown scope', { name: 'x', scopes: ['sudo'] }, ['Scopes can only contain available scopes']],
    ['a date in the past', { name: 'x', scopes: ['api'], expiresAt: addDays(today, -3) }, ['Expiration date must be in the future']],
    ['today', { name: 'x', scopes: ['api'], expiresAt: today }, ['Expiration date must be in the future']],
    ['a date over 365 days ahead', { name: 'x', scopes: ['api'], expiresAt: addDays(today, 366) }, [`Expiration date must be before ${addDays(today, 365)}`]],
    [
      'everything wrong at once',
      { name: '', scopes: [], expiresAt: addDays(today, -1) },
      ["Name can't be blank", "Scopes can't be blank", 'Expiration date must be in the future'],
    ],
  ])('refuses %s with a message naming the field, and stores nothing', async (_label, input, messages) => {
    const before = await tokenCount('reporter');
    const response = await asSession('reporter', createMutation, { input });
    expect(response.errors).toBeUndefined();
    expect(response.data?.personalAccessTokenCreate).toEqual({ token: null, personalAccessToken: null, errors: messages });
    expect(await tokenCount('reporter')).toBe(before);
  });

  it('accepts the last allowed day', async () => {
    const response = await asSession('reporter', createMutation, { input: { name: 'longest', scopes: ['api'], expiresAt: addDays(today, 365) } });
    expect(response.data?.personalAccessTokenCreate?.errors).toEqual([]);
  });

  it('refuses a date that is no date as a top-level error', async () => {
    const before = await tokenCount('reporter');
    const response = await asSession('reporter', createMutation, { input: { name: 'x', scopes: ['api'], expiresAt: '2026-02-30' } });
    expect(response.errors?.[0]?.message).toContain('"2026-02-30" is not a valid ISO 8601 date');
    expect(await tokenCount('reporter')).toBe(before);
  });

  it('is refused to a token (a token cannot mint tokens), to anonymous requests and without the CSRF token', async () => {
    const before = await tokenCount('maintainer');
    const input = { name: 'minted', scopes: ['api'] };
    const viaToken = await postGraphQL(createMutation, { input }, { headers: await tokenHeaders(handle.db, 'maintainer') });
    expect(viaToken.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    const anonymous = await postGraphQL(createMutation, { input });
    expect(anonymous.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    const session = await sessionHeaders(handle.db, 'maintainer');
    const withoutCsrf = await postGraphQL(createMutation, { input }, { headers: { cookie: session.cookie } });
    expect(withoutCsrf.errors?.map((error) => error.message)).toEqual(['The X-CSRF-Token header is missing or invalid']);
    // tokenHeaders stored one fixture token.
    expect(await tokenCount('maintainer')).toBe(before + 1);
  });

  it("shares the user's hourly creation limit with the command line", async () => {
    const planner = await userId(handle.db, 'planner');
    for (let index = 0; index < tokenCreationThrottle.limit; index += 1) {
      await createPersonalAccessTokenFor(handle.db, planner, { name: `cli-${index}`, scopes: ['api'] });
    }
    const before = await tokenCount('planner');
    const response = await asSession('planner', createMutation, { input: { name: 'one too many', scopes: ['api'] } });
    expect(response.errors?.map((error) => error.message)).toEqual(['Too many personal access tokens created. Try again in 60 minutes.']);
    expect(await tokenCount('planner')).toBe(before);
  });
});

describe('rapportPersonalAccessTokens', () => {
  it("lists only the viewer's active tokens, newest first, in one statement", async () => {
    const guest = await userId(handle.db, 'guest');
    const older = await createPersonalAccessTokenFor(handle.db, guest, { name: 'older', scopes: ['read_api'] });
    await createPersonalAccessTokenFor(handle.db, guest, { name: 'newer', scopes: ['api'] });
    const revoked = await createPersonalAccessTokenFor(handle.db, guest, { name: 'revoked', scopes: ['api'] });
    const expired = await createPersonalAccessTokenFor(handle.db, guest, { name: 'expired', scopes: ['api'] });
    if (!older.ok || !revoked.ok || !expired.ok) throw new Error('fixture tokens refused');
    await handle.db.update(personalAccessTokens).set({ revoked: true }).where(eq(personalAccessTokens.id, revoked.value.record.id));
    await handle.db
      .update(personalAccessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(personalAccessTokens.id, expired.value.record.id));
    await handle.db
      .update(personalAccessTokens)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(personalAccessTokens.id, older.value.record.id));

    const session = await sessionHeaders(handle.db, 'guest');
    const { result, statements } = await countWarmStatements(() =>
      postGraphQL<{ rapportPersonalAccessTokens: { name: string; scopes: string[]; lastUsedAt: string | null }[] }>(
        listQuery,
        {},
        { headers: { cookie: session.cookie } },
      ),
    );
    expect(result.data?.rapportPersonalAccessTokens.map((token) => [token.name, token.scopes, token.lastUsedAt])).toEqual([
      ['newer', ['api'], null],
      ['older', ['read_api'], null],
    ]);
    expect(statements).toHaveLength(1);
  });

  it('is empty for anonymous requests', async () => {
    expect((await postGraphQL(listQuery)).data).toEqual({ rapportPersonalAccessTokens: [] });
  });
});

describe('personalAccessTokenRevoke', () => {
  async function createdToken(username: string, name: string) {
    const created = await createPersonalAccessTokenFor(handle.db, await userId(handle.db, username), { name, scopes: ['api'] });
    if (!created.ok) throw new Error(created.errors.join());
    return { token: created.value.token, id: `gid://gitlab/PersonalAccessToken/${created.value.record.id}` };
  }

  it('revokes the token: refused from the next request on, even while it was cached', async () => {
    const { token, id } = await createdToken('owner', 'to revoke');
    expect((await postGraphQL(currentUserQuery, {}, { headers: { 'private-token': token } })).data).toEqual({ currentUser: { username: 'owner' } });
    const response = await asSession('owner', revokeMutation, { input: { id } });
    expect(response.data?.personalAccessTokenRevoke).toEqual({ errors: [] });
    const after = await postGraphQL(currentUserQuery, {}, { headers: { 'private-token': token } });
    expect(after.status).toBe(401);
    const [row] = await handle.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.name, 'to revoke'));
    expect(row?.revoked).toBe(true);
  });

  it("cannot revoke another user's token, nor one already revoked: neither is there for the viewer", async () => {
    const theirs = await createdToken('owner', 'not yours');
    const refused = await asSession('outsider', revokeMutation, { input: { id: theirs.id } });
    expect(refused.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    expect((await postGraphQL(currentUserQuery, {}, { headers: { 'private-token': theirs.token } })).data).toEqual({ currentUser: { username: 'owner' } });

    await asSession('owner', revokeMutation, { input: { id: theirs.id } });
    const again = await asSession('owner', revokeMutation, { input: { id: theirs.id } });
    expect(again.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
  });

  it('a token with the api scope may revoke a token of its user; read_api may not', async () => {
    const target = await createdToken('admin', 'revoked by a script');
    const readOnly = await postGraphQL(revokeMutation, { input: { id: target.id } }, { headers: await tokenHeaders(handle.db, 'admin', ['read_api']) });
    expect(readOnly.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    const withApi = await postGraphQL(revokeMutation, { input: { id: target.id } }, { headers: await tokenHeaders(handle.db, 'admin', ['api']) });
    expect(withApi.data).toEqual({ personalAccessTokenRevoke: { errors: [] } });
  });

  it('refuses an ID of another model', async () => {
    const response = await asSession('owner', revokeMutation, { input: { id: 'gid://gitlab/Issue/1' } });
    expect(response.errors?.[0]?.message).toContain('does not represent an instance of PersonalAccessToken');
  });
});
