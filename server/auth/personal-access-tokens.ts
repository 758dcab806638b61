import { z } from 'zod';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import { blank, isIsoDate, tooLong, validationMessages } from '../validation';
import { createThrottledPersonalAccessToken, isTokenScope, type PersonalAccessTokenRecord, revokePersonalAccessToken } from './tokens';

/** GitLab's `PersonalAccessToken::MAX_PERSONAL_ACCESS_TOKEN_LIFETIME_IN_DAYS`: also the expiry of a token created without one. */
export const maxTokenLifetimeDays = 365;
/** What GitLab's form proposes. */
export const defaultTokenLifetimeDays = 30;

const dayMs = 24 * 60 * 60 * 1000;

/** Today's date in UTC (`YYYY-MM-DD`), the calendar token expiry is counted in. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export interface PersonalAccessTokenInput {
  name: string;
  scopes: readonly string[];
  /** `YYYY-MM-DD`; absent or null: the longest lifetime allowed. */
  expiresAt?: string | null;
}

function tokenInputSchema(today: string) {
  const maxDate = addDays(today, maxTokenLifetimeDays);
  return z.object({
    name: z.string().trim().min(1, blank('Name')).max(255, tooLong('Name', 255)),
    scopes: z
      .array(z.string())
      .min(1, blank('Scopes'))
      .refine((scopes) => scopes.every(isTokenScope), 'Scopes can only contain available scopes')
      .transform((scopes) => [...new Set(scopes.filter(isTokenScope))]),
    // As in GitLab, a token stops working at the start of its expiry date (UTC).
    expiresAt: z
      .string()
      .nullish()
      .transform((value) => value || maxDate)
      .refine(isIsoDate, { message: 'Expiration date is not a valid date', abort: true })
      .refine((value) => value > today, { message: 'Expiration date must be in the future', abort: true })
      .refine((value) => value <= maxDate, `Expiration date must be before ${maxDate}`),
  });
}

/**
 * Creates a personal access token for `userId` after checking the name, scopes and expiry (GitLab's
 * rules: at most 365 days, 365 when none is given); nothing is stored when any is wrong. Counted
 * against the user's hourly limit (`tokenCreationThrottle`).
 */
export async function createPersonalAccessTokenFor(
  db: Database,
  userId: number,
  input: PersonalAccessTokenInput,
  now: Date = new Date(),
): Promise<ServiceResult<{ token: string; record: PersonalAccessTokenRecord }>> {
  const parsed = tokenInputSchema(utcToday(now)).safeParse(input);
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  const { name, scopes, expiresAt } = parsed.data;
  const created = await createThrottledPersonalAccessToken(db, { userId, name, scopes, expiresAt: new Date(`${expiresAt}T00:00:00Z`) });
  return { ok: true, value: created };
}

/** Revokes one of the user's own tokens; any other ID (someone else's, already revoked) is not found. */
export async function revokePersonalAccessTokenOf(db: Database, userId: number, tokenId: number): Promise<void> {
  if (!(await revokePersonalAccessToken(db, userId, tokenId))) throw new DomainError('not_found');
}
