import DataLoader from 'dataloader';
import { type Context, requestLoader } from '../graphql/context';
import { usersByIds, type User } from '../groups/group-repository';
import { type CustomerTier, customerTiersByIds } from './customer-tier-repository';
import { domainsByOrganizationIds, type Organization, organizationsByIds } from './organization-repository';

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

/** Organizations' domains, one statement per request for a whole page of organizations. */
export function organizationDomainsLoader(context: Context): DataLoader<number, string[]> {
  return requestLoader(
    context,
    'organizationDomains',
    () =>
      new DataLoader<number, string[]>(async (ids) => {
        const byOrganization = await domainsByOrganizationIds(context.db, ids);
        return ids.map((id) => byOrganization.get(id) ?? []);
      }),
  );
}

/** Customer tiers by id, one statement per request. */
export function customerTierLoader(context: Context): DataLoader<number, CustomerTier | null> {
  return requestLoader(
    context,
    'customerTiersById',
    () =>
      new DataLoader<number, CustomerTier | null>(async (ids) => {
        const byId = new Map((await customerTiersByIds(context.db, ids)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Account owners by id, one statement per request. */
export function accountOwnerLoader(context: Context): DataLoader<number, User | null> {
  return requestLoader(
    context,
    'accountOwnersById',
    () =>
      new DataLoader<number, User | null>(async (ids) => {
        const byId = new Map((await usersByIds(context.db, ids)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
