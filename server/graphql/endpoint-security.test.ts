import { eq, sql } from 'drizzle-orm';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  isCompositeType,
  isNonNullType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { credentialCacheLifetimeMs } from '../auth/credential-cache';
import { createPersonalAccessToken } from '../auth/tokens';
import type { DatabaseHandle } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { contacts, organizations } from '../db/schema/crm';
import { groupCrmSettings } from '../db/schema/groups';
import { issueContacts, issues, notes } from '../db/schema/issues';
import { personalAccessTokens } from '../db/schema/users';
import { postGraphQL, sessionHeaders, tokenHeaders, userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { resourceNotAvailableMessage } from '../errors';
import { schema } from './schema';
import { createGraphQLHandler, yoga } from './yoga';

let handle: DatabaseHandle;
let acmeGroupId: string;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  const response = await postGraphQL<{ group: { id: string } }>('{ group(fullPath: "acme") { id } }', {}, {
    headers: await tokenHeaders(handle.db, 'developer'),
  });
  acmeGroupId = response.data!.group.id;
});

afterAll(async () => {
  await handle.close();
});

const endpoint = 'http://localhost/api/graphql';
const currentUserQuery = '{ currentUser { username } }';

async function send(init: RequestInit & { url?: string }, handler = yoga) {
  const response = await handler.fetch(init.url ?? endpoint, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertion on the content type says so
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body, text };
}

function postJson(body: string, headers: Record<string, string> = {}) {
  return send({ method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body });
}

function getQuery(params: Record<string, string>, headers: Record<string, string> = { accept: 'application/json' }, handler = yoga) {
  return send({ method: 'GET', url: `${endpoint}?${new URLSearchParams(params)}`, headers }, handler);
}

const createContact = /* GraphQL */ `
  mutation create($input: CustomerRelationsContactCreateInput!) {
    customerRelationsContactCreate(input: $input) { contact { id email } errors }
  }
`;

function contactInput(email: string) {
  return { input: { groupId: acmeGroupId, firstName: 'Secure', lastName: 'Tester', email } };
}

async function contactExists(email: string): Promise<boolean> {
  return (await handle.db.$count(contacts, sql`lower(${contacts.email}) = ${email.toLowerCase()}`)) > 0;
}

/** Row counts of every table a mutation could write, to prove a refused one wrote nothing. */
async function tableCounts(): Promise<number[]> {
  const tables = [contacts, organizations, issues, notes, issueContacts, auditEvents, groupCrmSettings];
  return Promise.all(tables.map((table) => handle.db.$count(table)));
}

/** Renames a table for the duration of `work`, so every statement touching it fails inside the database. */
async function withTableMissing<T>(table: string, work: () => Promise<T>): Promise<T> {
  await handle.db.execute(sql.raw(`alter table ${table} rename to ${table}_hidden`));
  try {
    return await work();
  } finally {
    await handle.db.execute(sql.raw(`alter table ${table}_hidden rename to ${table}`));
  }
}

describe('authentication', () => {
  it.each([
    ['Authorization: Bearer', { authorization: 'Bearer glpat-this-is-not-a-token' }],
    ['PRIVATE-TOKEN', { 'private-token': 'glpat-this-is-not-a-token' }],
  ])('a bad token in %s is a 401 with a JSON error', async (_label, headers) => {
    const response = await postJson(JSON.stringify({ query: currentUserQuery }), headers);
    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.body).toEqual({ errors: [{ message: 'Invalid token' }] });
  });

  it('an expired token is a 401', async () => {
    const token = await createPersonalAccessToken(handle.db, {
      userId: await userId(handle.db, 'developer'),
      name: 'expired',
      scopes: ['api'],
      expiresAt: new Date(Date.now() - 1000),
    });
    const response = await postJson(JSON.stringify({ query: currentUserQuery }), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ errors: [{ message: 'Invalid token' }] });
  });

  it('a revoked token is a 401 once the credential cache lifetime has passed, though it worked before', async () => {
    const token = await createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'developer'), name: 'revoked-test', scopes: ['api'] });
    const before = await postGraphQL(currentUserQuery, {}, { headers: { 'private-token': token } });
    expect(before.data).toEqual({ currentUser: { username: 'developer' } });
    await handle.db.update(personalAccessTokens).set({ revoked: true }).where(eq(personalAccessTokens.name, 'revoked-test'));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + credentialCacheLifetimeMs });
    try {
      const response = await postGraphQL(currentUserQuery, {}, { headers: { 'private-token': token } });
      expect(response.status).toBe(401);
      expect(response.errors).toEqual([{ message: 'Invalid token' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('no credentials at all is an anonymous request, not an error', async () => {
    const response = await postGraphQL(currentUserQuery);
    expect(response).toEqual({ status: 200, data: { currentUser: null } });
  });
});

describe('read_api tokens', () => {
  /** A valid document calling `field` with every required argument taken from a variable. */
  function mutationDocument(field: GraphQLField<unknown, unknown>): string {
    const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
    const variables = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isCompositeType(getNamedType(field.type)) ? '{ __typename }' : '';
    return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
  }

  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});

  it('the schema has mutations to check', () => {
    expect(mutations.map((field) => field.name)).toContain('customerRelationsContactCreate');
  });

  it.each(mutations.map((field) => [field.name, field] as const))('cannot run %s', async (_name, field) => {
    const headers = await tokenHeaders(handle.db, 'owner', ['read_api']);
    const before = await tableCounts();
    const response = await postGraphQL(mutationDocument(field), {}, { headers });
    expect(response.status).toBe(200);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    expect(await tableCounts()).toEqual(before);
  });

  it('can still read', async () => {
    const response = await postGraphQL(currentUserQuery, {}, { headers: await tokenHeaders(handle.db, 'owner', ['read_api']) });
    expect(response.data).toEqual({ currentUser: { username: 'owner' } });
  });

  it('an api token can run the same mutation', async () => {
    const response = await postGraphQL(createContact, contactInput('api-token@example.com'), { headers: await tokenHeaders(handle.db, 'developer') });
    expect(response.errors).toBeUndefined();
    expect(await contactExists('api-token@example.com')).toBe(true);
  });
});

describe('session cookie and CSRF', () => {
  it('refuses a cookie-authenticated mutation without X-CSRF-Token and writes nothing', async () => {
    const session = await sessionHeaders(handle.db, 'developer');
    const response = await postGraphQL(createContact, contactInput('no-csrf@example.com'), { headers: { cookie: session.cookie } });
    expect(response.errors?.map((error) => error.message)).toEqual(['The X-CSRF-Token header is missing or invalid']);
    expect(response.data ?? null).toBeNull();
    expect(await contactExists('no-csrf@example.com')).toBe(false);
  });

  it("refuses another session's CSRF token", async () => {
    const session = await sessionHeaders(handle.db, 'developer');
    const other = await sessionHeaders(handle.db, 'developer');
    const response = await postGraphQL(createContact, contactInput('wrong-csrf@example.com'), {
      headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
    });
    expect(response.errors?.[0]?.message).toBe('The X-CSRF-Token header is missing or invalid');
    expect(await contactExists('wrong-csrf@example.com')).toBe(false);
  });

  it("accepts the mutation with the session's CSRF token", async () => {
    const session = await sessionHeaders(handle.db, 'developer');
    const response = await postGraphQL<{ customerRelationsContactCreate: { contact: { email: string }; errors: string[] } }>(
      createContact,
      contactInput('with-csrf@example.com'),
      { headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.customerRelationsContactCreate).toEqual({ contact: { id: expect.any(String), email: 'with-csrf@example.com' }, errors: [] });
    expect(await contactExists('with-csrf@example.com')).toBe(true);
  });

  it('needs no CSRF token to read', async () => {
    const session = await sessionHeaders(handle.db, 'reporter');
    expect((await postGraphQL(currentUserQuery, {}, { headers: { cookie: session.cookie } })).data).toEqual({ currentUser: { username: 'reporter' } });
  });

  it('checks every mutation of a batch', async () => {
    const session = await sessionHeaders(handle.db, 'developer');
    const body = JSON.stringify([
      { query: currentUserQuery },
      { query: createContact, variables: contactInput('batched-no-csrf@example.com') },
    ]);
    const response = await postJson(body, { cookie: session.cookie });
    expect(response.body).toEqual([
      { data: { currentUser: { username: 'developer' } } },
      { errors: [expect.objectContaining({ message: 'The X-CSRF-Token header is missing or invalid' })] },
    ]);
    expect(await contactExists('batched-no-csrf@example.com')).toBe(false);
  });

  it('an unknown session cookie is anonymous', async () => {
    const response = await postGraphQL(currentUserQuery, {}, { headers: { cookie: 'rapport_session=forged' } });
    expect(response).toEqual({ status: 200, data: { currentUser: null } });
  });

  it('lets no other origin send the session cookie (no Access-Control-Allow-Credentials)', async () => {
    const preflight = await send({
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf-token' },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const response = await postJson(JSON.stringify({ query: currentUserQuery }), { origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('internal errors', () => {
  it('are masked: no SQL, no table names, no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const headers = await tokenHeaders(handle.db, 'developer');
      const response = await withTableMissing('customer_relations_contacts', () =>
        postJson(JSON.stringify({ query: '{ group(fullPath: "acme") { contacts(first: 5) { nodes { id } } } }' }), headers),
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ errors: [{ message: 'Internal server error' }] });
      for (const leak of [/customer_relations/i, /select/i, /relation/i, /\bat\s+\S+\s+\(/, /stack/i, /\.ts\b/]) {
        expect(response.text).not.toMatch(leak);
      }
    } finally {
      logged.mockRestore();
    }
  });

  it('a database failure while authenticating is a 503 with a generic JSON error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // A token never used, so not in the credential cache: authenticating it needs the database.
      const token = await createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'developer'), name: 'unused', scopes: ['api'] });
      const headers = { authorization: `Bearer ${token}` };
      const response = await withTableMissing('personal_access_tokens', () => postJson(JSON.stringify({ query: currentUserQuery }), headers));
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ errors: [{ message: 'Service temporarily unavailable, try again later', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      expect(response.text).not.toMatch(/personal_access_tokens|select/i);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('malformed requests get a JSON 4xx, never a 500', () => {
  const cases: [string, RequestInit & { url?: string }, number][] = [
    ['truncated JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }, 400],
    ['a JSON string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '"{ currentUser { id } }"' }, 400],
    ['JSON null', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' }, 400],
    ['an empty body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }, 400],
    ['a non-string query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 42}' }, 400],
    ['string variables', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ currentUser { id } }", "variables": "x"}' }, 400],
    ['a plain-text body', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ currentUser { id } }' }, 415],
    ['no content type', { method: 'POST', body: '{}' }, 415],
    ['GET with broken variables', { method: 'GET', url: `${endpoint}?query=${encodeURIComponent(currentUserQuery)}&variables=%7Bbroken` }, 400],
    ['GET with broken extensions', { method: 'GET', url: `${endpoint}?query=${encodeURIComponent(currentUserQuery)}&extensions=%7B` }, 400],
    ['a form post with broken variables', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(currentUserQuery)}&variables=%7B` }, 400],
    ['a PUT', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: currentUserQuery }) }, 405],
  ];

  it.each(cases)('%s', async (_label, init, status) => {
    const response = await send(init);
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.body).toEqual({ errors: [expect.objectContaining({ message: expect.any(String) })] });
  });

  it('a batch answers each malformed operation with its own error', async () => {
    const response = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1, {}]' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { errors: [expect.objectContaining({ message: 'Expected params to be an object but given number.' })] },
      { errors: [expect.objectContaining({ message: 'Must provide query string.' })] },
    ]);
  });

  it("wrong-type variables are GitLab's 200 with an error naming the variable", async () => {
    const response = await postGraphQL('query q($path: ID!) { group(fullPath: $path) { id } }', { path: { nested: true } });
    expect(response.status).toBe(200);
    expect(response.errors?.[0]?.message).toMatch(/^Variable "\$path" got invalid value/);
  });
});

describe('GET requests', () => {
  it('run read-only queries from the query string', async () => {
    const headers = { accept: 'application/json', ...(await tokenHeaders(handle.db, 'reporter')) };
    const response = await getQuery({ query: currentUserQuery }, headers);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { currentUser: { username: 'reporter' } } });
  });

  it('never run a mutation, and write nothing', async () => {
    const headers = { accept: 'application/json', ...(await tokenHeaders(handle.db, 'developer')) };
    const response = await getQuery({ query: createContact, variables: JSON.stringify(contactInput('via-get@example.com')) }, headers);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.body).toEqual({ errors: [expect.objectContaining({ message: 'Can only perform a mutation operation from a POST request.' })] });
    expect(await contactExists('via-get@example.com')).toBe(false);
  });

  it('serve GraphiQL to a browser in development', async () => {
    const response = await send({ method: 'GET', headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/html/);
    expect(response.text).toContain('Rapport GraphiQL');
  });

  it('serve no GraphiQL in production, but still answer queries', async () => {
    const production = createGraphQLHandler({ graphiql: false });
    const page = await send({ method: 'GET', headers: { accept: 'text/html' } }, production);
    expect(page.contentType).not.toMatch(/html/);
    expect(page.text).not.toContain('GraphiQL');
    expect(page.status).toBeLessThan(500);
    const response = await getQuery({ query: currentUserQuery }, { accept: 'application/json' }, production);
    expect(response.body).toEqual({ data: { currentUser: null } });
    const mutation = await getQuery({ query: createContact, variables: JSON.stringify(contactInput('prod-get@example.com')) }, { accept: 'application/json' }, production);
    expect(mutation.status).toBe(405);
  });
});

describe('NUL characters in string input', () => {
  it('are refused by name, in variables and in literals, and never reach the database', async () => {
    const headers = await tokenHeaders(handle.db, 'developer');
    const inVariable = await postGraphQL('query($p: ID!) { group(fullPath: $p) { id } }', { p: 'acme\u0000' }, { headers });
    expect(inVariable.errors?.[0]?.message).toBe('$p must not contain NUL characters');
    const inLiteral = await postGraphQL('{ project(fullPath: "acme/website\\u0000") { id } }', {}, { headers });
    expect(inLiteral.errors?.[0]?.message).toBe('fullPath must not contain NUL characters');
    const nested = await postGraphQL(
      'mutation($input: CreateNoteInput!) { createNote(input: $input) { errors } }',
      { input: { noteableId: 'gid://gitlab/Issue/1', body: 'a\u0000b' } },
      { headers },
    );
    expect(nested.errors?.[0]?.message).toBe('$input.body must not contain NUL characters');
  });
});
