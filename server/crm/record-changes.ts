/** A field's value before and after an update, as the audit log records it. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The fields of `update` whose value differs from `current`. Like Rails, an update that changes
 * nothing writes nothing (no new `updated_at`, no audit event).
 */
export function changedFields<T extends object>(current: T, update: Partial<T>): { values: Partial<T>; changes: FieldChanges } {
  const values: Partial<T> = {};
  const changes: FieldChanges = {};
  for (const key of Object.keys(update) as (keyof T & string)[]) {
    const after = update[key];
    if (after === undefined || after === current[key]) continue;
    values[key] = after;
    changes[key] = { before: current[key], after };
  }
  return { values, changes };
}

/** GitLab's `active: Boolean` argument, stored as the record's state; null or absent keeps it. */
export function stateFromActive(active: boolean | null | undefined): { state?: 'active' | 'inactive' } {
  return active == null ? {} : { state: active ? 'active' : 'inactive' };
}
