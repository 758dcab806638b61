/**
 * Tokens and sessions looked up in the last few seconds, so that most requests authenticate without
 * a statement. An entry lives `credentialCacheLifetimeMs` at most, and never past the credential's
 * own expiry: a token revoked or a session ended elsewhere (another process, the token script)
 * stops working within that lifetime; expiry and a sign-out in this process take effect at once.
 */
export const credentialCacheLifetimeMs = 5_000;

/** Enough for every active user many times over; the oldest entry goes first beyond it. */
const maxEntries = 10_000;

interface Entry {
  value: unknown;
  userId: number;
  validUntil: number;
}

export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.validUntil <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  /** `expiresAt`: when the credential itself stops being valid (null: never). */
  set(key: string, value: unknown, userId: number, expiresAt: Date | null): void {
    const validUntil = Math.min(this.now() + this.lifetimeMs, expiresAt?.getTime() ?? Infinity);
    this.entries.delete(key);
    if (this.entries.size >= maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, userId, validUntil });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every credential of a user whose record changed, so the next request reads it afresh. */
  deleteUser(userId: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(key);
    }
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
