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

/**
 * Caps the time one HTTP request (every operation of a batch together) spends executing: past the
 * deadline the client gets GitLab's "Request timed out" with a 503, and the execution is aborted so
 * no further resolvers start. Each statement is bounded by `statement_timeout` as well. An execution
 * that finishes synchronously cannot have run past the deadline's timer, so it needs none.
 */
export const requestTimeLimit: Plugin<{ request: Request }> = {
  onRequest({ request }) {
    deadlines.set(request, Date.now() + requestTimeoutMs());
  },
  onExecute({ args, executeFn, setExecuteFn }) {
    const deadline = deadlines.get(args.contextValue.request) ?? Date.now() + requestTimeoutMs();
    setExecuteFn((executeArgs) => {
      const signal = new ExecutionSignal();
      // Yoga's executor stops resolving further fields once `signal` aborts.
      const result = executeFn({ ...executeArgs, signal } as typeof executeArgs);
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
    });
  },
};
