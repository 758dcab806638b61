import { Permissions } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import type { Database } from '../db/client';

export interface Context {
  db: Database;
  viewer: Viewer;
  permissions: Permissions;
  /** Per-request batch loaders, created on first use. */
  loaders: Map<string, unknown>;
}

export function createContext(db: Database, viewer: Viewer): Context {
  return { db, viewer, permissions: new Permissions(db, viewer.user), loaders: new Map() };
}

/** The request's loader named `name`, so every field in one request shares one batch. */
export function requestLoader<T>(context: Context, name: string, create: () => T): T {
  let loader = context.loaders.get(name) as T | undefined;
  if (!loader) {
    loader = create();
    context.loaders.set(name, loader);
  }
  return loader;
}
