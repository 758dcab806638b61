import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import { requestTimedOutMessage, requestTimeLimit } from './request-time-limit';

/** A field that answers after `slowMs`, and a field below it that counts how often it ran. */
function slowServer(slowMs: number) {
  const ran = { inner: 0 };
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { slow: Slow } type Slow { inner: Int }',
      resolvers: {
        Query: { slow: () => new Promise((resolve) => setTimeout(() => resolve({}), slowMs)) },
        Slow: { inner: () => (ran.inner += 1) },
      },
    }),
    plugins: [requestTimeLimit],
    logging: false,
  });
  const query = async () => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow { inner } }' }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { ran, query };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  delete process.env.RAPPORT_REQUEST_TIMEOUT_MS;
});

describe('request time limit', () => {
  it('answers 503 at the deadline and starts no resolver after it', async () => {
    process.env.RAPPORT_REQUEST_TIMEOUT_MS = '20';
    const server = slowServer(200);
    const response = await server.query();
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ errors: [{ message: requestTimedOutMessage, extensions: { code: 'TIMEOUT' } }] });
    // The slow field resolves after the answer; the field below it must not run.
    await wait(300);
    expect(server.ran.inner).toBe(0);
  });

  it('lets an execution within the deadline finish', async () => {
    const server = slowServer(5);
    expect(await server.query()).toEqual({ status: 200, body: { data: { slow: { inner: 1 } } } });
  });
});
