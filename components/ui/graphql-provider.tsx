'use client';

import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';

/**
 * The session's CSRF token, from the `csrf-token` meta tag of the root layout. Read at each request:
 * the client outlives a sign-in (the layout re-renders with the new session's token, but nothing
 * remounts), so a token captured when the client was made would be the signed-out page's none.
 */
function currentCsrfToken(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? null;
}

/**
 * The one GraphQL client of the browser: Apollo over `/api/graphql` with the session cookie and the
 * session's CSRF token. Pages render their data on the server; this client only runs mutations and
 * the few look-ups made while typing.
 */
export function GraphQLProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new ApolloClient({
        link: new HttpLink({
          uri: '/api/graphql',
          credentials: 'same-origin',
          fetch: (input, init) => {
            const headers = new Headers(init?.headers);
            const csrfToken = currentCsrfToken();
            if (csrfToken) headers.set('X-CSRF-Token', csrfToken);
            return fetch(input, { ...init, headers });
          },
        }),
        cache: new InMemoryCache(),
      }),
  );
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
