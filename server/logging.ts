/**
 * The one way the server logs a failure. Database errors carry their statement's parameters
 * (contact data, token digests) and drizzle puts them in the message, and an error's text can be
 * megabytes long (logging one such error through Next.js's source-mapping console once held the
 * event loop for minutes). So only plain, bounded text is written: each error's name, message
 * without parameters, SQLSTATE code and the first frames of its stack, never the error object.
 */

const maxMessageLength = 500;
const maxStackFrames = 5;
const maxEntryLength = 4000;
const maxCauses = 4;

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  stack?: unknown;
  cause?: unknown;
  query?: unknown;
  originalError?: unknown;
}

function bounded(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length - limit} more characters)` : text;
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return bounded(String(error), maxMessageLength);
  const fields = error as ErrorFields;
  const name = typeof fields.name === 'string' ? fields.name : 'Error';
  // drizzle's "Failed query: <sql>\nparams: <values>": keep the statement, drop the values.
  let message = typeof fields.query === 'string' ? `Failed query: ${fields.query}` : typeof fields.message === 'string' ? fields.message : '';
  // The same text copied into another error's message (a GraphQL error's, say) loses its values too.
  message = message.replace(/\nparams: [\s\S]*$/, '');
  // PostgreSQL's data exceptions (SQLSTATE class 22) quote the offending input: `…: "value"`.
  if (typeof fields.code === 'string' && fields.code.startsWith('22')) message = message.replace(/: .*$/s, ': (value withheld)');
  const code = typeof fields.code === 'string' ? ` [${fields.code}]` : '';
  const frames =
    typeof fields.stack === 'string'
      ? fields.stack
          .split('\n')
          .filter((line) => line.trimStart().startsWith('at '))
          .slice(0, maxStackFrames)
          .map((line) => `\n    ${bounded(line.trim(), 200)}`)
          .join('')
      : '';
  return `${name}${code}: ${bounded(message, maxMessageLength)}${frames}`;
}

/** One log entry's text for `error` and its causes, at most a few kilobytes. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < maxCauses; depth += 1) {
    // A GraphQL error wrapping a resolver's error: the resolver's error is the one to describe.
    const { originalError } = current as ErrorFields;
    if (originalError) current = originalError;
    parts.push(describeOne(current));
    current = (current as ErrorFields).cause;
  }
  return bounded(parts.join('\n  caused by '), maxEntryLength);
}

/** Logs `error` under `what` (e.g. "GraphQL request failed"): bounded text, no parameters. */
export function logError(what: string, error: unknown): void {
  console.error(`${what}: ${describeError(error)}`);
}
