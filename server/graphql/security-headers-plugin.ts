import type { Plugin } from 'graphql-yoga';
import { apiContentSecurityPolicy, baseSecurityHeaders, graphiqlContentSecurityPolicy } from '../http/security-headers';

/**
 * The API's security headers, set on every response Yoga sends (early refusals included), so they
 * hold whether Yoga runs inside a Next.js route or on its own HTTP server. GraphiQL's HTML page
 * (development only) gets the allowances it needs; everything else is JSON and may load nothing.
 */
export function securityHeaders({ graphiql }: { graphiql: boolean }): Plugin {
  return {
    onResponse({ response }) {
      const servesGraphiql = graphiql && (response.headers.get('content-type') ?? '').startsWith('text/html');
      response.headers.set('Content-Security-Policy', servesGraphiql ? graphiqlContentSecurityPolicy : apiContentSecurityPolicy);
      for (const [name, value] of Object.entries(baseSecurityHeaders)) response.headers.set(name, value);
    },
  };
}
