import DataLoader from 'dataloader';
import { type Context, requestLoader } from '../graphql/context';
import { type Organization, organizationsByIds } from './organization-repository';

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
        const byId = new Map((await organizationsByIds(context.db, ids)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
