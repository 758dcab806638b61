import type { Database } from '../db/client';
import { watchTableWrites } from '../db/table-writes';
import {
  type AccessFacts,
  groupAccessByIds,
  groupAccessByPath,
  type GroupRow,
  projectAccessByIds,
  projectAccessByPath,
  type ProjectRow,
} from './access-queries';
import { credentialCacheLifetimeMs } from './credential-cache';
import { ExpiringMap } from './expiring-map';

/**
 * How long this process reuses what an access statement found (a group or project, the viewer's
 * level in it, its CRM setting): as long as a cached credential. A write in this process to the
 * tables it reads takes effect at once; one from elsewhere (another process, psql) within this.
 */
export const accessCacheLifetimeMs = credentialCacheLifetimeMs;

/** The tables an access statement reads. */
const accessTables = ['groups', 'projects', 'members', 'group_crm_settings'] as const;

type Row = { id: number; fullPath: string };

/** How one kind of record is looked up with its access facts (`access-queries.ts`). */
export interface AccessSource<T extends Row> {
  kind: 'group' | 'project';
  byPath(db: Database, viewerId: number | null, fullPath: string): Promise<(T & AccessFacts) | null>;
  byIds(db: Database, viewerId: number | null, ids: readonly number[]): Promise<(T & AccessFacts)[]>;
}

export const groupAccess: AccessSource<GroupRow> = { kind: 'group', byPath: groupAccessByPath, byIds: groupAccessByIds };
export const projectAccess: AccessSource<ProjectRow> = { kind: 'project', byPath: projectAccessByPath, byIds: projectAccessByIds };

/**
 * Access facts per database, viewer, kind and path or id; "not found" is kept too. Every write to
 * the access tables clears it, and a lookup that overlapped such a write keeps nothing.
 */
export class AccessCache {
  private readonly entries: ExpiringMap<(Row & AccessFacts) | null>;
  /** Several databases may be open in one process (tests): ids and paths are only unique within one. */
  private readonly databaseNumbers = new WeakMap<Database, number>();
  private databaseCount = 0;
  /** Bumped by each write: a lookup that started under an older one may have read the old rows. */
  private generation = 0;

  constructor(lifetimeMs: number, now?: () => number) {
    this.entries = new ExpiringMap(lifetimeMs, now);
  }

  /** Forgets everything, and whatever lookups in flight now find. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  async byPath<T extends Row>(source: AccessSource<T>, db: Database, viewerId: number | null, fullPath: string): Promise<(T & AccessFacts) | null> {
    const key = this.key(db, source.kind, viewerId, `path:${fullPath}`);
    const cached = this.entries.get(key) as (T & AccessFacts) | null | undefined;
    if (cached !== undefined) return cached;
    const started = this.generation;
    const row = await source.byPath(db, viewerId, fullPath);
    if (this.generation === started) {
      this.entries.set(key, row);
      if (row) this.entries.set(this.key(db, source.kind, viewerId, `id:${row.id}`), row);
    }
    return row;
  }

  /** The row of each id, in order (null: no such record), in one statement for those not cached. */
  async byIds<T extends Row>(source: AccessSource<T>, db: Database, viewerId: number | null, ids: readonly number[]): Promise<((T & AccessFacts) | null)[]> {
    const lookups = ids.map((id) => {
      const key = this.key(db, source.kind, viewerId, `id:${id}`);
      return { id, key, cached: this.entries.get(key) as (T & AccessFacts) | null | undefined };
    });
    const missing = lookups.filter((lookup) => lookup.cached === undefined).map((lookup) => lookup.id);
    const started = this.generation;
    const rows = missing.length === 0 ? new Map<number, T & AccessFacts>() : new Map((await source.byIds(db, viewerId, missing)).map((row) => [row.id, row]));
    const keep = this.generation === started;
    return lookups.map(({ id, key, cached }) => {
      if (cached !== undefined) return cached;
      const row = rows.get(id) ?? null;
      if (keep) {
        this.entries.set(key, row);
        if (row) this.entries.set(this.key(db, source.kind, viewerId, `path:${row.fullPath.toLowerCase()}`), row);
      }
      return row;
    });
  }

  private key(db: Database, kind: AccessSource<Row>['kind'], viewerId: number | null, record: string): string {
    let database = this.databaseNumbers.get(db);
    if (database === undefined) {
      this.databaseCount += 1;
      database = this.databaseCount;
      this.databaseNumbers.set(db, database);
    }
    return `${database}:${viewerId ?? 'anonymous'}:${kind}:${record}`;
  }
}

/**
 * One cache per process, kept on globalThis like the credential cache, and cleared by every write
 * to the access tables that this process makes.
 */
const globalForCache = globalThis as unknown as { rapportAccessCache?: AccessCache };

export function accessCache(): AccessCache {
  if (!globalForCache.rapportAccessCache) {
    const cache = new AccessCache(accessCacheLifetimeMs);
    watchTableWrites('access-cache', accessTables, () => cache.clear());
    globalForCache.rapportAccessCache = cache;
  }
  return globalForCache.rapportAccessCache;
}
