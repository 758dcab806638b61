import type { Database } from '../db/client';
import type { users } from '../db/schema/users';
import { findCachedSession, sessionCookieName } from './sessions';
import { findCachedUserByToken, type TokenScope } from './tokens';

export type User = typeof users.$inferSelect;

/** Who is making a request, and how they proved it. */
export interface Viewer {
  user: User | null;
  via: 'anonymous' | 'session' | 'token';
  /** Token scopes; a session grants everything a token with `api` would. */
  scopes: TokenScope[];
  csrfToken: string | null;
}

export const anonymousViewer: Viewer = { user: null, via: 'anonymous', scopes: [], csrfToken: null };

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      // Not valid percent-encoding (`%E0%A4%A`): no session we could have issued, so anonymous.
      return null;
    }
  }
  return null;
}

function bearerToken(headers: Pick<Headers, 'get'>): string | null {
  const privateToken = headers.get('private-token');
  if (privateToken) return privateToken.trim();
  const authorization = headers.get('authorization');
  const match = authorization?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim() ?? null;
}

/** Returns null when a token was sent but is not valid (the API answers 401). */
export async function authenticateRequest(db: Database, headers: Pick<Headers, 'get'>): Promise<Viewer | null> {
  const token = bearerToken(headers);
  if (token) {
    const found = await findCachedUserByToken(db, token);
    return found ? { user: found.user, via: 'token', scopes: found.scopes, csrfToken: null } : null;
  }
  return viewerFromSessionToken(db, readCookie(headers.get('cookie'), sessionCookieName));
}

export async function viewerFromSessionToken(db: Database, sessionToken: string | null | undefined): Promise<Viewer> {
  if (!sessionToken) return anonymousViewer;
  const session = await findCachedSession(db, sessionToken);
  if (!session) return anonymousViewer;
  return { user: session.user, via: 'session', scopes: ['api'], csrfToken: session.csrfToken };
}
