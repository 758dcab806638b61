import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import { type Context, requestLoader } from '../graphql/context';
import { organizations } from '../db/schema/crm';
import { isAnyOf, prepared } from '../db/statements';
import type { Organization } from './organization-repository';

/**
 * Contacts' organizations by id, one statement per request, for the lists that do not join them in.
 * (The drizzle plugin's fallback for `t.relation` would select the contacts again just to join their
 * organizations.)
 */
export function organizationLoader(context: Context): DataLoader<number, Organization | null> {
  return requestLoader(
    context,
    'organizationsById',
    () =>
      new DataLoader<number, Organization | null>(async (ids) => {
        const statement = prepared(context.db, 'organizations_by_ids', (db, name) =>
          db.select().from(organizations).where(isAnyOf(organizations.id, sql.placeholder('ids'))).prepare(name),
        );
        const rows = await statement.execute({ ids });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
