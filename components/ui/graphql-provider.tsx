'use client';

import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';

/**
 * The one GraphQL client of the browser: Apollo over `/api/graphql` with the session cookie and the
 * session's CSRF token (handed down from the server render). Pages render their data on the server;
 * this client only runs mutations and the few look-ups made while typing.
 */
export function GraphQLProvider({ csrfToken, children }: { csrfToken: string | null; children: ReactNode }) {
  const [client] = useState(
    () =>
      new ApolloClient({
        link: new HttpLink({ uri: '/api/graphql', credentials: 'same-origin', headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {} }),
        cache: new InMemoryCache(),
      }),
  );
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
