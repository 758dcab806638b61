import DataLoader from 'dataloader';
import { type Context, requestLoader } from '../graphql/context';
import type { Group } from './group-queries';

/**
 * Groups by id, one statement per request, for permission checks on records that carry a group id:
 * the statement brings the viewer's level and the CRM setting along, so the check costs nothing more.
 */
export function groupLoader(context: Context): DataLoader<number, Group | null> {
  return requestLoader(
    context,
    'groupsById',
    () =>
      new DataLoader<number, Group | null>(async (ids) => {
        const byId = await context.permissions.groupsByIds(ids);
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Whether the viewer may read CRM records of the group with this id. */
export async function canReadCrmOfGroup(context: Context, groupId: number): Promise<boolean> {
  const group = await groupLoader(context).load(groupId);
  return group !== null && context.permissions.canReadCrm(group);
}
