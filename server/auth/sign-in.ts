import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema/users';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, deleteSession } from './sessions';

export const invalidLoginMessage = 'Invalid login or password.';

export type SignInResult =
  | { ok: true; userId: number; session: Awaited<ReturnType<typeof createSession>> }
  | { ok: false; message: typeof invalidLoginMessage };

// Verifying against a throwaway hash when no user matches keeps the answer time the same, so timing
// does not reveal which usernames or emails exist.
let decoyHash: Promise<string> | undefined;
function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('rapport-decoy-password');
  return decoyHash;
}

/** Username or email (both case-insensitive) plus password; one message for every failure. */
export async function signIn(db: Database, login: string, password: string): Promise<SignInResult> {
  const normalized = login.trim().toLowerCase();
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
