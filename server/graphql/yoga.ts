import { createYoga, type Plugin } from 'graphql-yoga';
import { type DocumentNode, GraphQLError, type OperationDefinitionNode } from 'graphql';
import { authenticateRequest, type Viewer } from '../auth/viewer';
import { getDb } from '../db/client';
import { type Context, createContext } from './context';
import { schema } from './schema';

const viewers = new WeakMap<Request, Viewer>();

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** Authenticates once per HTTP request; a bad token is a 401 before any GraphQL work. */
const authentication: Plugin = {
  async onRequest({ request, endResponse }) {
    const viewer = await authenticateRequest(await getDb(), request.headers);
    if (!viewer) {
      endResponse(jsonResponse(401, { errors: [{ message: 'Invalid token' }] }));
      return;
    }
    viewers.set(request, viewer);
  },
};

/** A mutation authenticated by the session cookie must carry the session's CSRF token. */
const csrfProtection: Plugin<Context & { request: Request }> = {
  onExecute({ args }) {
    const document: DocumentNode = args.document;
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === 'OperationDefinition' && (!args.operationName || definition.name?.value === args.operationName),
    );
    const { viewer, request } = args.contextValue;
    if (operation?.operation !== 'mutation' || viewer.via !== 'session') return;
    if (request.headers.get('x-csrf-token') !== viewer.csrfToken) {
      throw new GraphQLError('The X-CSRF-Token header is missing or invalid', { extensions: { code: 'CSRF' } });
    }
  },
};

export const yoga = createYoga<Record<string, unknown>, Context>({
  schema,
  graphqlEndpoint: '/api/graphql',
  graphiql: process.env.NODE_ENV !== 'production',
  landingPage: false,
  maskedErrors: { isDev: false },
  plugins: [authentication, csrfProtection],
  context: async ({ request }) => {
    const viewer = viewers.get(request);
    if (!viewer) throw new Error('Request was not authenticated');
    return createContext(await getDb(), viewer);
  },
});
