interface PostgresErrorFields {
  code?: string;
  constraint?: string;
  message?: string;
  cause?: unknown;
}

/** The error and its causes, outermost first (drizzle wraps the driver's error in `cause`). */
export function errorChain(error: unknown, maxDepth = 4): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < maxDepth) {
    chain.push(current);
    current = (current as PostgresErrorFields).cause;
  }
  return chain;
}

function postgresCode(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    const { code } = link as PostgresErrorFields;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The name of the unique constraint a failed statement violated, from pg or PGlite errors. */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (const link of errorChain(error)) {
    const fields = link as PostgresErrorFields;
    if (fields.code === '23505') return fields.constraint ?? '';
  }
  return null;
}

/** PostgreSQL cancelled the statement: `statement_timeout` (SQLSTATE 57014, query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  return postgresCode(error) === '57014';
}

// Connection exceptions (08…), the server shutting down or starting (57P01–57P03), too many
// connections (53300), and the socket errors of a server that is not there.
const unavailableCodes = /^(08...|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/;
const unavailableMessages = /Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end/i;

/** The database cannot be reached right now (as opposed to a statement that failed). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const { code, message } = link as PostgresErrorFields;
    return (typeof code === 'string' && unavailableCodes.test(code)) || (typeof message === 'string' && unavailableMessages.test(message));
  });
}

/** Thrown where a page needs the database and it cannot be reached; the page answers 503. */
export class DatabaseUnavailableError extends Error {
  constructor() {
    super('The database is temporarily unavailable');
    this.name = 'DatabaseUnavailableError';
  }
}
