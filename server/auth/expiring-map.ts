/** Enough for every active user many times over; the oldest entry goes first beyond it. */
const maxEntries = 10_000;

interface Entry<V> {
  value: V;
  validUntil: number;
}

/** A map whose entries live `lifetimeMs` at most, bounded in size: what the in-process caches keep. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.validUntil <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `notAfter`: a time (ms) the entry must not outlive even within its lifetime. */
  set(key: string, value: V, notAfter = Infinity): void {
    const validUntil = Math.min(this.now() + this.lifetimeMs, notAfter);
    this.entries.delete(key);
    if (this.entries.size >= maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, validUntil });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (matches(entry.value)) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
