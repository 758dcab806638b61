import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { yoga } from './yoga';

/** GitLab's GraphqlController renders every schema answer with HTTP 200, errors included. */

let handle: DatabaseHandle;
let headers: Record<string, string>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await tokenHeaders(handle.db, 'developer');
});

afterAll(async () => {
  await handle.close();
});

async function post(body: unknown, accept: string) {
  const response = await yoga.fetch('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string }[] } };
}

const groupById = 'query q($path: ID!) { group(fullPath: $path) { id } }';
const cases: [label: string, body: Record<string, unknown>, message: RegExp][] = [
  ['a variable that fails coercion', { query: groupById, variables: { path: { nested: true } } }, /^Variable "\$path" got invalid value/],
  ['a required variable left out', { query: groupById, variables: {} }, /^Variable "\$path" of required type "ID!" was not provided\.$/],
  ['an input object variable with a wrong field', {
    query: 'mutation m($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { errors } }',
    variables: { input: { groupId: 'gid://gitlab/Group/1', firstName: 'A', lastName: 'B', nope: 1 } },
  }, /^Variable "\$input" got invalid value .*Field "nope" is not defined/],
  ['an unknown operation name', { query: '{ currentUser { id } }', operationName: 'Nope' }, /operation/i],
  ['an operation name that is not a string', { query: '{ currentUser { id } }', operationName: 1 }, /operation/i],
  ['a syntax error', { query: '{ currentUser { ' }, /^Syntax Error/],
  ['an unknown field', { query: '{ nope }' }, /^Cannot query field "nope" on type "Query"\.$/],
];

describe.each(['application/json', 'application/graphql-response+json', '*/*'])('accepting %s', (accept) => {
  it.each(cases)('%s is answered with 200 and errors', async (_label, body, message) => {
    const response = await post(body, accept);
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0]?.message).toMatch(message);
    expect(response.body.data ?? null).toBeNull();
  });
});

describe('what is not a GraphQL answer keeps its 4xx', () => {
  it('a body that is not JSON', async () => {
    const response = await yoga.fetch('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query": ' });
    expect(response.status).toBe(400);
  });

  it('a batch answers each operation with 200, its errors its own', async () => {
    const response = await post([{ query: groupById, variables: { path: 1.5 } }, { query: '{ currentUser { username } }' }], 'application/json');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { errors: [expect.objectContaining({ message: expect.stringMatching(/^Variable "\$path" got invalid value 1\.5/) })] },
      { data: { currentUser: { username: 'developer' } } },
    ]);
  });
});
