import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { groups } from '../db/schema/groups';
import { type Context, requestLoader } from '../graphql/context';
import type { Group } from './group-queries';

/** Groups by id, one statement per request, for permission checks on records that carry a group id. */
export function groupLoader(context: Context): DataLoader<number, Group | null> {
  return requestLoader(
    context,
    'groupsById',
    () =>
      new DataLoader<number, Group | null>(async (ids) => {
        const rows = await context.db.select().from(groups).where(inArray(groups.id, [...ids]));
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Whether the viewer may read CRM records of the group with this id. */
export async function canReadCrmOfGroup(context: Context, groupId: number): Promise<boolean> {
  const group = await groupLoader(context).load(groupId);
  return group !== null && context.permissions.canReadCrm(group);
}
