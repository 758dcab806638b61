import { builder } from '../graphql/builder';

export const GroupRef = builder.drizzleNode('groups', {
  name: 'Group',
  id: { column: (group) => group.id, description: 'ID of the namespace.' },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the namespace.' }),
    path: t.exposeString('path', { description: 'Path of the namespace.' }),
    fullPath: t.exposeID('fullPath', { description: 'Full path of the namespace.' }),
    description: t.exposeString('description', { nullable: true, description: 'Description of the namespace.' }),
    webUrl: t.string({ description: 'Web URL of the group.', resolve: (group) => `/groups/${group.fullPath}` }),
    parent: t.relation('parent', { nullable: true, description: 'Parent group.' }),
  }),
});

builder.queryField('group', (t) =>
  t.field({
    type: GroupRef,
    nullable: true,
    description: 'Find a group.',
    args: { fullPath: t.arg.id({ required: true, description: 'Full path of the group. For example, `gitlab-org/gitlab-foss`.' }) },
    resolve: async (_root, args, context) => {
      const group = await context.permissions.groupByPath(String(args.fullPath));
      return group && (await context.permissions.canReadGroup(group)) ? group : null;
    },
  }),
);
