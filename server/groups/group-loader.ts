import type { Context } from '../graphql/context';

/**
 * Whether the viewer may read CRM records of the group with this id. The group comes from the
 * request's memo (one batched statement for all groups not yet seen, with the viewer's level and the
 * CRM setting), so the check costs nothing more.
 */
export async function canReadCrmOfGroup(context: Context, groupId: number): Promise<boolean> {
  const group = await context.permissions.groupById(groupId);
  return group !== null && context.permissions.canReadCrm(group);
}
