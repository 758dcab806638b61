import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** GitLab's answer when a request's statement is cancelled for taking too long (HTTP 503). */
export const requestTimedOutMessage = 'Request timed out. Please try a less complex query or a smaller set of records.';

export function requestTimedOut(): GraphQLError {
  return new GraphQLError(requestTimedOutMessage, { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
}

/** The longest one HTTP request may spend executing GraphQL (`RAPPORT_REQUEST_TIMEOUT_MS`, default 15 s). */
export function requestTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.RAPPORT_REQUEST_TIMEOUT_MS ?? 15_000);
  return Number.isSafeInteger(value) && value > 0 ? value : 15_000;
}

const deadlines = new WeakMap<Request, number>();

/**
 * Caps the time one HTTP request (every operation of a batch together) spends executing: past the
 * deadline the client gets GitLab's "Request timed out" with a 503, and the execution is aborted so
 * no further resolvers start. Each statement is bounded by `statement_timeout` as well.
 */
export const requestTimeLimit: Plugin<{ request: Request }> = {
  onRequest({ request }) {
    deadlines.set(request, Date.now() + requestTimeoutMs());
  },
  onExecute({ args, executeFn, setExecuteFn }) {
    const deadline = deadlines.get(args.contextValue.request) ?? Date.now() + requestTimeoutMs();
    setExecuteFn(async (executeArgs) => {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<{ errors: GraphQLError[] }>((resolve) => {
        timer = setTimeout(
          () => {
            controller.abort(requestTimedOut());
            resolve({ errors: [requestTimedOut()] });
          },
          Math.max(deadline - Date.now(), 0),
        );
      });
      try {
        // Yoga's executor stops resolving further fields once `signal` aborts.
        return await Promise.race([executeFn({ ...executeArgs, signal: controller.signal } as typeof executeArgs), timedOut]);
      } finally {
        clearTimeout(timer);
      }
    });
  },
};
