import { createServer, request as httpRequest, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { sessionHeaders, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { createGraphQLListener, type YogaForDirectQueries } from './direct-queries';
import { yoga } from './yoga';

let handle: DatabaseHandle;
const servers: Server[] = [];
let yogaPort: number;
let directPort: number;
/** Requests the direct listener handed to Yoga, whole or after reading the body. */
let handedToYoga = 0;
let developer: Record<string, string>;
let guest: Record<string, string>;
let session: { cookie: string; csrfToken: string };

async function listen(listener: RequestListener): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  developer = await tokenHeaders(handle.db, 'developer');
  guest = await tokenHeaders(handle.db, 'guest');
  session = await sessionHeaders(handle.db, 'developer');
  const counted: YogaForDirectQueries = {
    fetchAPI: yoga.fetchAPI,
    requestListener: (request, response) => {
      handedToYoga += 1;
      return yoga.requestListener(request, response);
    },
    fetch: ((...args: Parameters<typeof yoga.fetch>) => {
      handedToYoga += 1;
      return yoga.fetch(...args);
    }) as typeof yoga.fetch,
  };
  yogaPort = await listen((request, response) => void yoga.requestListener(request, response));
  const direct = createGraphQLListener(counted);
  directPort = await listen((request, response) => void direct(request, response));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await handle.close();
});

interface Sent {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Headers every HTTP/1.1 answer carries that say nothing about the API. */
const transportHeaders = ['date', 'connection', 'keep-alive'];

function send(port: number, { method = 'POST', path = '/api/graphql', headers = {}, body }: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const kept = Object.entries(response.headers).filter(([name]) => !transportHeaders.includes(name));
        resolve({ status: response.statusCode ?? 0, headers: Object.fromEntries(kept), body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const json = { 'content-type': 'application/json', accept: 'application/json' };
const query = (text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query: text, ...extra });

/** The same request to Yoga alone and to the direct listener; returns Yoga's answer and how the listener took it. */
async function compare(sent: Sent): Promise<{ answer: Answer; direct: boolean }> {
  const expected = await send(yogaPort, sent);
  const before = handedToYoga;
  const actual = await send(directPort, sent);
  expect(actual).toEqual(expected);
  return { answer: expected, direct: handedToYoga === before };
}

const contactsList = `query ContactsList {
  group(fullPath: "acme") { contacts(first: 20, sort: LAST_NAME_ASC) { nodes { id firstName lastName email organization { id name } } pageInfo { hasNextPage } } }
}`;

describe('plain JSON queries answered without Yoga', () => {
  const direct: [string, () => Sent][] = [
    ['the contacts list with a token', () => ({ headers: { ...json, ...developer }, body: query(contactsList) })],
    ['a search', () => ({ headers: { ...json, ...developer }, body: query('{ group(fullPath: "acme") { contacts(first: 5, search: "a") { nodes { id } } } }') })],
    ['an issue\'s contacts', () => ({ headers: { ...json, ...developer }, body: query('{ project(fullPath: "acme/website") { issue(iid: "1") { iid customerRelationsContacts { nodes { id firstName organization { name } } } } } }') })],
    ['issues with contacts', () => ({ headers: { ...json, ...developer }, body: query('{ project(fullPath: "acme/website") { issues(first: 100) { nodes { iid title customerRelationsContacts { nodes { id } } } } } }') })],
    ['state counts', () => ({ headers: { ...json, ...developer }, body: query('{ group(fullPath: "acme") { contactStateCounts { all active inactive } } }') })],
    ['an anonymous query', () => ({ headers: json, body: query('{ __typename currentUser { username } }') })],
    ['a signed-in session\'s query', () => ({ headers: { ...json, cookie: session.cookie }, body: query('{ currentUser { username } }') })],
    ['variables and an operation name among several', () => ({
      headers: { ...json, ...developer },
      body: query('query A($path: ID!) { group(fullPath: $path) { name } } query B { __typename }', { variables: { path: 'acme' }, operationName: 'A' }),
    })],
    ['null variables and operation name', () => ({ headers: { ...json, ...developer }, body: query('{ __typename }', { variables: null, operationName: null }) })],
    ['a guest\'s contacts (none, no error)', () => ({ headers: { ...json, ...guest }, body: query('{ group(fullPath: "acme") { contacts(first: 1) { nodes { id } } } }') })],
    ['a group the viewer cannot see (null, no error)', () => ({ headers: { ...json, ...developer }, body: query('{ group(fullPath: "no-such-group") { id } }') })],
    ['no Accept header, a charset on the type', () => ({ headers: { 'content-type': 'application/json; charset=utf-8', ...developer }, body: query('{ __typename }') })],
  ];
  it.each(direct)('%s', async (_name, sent) => {
    const { answer, direct: answeredDirectly } = await compare(sent());
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('"errors"');
    expect(answeredDirectly).toBe(true);
  });
});

describe('everything else handed to Yoga, answered exactly as Yoga answers', () => {
  const handed: [string, () => Sent][] = [
    ['a result with errors (a cursor that is not one)', () => ({ headers: { ...json, ...developer }, body: query('{ group(fullPath: "acme") { contacts(first: 1, after: "nope") { nodes { id } } } }') })],
    ['an invalid token', () => ({ headers: { ...json, authorization: 'Bearer not-a-token' }, body: query('{ __typename }') })],
    ['a syntax error', () => ({ headers: { ...json, ...developer }, body: query('{ group(') })],
    ['an unknown field', () => ({ headers: { ...json, ...developer }, body: query('{ nope }') })],
    ['an unknown operation name', () => ({ headers: { ...json, ...developer }, body: query('query A { __typename }', { operationName: 'B' }) })],
    ['a variable that fails coercion', () => ({ headers: { ...json, ...developer }, body: query('query($path: ID!) { group(fullPath: $path) { id } }', { variables: { path: [1] } }) })],
    ['a mutation', () => ({
      headers: { ...json, ...developer },
      body: query('mutation { customerRelationsContactUpdate(input: { id: "gid://gitlab/CustomerRelations::Contact/999999", firstName: "X" }) { errors } }'),
    })],
    ['a session\'s mutation without its CSRF token', () => ({ headers: { ...json, cookie: session.cookie }, body: query('mutation { customerRelationsContactUpdate(input: { id: "gid://gitlab/CustomerRelations::Contact/1" }) { errors } }') })],
    ['a batch', () => ({ headers: { ...json, ...developer }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) })],
    ['extensions', () => ({ headers: { ...json, ...developer }, body: query('{ __typename }', { extensions: { a: 1 } }) })],
    ['an unknown parameter', () => ({ headers: { ...json, ...developer }, body: query('{ __typename }', { other: 1 }) })],
    ['variables that are not an object', () => ({ headers: { ...json, ...developer }, body: query('{ __typename }', { variables: [1] }) })],
    ['variables nested too deeply', () => ({ headers: { ...json, ...developer }, body: query('{ __typename }', { variables: { a: JSON.parse('['.repeat(40) + ']'.repeat(40)) } }) })],
    ['a query over the length limit', () => ({ headers: { ...json, ...developer }, body: query(`{ __typename ${' '.repeat(10_001)}}`) })],
    ['a query over the depth limit', () => ({ headers: { ...json }, body: query(`{ group(fullPath: "acme") { ${'projects { nodes { group { '.repeat(6)}id${' } } }'.repeat(6)} } }`) })],
    ['text PostgreSQL cannot store', () => ({ headers: { ...json, ...developer }, body: query('query($path: ID!) { group(fullPath: $path) { id } }', { variables: { path: 'a\u0000b' } }) })],
    ['a body that is not JSON', () => ({ headers: { ...json, ...developer }, body: '{"query": ' })],
    ['a cross-origin call', () => ({ headers: { ...json, ...developer, origin: 'https://elsewhere.example' }, body: query('{ __typename }') })],
    ['the GraphQL-over-HTTP media type', () => ({ headers: { ...json, ...developer, accept: 'application/graphql-response+json' }, body: query('{ __typename }') })],
    ['a GET', () => ({ method: 'GET', path: '/api/graphql?query=%7B__typename%7D', headers: { accept: 'application/json' } })],
    ['another content type', () => ({ headers: { 'content-type': 'application/graphql', ...developer }, body: '{ __typename }' })],
  ];
  it.each(handed)('%s', async (_name, sent) => {
    const { direct: answeredDirectly } = await compare(sent());
    expect(answeredDirectly).toBe(false);
  });

  it("answers a variable that fails coercion with GitLab's 200, as Yoga does", async () => {
    const { answer } = await compare({ headers: { ...json, ...developer }, body: query('query($path: ID!) { group(fullPath: $path) { id } }', { variables: { path: true } }) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ errors: [expect.objectContaining({ message: expect.stringMatching(/^Variable "\$path" got invalid value true/) })] });
  });
});
