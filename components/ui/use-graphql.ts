'use client';

import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';

export interface GraphQLOutcome<TData> {
  data: TData | null;
  /** Top-level errors (permission, network): shown as form-level messages. */
  errors: string[];
}

const unreachable = 'The server could not be reached. Check your connection and try again.';

function errorMessages(error: unknown): string[] {
  if (!error) return [];
  const graphQLErrors = (error as { errors?: readonly { message: string }[] }).errors;
  if (graphQLErrors?.length) return graphQLErrors.map((item) => item.message);
  return [unreachable];
}

/** Runs mutations and queries without throwing: the caller gets the data and any error messages. */
export function useGraphQL() {
  const client = useApolloClient();
  const mutate = useCallback(
    async <TData, TVariables extends OperationVariables>(
      mutation: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
    ): Promise<GraphQLOutcome<TData>> => {
      try {
        const result = await client.mutate({ mutation, variables, errorPolicy: 'all', fetchPolicy: 'no-cache' });
        return { data: (result.data as TData | undefined) ?? null, errors: errorMessages(result.error) };
      } catch (error) {
        return { data: null, errors: errorMessages(error) };
      }
    },
    [client],
  );
  const query = useCallback(
    async <TData, TVariables extends OperationVariables>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
    ): Promise<GraphQLOutcome<TData>> => {
      try {
        const result = await client.query({ query: document, variables, errorPolicy: 'all', fetchPolicy: 'no-cache' });
        return { data: (result.data as TData | undefined) ?? null, errors: errorMessages(result.error) };
      } catch (error) {
        return { data: null, errors: errorMessages(error) };
      }
    },
    [client],
  );
  return { mutate, query };
}
