interface PostgresErrorFields {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** The name of the unique constraint a failed statement violated, from pg or PGlite errors. */
export function violatedUniqueConstraint(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const fields = current as PostgresErrorFields;
    if (fields.code === '23505') return fields.constraint ?? '';
    current = fields.cause;
  }
  return null;
}
