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
 * The signal an execution stops on. The executor only reads `aborted` and `reason`, calls
 * `throwIfAborted` and listens for 'abort'; Node 20's AbortController costs ~8 µs to create, more
 * than the rest of this plugin's work for a request.
 */
class ExecutionSignal extends EventTarget implements AbortSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: AbortSignal['onabort'] = null;

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const event = new Event('abort');
    this.onabort?.call(this, event);
    this.dispatchEvent(event);
  }
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === 'function';
}

/** The moment a request's GraphQL execution must end by, from its start. */
export function requestDeadline(): number {
  return Date.now() + requestTimeoutMs();
}

/**
 * Requests that continue one already begun elsewhere (`direct-queries.ts` hands Yoga a query it ran
 * into errors) keep that one's deadline, so the time limit holds for the request as a whole.
 */
const inheritedDeadlines = new WeakMap<Request, number>();

export function continueDeadline(request: Request, deadline: number): void {
  inheritedDeadlines.set(request, deadline);
}

/**
 * Runs `execute` with a signal that aborts at `deadline`: past it the result is GitLab's "Request
 * timed out" (a 503), and no further resolvers start. An execution that finishes synchronously
 * cannot have run past the deadline's timer, so it needs none.
 */
export function executeBefore<Args extends object, Result>(deadline: number, execute: (args: Args) => Result | PromiseLike<Result>, args: Args): Result | Promise<Result | { errors: GraphQLError[] }> {
  const signal = new ExecutionSignal();
  // Yoga's executor stops resolving further fields once `signal` aborts.
  const result = execute({ ...args, signal });
  if (!isPromiseLike(result)) return result;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ errors: GraphQLError[] }>((resolve) => {
    timer = setTimeout(
      () => {
        signal.abort(requestTimedOut());
        resolve({ errors: [requestTimedOut()] });
      },
      Math.max(deadline - Date.now(), 0),
    );
  });
  return Promise.race([result, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * Caps the time one HTTP request (every operation of a batch together) spends executing (see
 * `executeBefore`). Each statement is bounded by `statement_timeout` as well.
 */
export const requestTimeLimit: Plugin<{ request: Request }> = {
  onRequest({ request }) {
    deadlines.set(request, inheritedDeadlines.get(request) ?? requestDeadline());
  },
  onExecute({ args, executeFn, setExecuteFn }) {
    const deadline = deadlines.get(args.contextValue.request) ?? requestDeadline();
    setExecuteFn((executeArgs) => executeBefore(deadline, executeFn, executeArgs) as ReturnType<typeof executeFn>);
  },
};
