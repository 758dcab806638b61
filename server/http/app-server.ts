import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { NodeRequestHandler } from './hosted-services';

export const graphqlPath = '/api/graphql';

export interface AppHandlers {
  /** The API: Yoga, reached without going through Next's request pipeline. */
  graphql: NodeRequestHandler;
  /** Everything else: Next's request handler (pages, assets, server actions). */
  next: NodeRequestHandler;
}

function isGraphQLRequest(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  return url.startsWith(graphqlPath) && (url.length === graphqlPath.length || url[graphqlPath.length] === '?');
}

/**
 * The `node:http` server behind `npm start`: `/api/graphql` goes straight to Yoga, which costs a
 * fifth of the same request routed through Next's pipeline; the rest goes to Next.
 */
export function createAppServer(handlers: AppHandlers): Server {
  return createServer((request, response) => {
    const handle = isGraphQLRequest(request) ? handlers.graphql : handlers.next;
    Promise.resolve()
      .then(() => handle(request, response))
      .catch((error: unknown) => {
        // Both handlers answer their own errors; this is the last resort, without details.
        console.error('Unhandled error while serving', request.method, request.url, error);
        if (response.headersSent) {
          response.destroy();
        } else {
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          response.end('Internal server error');
        }
      });
  });
}
