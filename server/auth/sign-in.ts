import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema/users';
import { sha256 } from './digest';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, deleteSession } from './sessions';
import { clearAttempts, consumeAttempts, refundAttempt, type ThrottleRule, tryAgainIn } from './throttle';

export const invalidLoginMessage = 'Invalid login or password.';

export type SignInResult =
  | { ok: true; userId: number; session: Awaited<ReturnType<typeof createSession>> }
  | { ok: false; message: string };

/**
 * Failed sign-ins are limited twice. Per login *and* address: enough for a person who mistypes, far
 * too few to guess a password. It is not per login alone, because then anyone could lock a victim
 * out by failing on purpose; a victim is only refused here from the attacker's own address. Per
 * address: a higher limit, which stops one address from trying a few passwords on many logins.
 * Successful sign-ins do not count against either.
 */
export const signInThrottle = {
  perLoginAndAddress: { limit: 10, windowMs: 15 * 60 * 1000 },
  perAddress: { limit: 100, windowMs: 15 * 60 * 1000 },
} satisfies Record<string, ThrottleRule>;

function tooManySignInAttemptsMessage(retryAfterMs: number): string {
  return `Too many failed sign-in attempts. ${tryAgainIn(retryAfterMs)}`;
}

// The login is stored only as a digest: the login field sometimes holds a mistyped password.
function signInThrottleKeys(login: string, clientAddress: string) {
  return {
    perLoginAndAddress: `sign-in:login-address:${sha256(JSON.stringify([login, clientAddress]))}`,
    perAddress: `sign-in:address:${clientAddress}`,
  };
}

export interface SignInAttempt {
  login: string;
  password: string;
  /** From `clientAddress()`; attempts are throttled by it. */
  clientAddress: string;
}

// Verifying against a throwaway hash when no user matches keeps the answer time the same, so timing
// does not reveal which usernames or emails exist.
let decoyHash: Promise<string> | undefined;
function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('rapport-decoy-password');
  return decoyHash;
}

/**
 * Username or email (both case-insensitive) plus password; one message for every failure. Once a
 * limit is reached every attempt is refused, the right password too, until the window ends — and
 * before any lookup, so the answer says nothing about the login. The login as typed is the key, not
 * the account it names, for the same reason.
 */
export async function signIn(db: Database, { login, password, clientAddress }: SignInAttempt): Promise<SignInResult> {
  const normalized = login.trim().toLowerCase();
  const keys = signInThrottleKeys(normalized, clientAddress);
  const throttle = await consumeAttempts(db, [
    { key: keys.perLoginAndAddress, rule: signInThrottle.perLoginAndAddress },
    { key: keys.perAddress, rule: signInThrottle.perAddress },
  ]);
  if (!throttle.allowed) return { ok: false, message: tooManySignInAttemptsMessage(throttle.retryAfterMs) };

  const [user] =
    normalized && password
      ? await db
          .select({ id: users.id, passwordHash: users.passwordHash })
          .from(users)
          .where(or(eq(sql`lower(${users.username})`, normalized), eq(sql`lower(${users.email})`, normalized)))
          .limit(1)
      : [];
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordMatches) return { ok: false, message: invalidLoginMessage };
  await clearAttempts(db, keys.perLoginAndAddress);
  await refundAttempt(db, keys.perAddress);
  return { ok: true, userId: user.id, session: await createSession(db, user.id) };
}

export async function signOut(db: Database, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await deleteSession(db, sessionToken);
}

/**
 * Where to go after signing in: only a path on this site (`/x`, never `//host` or `/\host`, which
 * browsers treat as another host), else the home page.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(value)) return '/';
  // Back to the sign-in form would loop once signed in.
  if (/^\/users\/sign_in(?:[/?#]|$)/.test(value)) return '/';
  return value;
}
