import { createYoga, type Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { authenticateRequest, type Viewer } from '../auth/viewer';
import { getDb } from '../db/client';
import { withBoundedBody } from './bounded-body';
import { type Context, createContext } from './context';
import { domainErrors } from './errors';
import { gitlabErrorStatus } from './gitlab-error-status';
import { queryTooLargeError, requestBodyTooLargeMessage, requestLimits } from './limits';
import { operationGuardErrors } from './operation-guard';
import { requestTimeLimit } from './request-time-limit';
import { schema } from './schema';
import { securityHeaders } from './security-headers-plugin';
import { maskUnexpectedError, serviceUnavailableMessage, yogaLogger } from './unexpected-errors';
import { variablesDepthLimit } from './variables-depth';
import { noteDatabaseFailure } from '../db/availability';
import { logError } from '../logging';

const viewers = new WeakMap<Request, Viewer>();

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

function errorResponse(status: number, message: string, extensions: Record<string, unknown>): Response {
  return jsonResponse(status, { errors: [{ message, extensions }] });
}

const bodyTooLargeExtensions = { code: 'REQUEST_BODY_TOO_LARGE', limit: requestLimits.maxBodyBytes };

function bodyTooLarge(): GraphQLError {
  return new GraphQLError(requestBodyTooLargeMessage, { extensions: { ...bodyTooLargeExtensions, http: { status: 413 } } });
}

/**
 * Size limits checked before any parsing: the body (1 MiB, by Content-Length first and then by the
 * bytes actually read), and the GraphQL text (GitLab's 10,000 characters, summed over a batch).
 */
const requestSizeLimits: Plugin = {
  onRequest({ request, endResponse }) {
    const declared = request.headers.get('content-length');
    if (declared !== null && !/^\d+$/.test(declared)) {
      endResponse(errorResponse(400, 'The Content-Length header is invalid', { code: 'BAD_REQUEST' }));
    } else if (declared !== null && Number(declared) > requestLimits.maxBodyBytes) {
      endResponse(errorResponse(413, requestBodyTooLargeMessage, bodyTooLargeExtensions));
    }
  },
  onRequestParse({ request, requestParser, setRequestParser, endResponse }) {
    if (!requestParser) {
      // Other methods go on to Yoga's 405.
      if (request.method === 'POST') {
        endResponse(errorResponse(415, 'Unsupported content type: send application/json', { code: 'UNSUPPORTED_MEDIA_TYPE' }));
      }
      return;
    }
    setRequestParser(async (original) => {
      const bounded = withBoundedBody(original, requestLimits.maxBodyBytes, bodyTooLarge);
      try {
        return await requestParser(bounded);
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        // Yoga's GET and form parsers let JSON.parse errors in `variables`/`extensions` escape as a 500.
        throw new GraphQLError('The request could not be parsed: `variables` and `extensions` must be JSON objects', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
    });
    return {
      onRequestParseDone({ requestParserResult }) {
        const operations = Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult];
        const length = operations.reduce((total, params) => total + (typeof params.query === 'string' ? params.query.length : 0), 0);
        if (length > requestLimits.maxQueryLength) throw queryTooLargeError();
      },
    };
  },
};

/** Authenticates once per HTTP request; a bad token is a 401 before any GraphQL work. */
const authentication: Plugin = {
  async onRequest({ request, endResponse }) {
    let viewer: Viewer | null;
    try {
      viewer = await authenticateRequest(await getDb(), request.headers);
    } catch (error) {
      // The database is unreachable: say so without detail, and let the client retry.
      noteDatabaseFailure(error);
      logError('GraphQL authentication failed', error);
      endResponse(errorResponse(503, serviceUnavailableMessage, { code: 'SERVICE_UNAVAILABLE' }));
      return;
    }
    if (!viewer) {
      endResponse(jsonResponse(401, { errors: [{ message: 'Invalid token' }] }));
      return;
    }
    viewers.set(request, viewer);
  },
};

/** Checks each operation before it runs (see `operationGuardErrors`). */
const operationGuard: Plugin<Context & { request: Request }> = {
  onExecute({ args, setResultAndStopExecution }) {
    const errors = operationGuardErrors({
      schema: args.schema,
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues as Record<string, unknown> | undefined,
      viewer: args.contextValue.viewer,
      csrfToken: args.contextValue.request.headers.get('x-csrf-token'),
    });
    if (errors.length > 0) setResultAndStopExecution({ errors });
  },
};

export interface GraphQLHandlerOptions {
  /** Serve GraphiQL to browsers on GET (development only). */
  graphiql: boolean;
}

export function createGraphQLHandler({ graphiql }: GraphQLHandlerOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/api/graphql',
    graphiql: graphiql && { title: 'Rapport GraphiQL' },
    landingPage: false,
    // GitLab's wording for an unexpected failure; the details go to the server log only.
    maskedErrors: { isDev: false, errorMessage: 'Internal server error', maskError: maskUnexpectedError },
    logging: yogaLogger,
    batching: { limit: requestLimits.maxBatchSize },
    // Checked by `requestSizeLimits` instead, with a message that names the limit.
    maxRequestBodySize: false,
    multipart: false,
    // Like GitLab's API: any origin may call with a token, but no browser may send the session cookie cross-origin.
    cors: { origin: '*', credentials: false },
    plugins: [securityHeaders({ graphiql }), requestSizeLimits, variablesDepthLimit, authentication, requestTimeLimit, operationGuard, domainErrors, gitlabErrorStatus],
    context: async ({ request }) => {
      const viewer = viewers.get(request);
      if (!viewer) throw new Error('Request was not authenticated');
      return createContext(await getDb(), viewer);
    },
  });
}

export const yoga = createGraphQLHandler({ graphiql: process.env.NODE_ENV !== 'production' });
