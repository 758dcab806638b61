import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { contacts } from '../db/schema/crm';
import { describeError, logError } from '../logging';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase, testBackend } from '../testing/test-database';
import { requestTimedOutMessage } from './request-time-limit';
import { maxVariablesDepth } from './variables-depth';
import { yoga } from './yoga';

/**
 * What bounds one request: nesting of its JSON, the time its statements and its execution may take,
 * and what its failures write to the log.
 */

const statementTimeoutMs = 400;
let handle: DatabaseHandle;
let headers: Record<string, string>;

beforeAll(async () => {
  // The app's pool reads the statement timeout when it opens.
  process.env.RAPPORT_STATEMENT_TIMEOUT_MS = String(statementTimeoutMs);
  try {
    handle = await createSeededAppDatabase();
  } finally {
    delete process.env.RAPPORT_STATEMENT_TIMEOUT_MS;
  }
  headers = await tokenHeaders(handle.db, 'developer');
});

afterAll(async () => {
  await handle.close();
});

const contactsQuery = 'query($search: String) { group(fullPath: "acme") { contacts(first: 5, search: $search) { nodes { id } } } }';

async function post(body: string) {
  const response = await yoga.fetch('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('session cookie', () => {
  it.each(['%E0%A4%A', '%', 'abc%zz'])('one that does not decode (%s) is ignored: the request is anonymous', async (value) => {
    const response = await postGraphQL('{ currentUser { username } }', {}, { headers: { cookie: `other=1; rapport_session=${value}` } });
    expect(response).toEqual({ status: 200, data: { currentUser: null } });
  });
});

describe('JSON nesting', () => {
  it.each(['variables', 'extensions'])('%s nested 5,000 deep are a 400 naming the limit', async (name) => {
    // Written out by hand: JSON.stringify itself runs out of stack on such a value.
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const response = await post(`{"query": "{ currentUser { username } }", "${name}": {"deep": ${deep}}}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({
      errors: [expect.objectContaining({ message: `The request's \`${name}\` are nested too deeply (maximum depth is ${maxVariablesDepth})` })],
    });
  });

  it("nesting within the limit is left to GraphQL (a wrong-type variable is GitLab's 200 with an error)", async () => {
    const response = await postGraphQL('query q($path: ID!) { group(fullPath: $path) { id } }', { path: nested(maxVariablesDepth - 1) }, { headers });
    expect(response.status).toBe(200);
    expect(response.errors?.[0]?.message).toMatch(/^Variable "\$path" got invalid value/);
  });
});

/**
 * Holds an ACCESS EXCLUSIVE lock on the contacts table for the duration of `work`, so any statement
 * reading contacts waits (only PostgreSQL has a second connection to hold it from).
 */
async function withContactsLocked<T>(work: () => Promise<T>): Promise<T> {
  const pool = (handle.db as unknown as { $client: import('pg').Pool }).$client;
  const holder = await pool.connect();
  try {
    await holder.query('begin');
    await holder.query('lock table customer_relations_contacts in access exclusive mode');
    return await work();
  } finally {
    await holder.query('rollback');
    holder.release();
  }
}

describe.runIf(testBackend === 'postgres')('time limits (PostgreSQL)', () => {
  it("a statement past statement_timeout is GitLab's 503 'Request timed out', logged without its parameters", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await withContactsLocked(() => post(JSON.stringify({ query: contactsQuery, variables: { search: 'secret-term-4711' } })));
      expect(response.status).toBe(503);
      expect(JSON.parse(response.text)).toMatchObject({ errors: [{ message: requestTimedOutMessage, extensions: { code: 'TIMEOUT' } }] });
      const log = logged.mock.calls.map((call) => call.join(' ')).join('\n');
      expect(log).toContain('[57014]');
      expect(log).toContain('Failed query: select');
      expect(log).not.toContain('secret-term-4711');
    } finally {
      logged.mockRestore();
    }
  });

  it('a request past its time limit is answered 503 while its statement still waits', async () => {
    process.env.RAPPORT_REQUEST_TIMEOUT_MS = '100';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const started = Date.now();
      const response = await withContactsLocked(async () => {
        const answer = await post(JSON.stringify({ query: contactsQuery }));
        // Answered before the statement timeout ended the waiting statement.
        expect(Date.now() - started).toBeLessThan(statementTimeoutMs);
        return answer;
      });
      expect(response.status).toBe(503);
      expect(JSON.parse(response.text)).toEqual({ errors: [expect.objectContaining({ message: requestTimedOutMessage })] });
    } finally {
      delete process.env.RAPPORT_REQUEST_TIMEOUT_MS;
      logged.mockRestore();
    }
  });
});

describe('logged errors', () => {
  it("hold the failed statement but not its parameters, and stay short however long the driver's message", async () => {
    const secretEmail = 'private.person@example.com';
    const failure = await handle.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(sql`${contacts.email} = ${secretEmail} and ${contacts.id} = ${'not-a-number'}::int`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    const text = describeError(failure);
    expect(text).toMatch(/^DrizzleQueryError: Failed query: select/);
    expect(text).toContain('[22P02]');
    expect(text).not.toContain(secretEmail);
    expect(text).not.toContain('not-a-number');

    const huge = new Error(`Failed: ${'x'.repeat(3_000_000)}`, { cause: failure });
    expect(describeError(huge).length).toBeLessThan(5_000);
  });

  it('are written as one line of text, never as the error object', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      logError('Something failed', new Error('boom'));
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]).toEqual([expect.stringMatching(/^Something failed: Error: boom\n {4}at /)]);
    } finally {
      logged.mockRestore();
    }
  });
});
