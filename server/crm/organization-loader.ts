import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { type Context, requestLoader } from '../graphql/context';
import { organizations } from '../db/schema/crm';
import type { Organization } from './organization-queries';

/**
 * Contacts' organizations by id, one statement per request. (The drizzle plugin's fallback for
 * `t.relation` would select the contacts again just to join their organizations.)
 */
export function organizationLoader(context: Context): DataLoader<number, Organization | null> {
  return requestLoader(
    context,
    'organizationsById',
    () =>
      new DataLoader<number, Organization | null>(async (ids) => {
        const rows = await context.db.select().from(organizations).where(inArray(organizations.id, [...ids]));
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
