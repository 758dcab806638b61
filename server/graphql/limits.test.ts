import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, setAdmin, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { measureOperation, requestLimits } from './limits';
import { schema } from './schema';
import { yoga } from './yoga';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

function measure(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const cost = measureOperation(schema, parse(query), operationName, variables);
  if (!cost) throw new Error('no operation');
  return cost;
}

/** `group { parent { parent { … id } } }`: depth `levels + 2`. */
function nestedParents(levels: number): string {
  return `{ group(fullPath: "acme") { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
}

/** One aliased contacts list costing 48: children 17, +1, +1 sort (defaulted), +5 search, doubled for 100 items. */
function contactLists(count: number): string {
  const list = (index: number) =>
    `c${index}: contacts(first: 100, search: "no-such-contact") { count nodes { __typename id firstName lastName email phone description active createdAt updatedAt } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`;
  return `{ group(fullPath: "acme") { ${Array.from({ length: count }, (_, index) => list(index)).join(' ')} } }`;
}

async function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
    // Node's fetch needs this for a stream body; the DOM types do not know it.
    ...{ duplex: 'half' },
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

describe('measuring an operation (GitLab / graphql-ruby rules)', () => {
  it('counts depth in nested fields; fragments and inline fragments add none', () => {
    expect(measure('{ currentUser { id } }').depth).toBe(2);
    expect(measure(nestedParents(3)).depth).toBe(5);
    const withFragments = `
      query { group(fullPath: "acme") { ...G } }
      fragment G on Group { ... on Group { parent { id } } }`;
    expect(measure(withFragments).depth).toBe(3);
  });

  it('prices plain fields at 1 plus their children, merging fields that share a response key', () => {
    expect(measure('{ currentUser { id username } }').complexity).toBe(3);
    expect(measure('{ currentUser { id id } }').complexity).toBe(2);
    expect(measure('{ currentUser { id other: id } }').complexity).toBe(3);
    expect(measure('query { currentUser { ...U id } } fragment U on UserCore { id name }').complexity).toBe(3);
  });

  it('prices connections as GitLab prices resolver lists: (children + 1 + sort + 5 for search) × (1 + 1% per item)', () => {
    const list = (args: string) => `{ group(fullPath: "acme") { contacts${args} { nodes { id firstName } pageInfo { hasNextPage } } } }`;
    // children: nodes 1 + 2, pageInfo 1 + 1 = 5; + 1, + 1 for the default sort = 7.
    expect(measure(list('(first: 20)')).complexity).toBe(1 + Math.floor(7 * 1.2));
    expect(measure(list('')).complexity).toBe(1 + 7 * 2);
    expect(measure(list('(last: 5)')).complexity).toBe(1 + Math.floor(7 * 1.05));
    expect(measure(list('(first: 20, search: "x")')).complexity).toBe(1 + Math.floor(12 * 1.2));
    expect(measure(list('(first: 500)')).complexity).toBe(1 + 7 * 2);
    expect(measure(list('(first: -5)')).complexity).toBe(1 + 7);
  });

  it('reads page sizes and directives from variables and their defaults', () => {
    const query = `query q($first: Int = 20, $skip: Boolean = false) {
      group(fullPath: "acme") { contacts(first: $first) { nodes { id } } other: id @skip(if: $skip) } }`;
    // contacts: (nodes 2 + 1 + sort 1) = 4
    expect(measure(query).complexity).toBe(1 + Math.floor(4 * 1.2) + 1);
    expect(measure(query, { first: 100, skip: true }).complexity).toBe(1 + 8);
    expect(measure(query, { first: null }).complexity).toBe(1 + 8 + 1);
  });

  it('measures one parsed document afresh for each request whose variables its cost reads', () => {
    // Yoga hands every request with the same text the same document object.
    const document = parse(`query q($first: Int, $withId: Boolean!) {
      group(fullPath: "acme") { contacts(first: $first) { nodes { id } } other: id @include(if: $withId) } }`);
    const complexity = (variables: Record<string, unknown>) => measureOperation(schema, document, undefined, variables)?.complexity;
    expect(complexity({ first: 20, withId: false })).toBe(1 + Math.floor(4 * 1.2));
    expect(complexity({ first: 100, withId: false })).toBe(1 + 8);
    expect(complexity({ first: 100, withId: true })).toBe(1 + 8 + 1);
    expect(complexity({ first: 20, withId: false })).toBe(1 + Math.floor(4 * 1.2));
  });

  it('counts aliases, fragments once per spread', () => {
    const query = `
      query { a: currentUser { ...U } b: currentUser { ...U } }
      fragment U on UserCore { x: id y: name }`;
    expect(measure(query).aliases).toBe(6);
  });

  it("lets graphql-js's introspection query through anonymously: no cost, depth 15", () => {
    const cost = measure(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true }));
    expect(cost).toMatchObject({ complexity: 0, depth: 15 });
  });

  it('stops walking a document that fans out into a huge number of fields', () => {
    const fragments = Array.from(
      { length: 14 },
      (_, level) => `fragment F${level} on Group { a: parent { ...F${level + 1} } b: parent { ...F${level + 1} } }`,
    );
    const query = `query { group(fullPath: "acme") { ...F0 } } ${fragments.join(' ')} fragment F14 on Group { id }`;
    const started = Date.now();
    const cost = measure(query);
    expect(cost.truncated).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('depth limit', () => {
  it('refuses an anonymous query deeper than 15 with GitLab\'s message', async () => {
    expect((await postGraphQL(nestedParents(13))).errors).toBeUndefined();
    const response = await postGraphQL(nestedParents(14));
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'Query has depth of 16, which exceeds max depth of 15', extensions: { code: 'MAX_DEPTH', limit: 15 } }),
    ]);
  });

  it('allows 20 levels when signed in, not 21', async () => {
    const headers = await tokenHeaders(handle.db, 'developer');
    expect((await postGraphQL(nestedParents(18), {}, { headers })).errors).toBeUndefined();
    const response = await postGraphQL(nestedParents(19), {}, { headers });
    expect(response.errors?.map((error) => error.message)).toEqual(['Query has depth of 21, which exceeds max depth of 20']);
  });
});

describe('complexity limit', () => {
  it('is 200 anonymous, 250 signed in, 300 for an admin', async () => {
    expect(measure(contactLists(1)).complexity).toBe(1 + 48);
    const costs = [4, 5, 6, 7].map((count) => measure(contactLists(count)).complexity);
    expect(costs).toEqual([193, 241, 289, 337]);

    const anonymous = await postGraphQL(contactLists(5));
    expect(anonymous.errors?.map((error) => error.message)).toEqual(['Query has complexity of 241, which exceeds max complexity of 200']);
    expect(anonymous.errors?.[0]?.extensions).toEqual({ code: 'MAX_COMPLEXITY', limit: 200 });
    expect((await postGraphQL(contactLists(4))).errors).toBeUndefined();

    const developer = await tokenHeaders(handle.db, 'developer');
    expect((await postGraphQL(contactLists(5), {}, { headers: developer })).errors).toBeUndefined();
    const tooComplex = await postGraphQL(contactLists(6), {}, { headers: developer });
    expect(tooComplex.errors?.map((error) => error.message)).toEqual(['Query has complexity of 289, which exceeds max complexity of 250']);

    const admin = await tokenHeaders(handle.db, 'admin');
    expect((await postGraphQL(contactLists(6), {}, { headers: admin })).errors).toBeUndefined();
    const overAdmin = await postGraphQL(contactLists(7), {}, { headers: admin });
    expect(overAdmin.errors?.map((error) => error.message)).toEqual(['Query has complexity of 337, which exceeds max complexity of 300']);
  });

  it('follows the admin flag of the user, not the token', async () => {
    const headers = await tokenHeaders(handle.db, 'maintainer');
    await setAdmin(handle.db, 'maintainer', true);
    try {
      expect((await postGraphQL(contactLists(6), {}, { headers })).errors).toBeUndefined();
    } finally {
      await setAdmin(handle.db, 'maintainer', false);
    }
  });

  it("prices the page size from variables, as GitLab's frontend sends it", async () => {
    const query = `query contacts($first: Int) { group(fullPath: "acme") {
      ${['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((alias) => `${alias}: contacts(first: $first, search: "none") { nodes { id firstName lastName email phone description active } }`).join(' ')} } }`;
    // Each list: (nodes 8 + 1 + sort 1 + search 5) × (1 + 1% per item).
    expect(measure(query, { first: 20 }).complexity).toBe(1 + 7 * 18);
    expect((await postGraphQL(query, { first: 20 })).errors).toBeUndefined();
    const response = await postGraphQL(query, { first: 100 });
    expect(response.errors?.map((error) => error.message)).toEqual(['Query has complexity of 211, which exceeds max complexity of 200']);
  });

  it('refuses a document that fans out without walking all of it', async () => {
    const fragments = Array.from(
      { length: 9 },
      (_, level) => `fragment F${level} on Group { a: parent { ...F${level + 1} } b: parent { ...F${level + 1} } c: parent { ...F${level + 1} } }`,
    );
    const query = `query { group(fullPath: "acme") { ...F0 } } ${fragments.join(' ')} fragment F9 on Group { id }`;
    const response = await postGraphQL(query, {}, { headers: await tokenHeaders(handle.db, 'developer') });
    // 3 + 9 + … + 3^9 aliased fields once every spread is expanded.
    expect(response.errors?.map((error) => error.message)).toEqual([
      'Query has 29523 aliases, which exceeds max aliases of 30',
      'Query has complexity of more than 10000, which exceeds max complexity of 250',
    ]);
  });
});

describe('alias limit', () => {
  const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ')} }`;

  it(`allows ${requestLimits.maxAliases} aliases and refuses more, naming the limit`, async () => {
    expect((await postGraphQL(aliases(30))).errors).toBeUndefined();
    const response = await postGraphQL(aliases(31));
    expect(response.status).toBe(200);
    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'Query has 31 aliases, which exceeds max aliases of 30', extensions: { code: 'MAX_ALIASES', limit: 30 } }),
    ]);
  });
});

describe('GraphQL text limit', () => {
  it("refuses more than 10,000 characters of query text with GitLab's 422, naming the limit", async () => {
    const padded = (length: number) => `{ currentUser { id } }${' '.repeat(length - 22)}`;
    expect((await post(JSON.stringify({ query: padded(10_000) }))).status).toBe(200);
    const response = await post(JSON.stringify({ query: padded(10_001) }));
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Query too large: the limit is 10000 characters of GraphQL text per request',
          extensions: { code: 'QUERY_TOO_LARGE', limit: 10_000 },
        },
      ],
    });
  });

  it('sums the text of a batch, as GitLab does for a multiplex', async () => {
    const query = `{ currentUser { id } }${' '.repeat(5_000)}`;
    expect((await post(JSON.stringify([{ query }, { query }]))).status).toBe(422);
  });
});

describe('batch limit', () => {
  const batch = (count: number) => JSON.stringify(Array.from({ length: count }, () => ({ query: '{ currentUser { id } }' })));

  it('runs up to 10 operations sent as a JSON array', async () => {
    const response = await post(batch(10), await tokenHeaders(handle.db, 'developer'));
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(10);
    expect(response.body).toEqual(Array.from({ length: 10 }, () => ({ data: { currentUser: { id: expect.stringMatching(/^gid:\/\/gitlab\/User\/\d+$/) } } })));
  });

  it('refuses 11 with 413, naming the limit', async () => {
    const response = await post(batch(11));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      errors: [{ message: 'Batching is limited to 10 operations per request.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('holds each operation of a batch to the limits', async () => {
    const response = await post(JSON.stringify([{ query: '{ currentUser { id } }' }, { query: nestedParents(14) }]));
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { data: { currentUser: null } },
      { errors: [expect.objectContaining({ message: 'Query has depth of 16, which exceeds max depth of 15' })] },
    ]);
  });
});

describe('request body limit', () => {
  const tooLarge = {
    errors: [
      {
        message: 'Request body too large: the limit is 1048576 bytes (1 MiB)',
        extensions: { code: 'REQUEST_BODY_TOO_LARGE', limit: 1_048_576 },
      },
    ],
  };
  const bodyOf = (bytes: number) => {
    const start = '{"query":"{ currentUser { id } }","variables":{"padding":"';
    const end = '"}}';
    return start + 'x'.repeat(bytes - start.length - end.length) + end;
  };

  it('accepts a body of exactly 1 MiB', async () => {
    const response = await post(bodyOf(requestLimits.maxBodyBytes));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { currentUser: null } });
  });

  it('refuses a larger Content-Length with 413 before authenticating or reading the body', async () => {
    const response = await post('{}', { 'content-length': String(requestLimits.maxBodyBytes + 1), authorization: 'Bearer glpat-not-checked' });
    expect(response.status).toBe(413);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.body).toEqual(tooLarge);
  });

  /** A body streamed in 64 KiB chunks, so no Content-Length is known in advance. */
  const streamed = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 65_536));
        offset += 65_536;
      },
    });
  };

  it('counts the bytes actually sent when there is no Content-Length', async () => {
    expect((await post(streamed(bodyOf(requestLimits.maxBodyBytes)))).status).toBe(200);
    const response = await post(streamed(bodyOf(requestLimits.maxBodyBytes + 1)));
    expect(response.status).toBe(413);
    expect(response.body).toEqual(tooLarge);
  });

  it('counts bytes, not characters', async () => {
    // 600,000 two-byte characters: under the limit in characters, over it in bytes.
    const wide = await post(streamed(`{"query":"{ currentUser { id } }","variables":{"padding":"${'é'.repeat(600_000)}"}}`));
    expect(wide.status).toBe(413);
  });

  it('answers a malformed Content-Length with 400', async () => {
    const response = await post('{}', { 'content-length': '12, 12' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message: 'The Content-Length header is invalid', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
