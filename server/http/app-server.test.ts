import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { requestBodyTooLargeMessage, requestLimits } from '../graphql/limits';
import { createGraphQLListener } from '../graphql/direct-queries';
import { yoga } from '../graphql/yoga';
import { tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { createAppServer } from './app-server';

let handle: DatabaseHandle;
let server: Server;
let port: number;
const reachedNext: string[] = [];

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  server = createAppServer({
    graphql: createGraphQLListener(yoga),
    next: (request, response) => {
      reachedNext.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('next');
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

interface Answer {
  status: number;
  text: string;
  /** Body bytes the client had sent when the answer came. */
  sent: number;
}

/**
 * Sends `body` in chunks with no Content-Length (HTTP chunked encoding) and stops sending once the
 * server answers, as a client does.
 */
function send(path: string, options: { method?: string; headers?: Record<string, string>; chunks?: Iterable<Buffer> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, sent: sentWhenAnswered }));
      response.on('error', reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunks = (options.chunks ?? [])[Symbol.iterator]();
    const writeMore = () => {
      for (;;) {
        if (answered) return;
        const next = chunks.next();
        if (next.done) {
          request.end();
          return;
        }
        sent += next.value.byteLength;
        if (!request.write(next.value)) {
          request.once('drain', writeMore);
          return;
        }
      }
    };
    writeMore();
  });
}

function* repeated(chunk: Buffer, times: number): Generator<Buffer> {
  for (let index = 0; index < times; index += 1) yield chunk;
}

describe('the node:http server', () => {
  it('answers /api/graphql with Yoga', async () => {
    const body = Buffer.from(JSON.stringify({ query: '{ currentUser { username } }' }));
    const answer = await send('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await tokenHeaders(handle.db, 'developer')) },
      chunks: [body],
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { currentUser: { username: 'developer' } } });
    const viaGet = await send(`/api/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(JSON.parse(viaGet.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('hands every other path to Next', async () => {
    const paths = ['/', '/users/sign_in', '/api/graphql/', '/api/graphqlx', '/groups/acme/-/crm/contacts?search=api/graphql'];
    for (const path of paths) expect((await send(path)).text).toBe('next');
    expect(reachedNext).toEqual(paths);
  });

  it('refuses a chunked body over 1 MiB without Content-Length with a 413, without waiting for the rest', async () => {
    // 16 MiB on offer: what loopback buffers take in before the answer is far less.
    const chunk = Buffer.alloc(64 * 1024, ' ');
    const chunkCount = 256;
    const answer = await send('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      chunks: repeated(chunk, chunkCount),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [expect.objectContaining({ message: requestBodyTooLargeMessage, extensions: { code: 'REQUEST_BODY_TOO_LARGE', limit: requestLimits.maxBodyBytes } })],
    });
    expect(answer.sent).toBeGreaterThan(requestLimits.maxBodyBytes);
    expect(answer.sent).toBeLessThan(chunkCount * chunk.byteLength);
  });
});
