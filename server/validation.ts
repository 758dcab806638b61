import type { z } from 'zod';

/** Rails' validation messages, as GitLab's API returns them; every domain's schemas use these. */
export const tooLong = (label: string, max: number) => `${label} is too long (maximum is ${max} characters)`;
export const blank = (label: string) => `${label} can't be blank`;

/** Field messages in input order: the payload's `errors`. */
export function validationMessages(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.message))];
}

/**
 * The keys a client actually sent: GraphQL leaves out absent input fields, and on update only those
 * are validated and written (an explicit null clears an optional field and blanks a required one).
 */
export function givenFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD` (not `2026-02-30`). */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
