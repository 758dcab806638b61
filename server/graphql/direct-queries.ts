import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizedExecutor } from '@graphql-tools/executor';
import { type DocumentNode, type ExecutionResult, getOperationAST, parse, validate } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import { authenticateRequest, type Viewer } from '../auth/viewer';
import { getDb } from '../db/client';
import { apiContentSecurityPolicy, baseSecurityHeaders } from '../http/security-headers';
import { type Context, createContext } from './context';
import { requestLimits } from './limits';
import { operationGuardErrors } from './operation-guard';
import { continueDeadline, executeBefore, requestDeadline } from './request-time-limit';
import { schema } from './schema';
import { jsonDepthExceeds, maxVariablesDepth } from './variables-depth';

/** What this listener needs of the Yoga instance it stands in front of. */
export type YogaForDirectQueries = Pick<YogaServerInstance<Record<string, unknown>, Context>, 'requestListener' | 'fetch' | 'fetchAPI'>;

interface QueryParams {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

const successHeaders: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'Content-Security-Policy': apiContentSecurityPolicy,
  ...baseSecurityHeaders,
};

/** Parsed and validated documents by text; null for a text Yoga must answer (it does not parse or validate). */
const maxDocuments = 1_000;
const documents = new Map<string, DocumentNode | null>();

function validDocument(query: string): DocumentNode | null {
  let document = documents.get(query);
  if (document === undefined) {
    try {
      const parsed = parse(query);
      document = validate(schema, parsed).length === 0 ? parsed : null;
    } catch {
      document = null;
    }
    if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value as string);
    documents.set(query, document);
  }
  return document;
}

const acceptedAccept = new Set([undefined, '*/*', 'application/json']);
const jsonContentTypes = new Set(['application/json', 'application/json; charset=utf-8']);

/**
 * The body's length when the request can only be a plain JSON query Yoga would answer with
 * `application/json` and no CORS headers; null for anything else (GET, other types or encodings,
 * a browser's cross-origin call, a body without a length or over the limit).
 */
function plainJsonBodyLength(request: IncomingMessage): number | null {
  const { headers } = request;
  if (request.method !== 'POST' || request.url !== '/api/graphql') return null;
  if (headers.origin !== undefined || headers['content-encoding'] !== undefined || headers['transfer-encoding'] !== undefined) return null;
  if (!jsonContentTypes.has(headers['content-type']?.toLowerCase() ?? '') || !acceptedAccept.has(headers.accept)) return null;
  const declared = headers['content-length'];
  if (declared === undefined || !/^\d+$/.test(declared)) return null;
  const length = Number(declared);
  return length <= requestLimits.maxBodyBytes ? length : null;
}

function readBody(request: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      // Node's parser never delivers more than the Content-Length; the check keeps the copy in bounds regardless.
      if (received + chunk.length > length) return reject(new Error('Request body longer than its Content-Length'));
      chunk.copy(body, received);
      received += chunk.length;
    });
    request.on('end', () => (received === length ? resolve(body) : reject(new Error('Request body shorter than its Content-Length'))));
    request.on('error', reject);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const paramNames = new Set(['query', 'variables', 'operationName']);

/** The body as one query's parameters; null when Yoga must judge it (a batch, `extensions`, bad JSON or types, over a limit). */
function queryParams(body: Buffer): QueryParams | null {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!isPlainObject(params) || Object.keys(params).some((name) => !paramNames.has(name))) return null;
  const { query, variables, operationName } = params;
  if (typeof query !== 'string' || query.length > requestLimits.maxQueryLength) return null;
  if (variables != null && (!isPlainObject(variables) || jsonDepthExceeds(variables, maxVariablesDepth))) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return { query, variables: variables ?? undefined, operationName: operationName ?? undefined };
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/** Who sent it; null when Yoga must answer (an invalid token's 401, the database unreachable). */
async function viewerOf(request: IncomingMessage): Promise<Viewer | null> {
  try {
    return await authenticateRequest(await getDb(), { get: (name) => headerValue(request, name.toLowerCase()) });
  } catch {
    return null;
  }
}

/**
 * The result of a query that passes every check Yoga's plugins make, executed as Yoga would (same
 * executor, context, guards and time limit); null when any check fails or anything throws.
 */
async function executeDirectly(request: IncomingMessage, params: QueryParams, deadline: number): Promise<ExecutionResult | null> {
  const document = validDocument(params.query);
  if (!document || getOperationAST(document, params.operationName)?.operation !== 'query') return null;
  const viewer = await viewerOf(request);
  if (!viewer) return null;
  const guard = { schema, document, operationName: params.operationName, variables: params.variables, viewer, csrfToken: headerValue(request, 'x-csrf-token') };
  if (operationGuardErrors(guard).length > 0) return null;
  const args = { schema, document, variableValues: params.variables, operationName: params.operationName, contextValue: createContext(await getDb(), viewer) };
  try {
    return (await executeBefore(deadline, normalizedExecutor, args)) as ExecutionResult;
  } catch {
    return null;
  }
}

/** Yoga's answer to a request whose body was already read, written to `response`. */
async function answerWithYoga(yoga: YogaForDirectQueries, request: IncomingMessage, response: ServerResponse, body: Buffer, deadline: number): Promise<void> {
  const headers = new yoga.fetchAPI.Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const fetchRequest = new yoga.fetchAPI.Request(`http://${request.headers.host ?? 'localhost'}${request.url}`, { method: 'POST', headers, body: new Uint8Array(body) });
  continueDeadline(fetchRequest, deadline);
  const answer = await yoga.fetch(fetchRequest);
  const answerBody = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(answerBody);
}

/**
 * The API's `node:http` listener under `npm start`. A plain query (POST, JSON, no Origin, one
 * operation that parses, validates and passes the guards) runs here directly, and a result without
 * errors is written as Yoga writes it. Everything else, and every result with errors (re-run for
 * Yoga to mask, log and set the status of, within the same deadline: queries change nothing), goes
 * to Yoga. Yoga's fetch-API layer (a Request and a Response per call, its plugin hooks) cost more
 * CPU than the contacts list's own work: 1.4–2.5 ms per request against 0.7–0.9 ms without it.
 */
export function createGraphQLListener(yoga: YogaForDirectQueries) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const length = plainJsonBodyLength(request);
    if (length === null) return yoga.requestListener(request, response);
    const body = await readBody(request, length);
    const deadline = requestDeadline();
    const params = queryParams(body);
    const result = params && (await executeDirectly(request, params, deadline));
    if (!result || result.errors?.length) return answerWithYoga(yoga, request, response, body, deadline);
    const json = JSON.stringify(result);
    response.writeHead(200, { ...successHeaders, 'content-length': Buffer.byteLength(json) });
    response.end(json);
  };
}
