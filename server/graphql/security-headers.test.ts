import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { apiContentSecurityPolicy, baseSecurityHeaders, graphiqlContentSecurityPolicy } from '../http/security-headers';
import { tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { createGraphQLHandler, yoga } from './yoga';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

const endpoint = 'http://localhost/api/graphql';
const json = { 'content-type': 'application/json', accept: 'application/json' };

function expectApiHeaders(response: Response, contentSecurityPolicy = apiContentSecurityPolicy): void {
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  for (const [name, value] of Object.entries(baseSecurityHeaders)) expect(response.headers.get(name), name).toBe(value);
}

describe('the API’s security headers', () => {
  it('are on an answered query, with a policy that lets nothing load or frame', async () => {
    const response = await yoga.fetch(endpoint, {
      method: 'POST',
      headers: { ...json, ...(await tokenHeaders(handle.db, 'developer')) },
      body: JSON.stringify({ query: '{ currentUser { username } }' }),
    });
    expect(response.status).toBe(200);
    expectApiHeaders(response);
    expect(apiContentSecurityPolicy).toContain("default-src 'none'");
    expect(apiContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['a bad token (401)', { method: 'POST', headers: { ...json, authorization: 'Bearer glpat-nope' }, body: '{"query":"{ __typename }"}' }, 401],
    ['a body over the limit (413)', { method: 'POST', headers: { ...json, 'content-length': String(10 * 1024 * 1024) }, body: '{}' }, 413],
    ['an unparsable body (400)', { method: 'POST', headers: json, body: '{' }, 400],
    ['an unsupported method (405)', { method: 'PUT', headers: json, body: '{}' }, 405],
  ])('are on early refusals too: %s', async (_name, init, status) => {
    const response = await yoga.fetch(endpoint, init);
    expect(response.status).toBe(status);
    expectApiHeaders(response);
  });

  it('give GraphiQL its own allowances only where GraphiQL is served (development)', async () => {
    const browserGet = { headers: { accept: 'text/html' } };
    const development = await createGraphQLHandler({ graphiql: true }).fetch(endpoint, browserGet);
    expect(development.headers.get('content-type')).toMatch(/^text\/html/);
    expectApiHeaders(development, graphiqlContentSecurityPolicy);

    const production = await createGraphQLHandler({ graphiql: false }).fetch(endpoint, browserGet);
    expect(production.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
    expectApiHeaders(production);
  });
});
