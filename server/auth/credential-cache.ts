import { ExpiringMap } from './expiring-map';

/**
 * Tokens and sessions looked up in the last few seconds, so that most requests authenticate without
 * a statement. An entry lives `credentialCacheLifetimeMs` at most, and never past the credential's
 * own expiry: a token revoked or a session ended elsewhere (another process, the token script)
 * stops working within that lifetime; expiry and a sign-out in this process take effect at once.
 */
export const credentialCacheLifetimeMs = 5_000;

interface Credential {
  value: unknown;
  userId: number;
}

export class CredentialCache {
  private readonly entries: ExpiringMap<Credential>;

  constructor(lifetimeMs: number, now?: () => number) {
    this.entries = new ExpiringMap(lifetimeMs, now);
  }

  get<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }

  /** `expiresAt`: when the credential itself stops being valid (null: never). */
  set(key: string, value: unknown, userId: number, expiresAt: Date | null): void {
    this.entries.set(key, { value, userId }, expiresAt?.getTime());
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every credential of a user whose record changed, so the next request reads it afresh. */
  deleteUser(userId: number): void {
    this.entries.deleteWhere((credential) => credential.userId === userId);
  }
}

/**
 * One cache per process, kept on globalThis: the API and the pages are compiled into separate
 * module graphs, and a sign-out through either must reach both.
 */
const globalForCache = globalThis as unknown as { rapportCredentialCache?: CredentialCache };

export function credentialCache(): CredentialCache {
  globalForCache.rapportCredentialCache ??= new CredentialCache(credentialCacheLifetimeMs);
  return globalForCache.rapportCredentialCache;
}
