import { builder } from '../graphql/builder';

export const UserRef = builder.drizzleNode('users', {
  name: 'UserCore',
  description: 'Core represention of a GitLab user.',
  id: { column: (user) => user.id, description: 'Global ID of the user.' },
  // Always selected, so the fields below read the row as it is: `currentUser` answers from the
  // viewer's row, which `t.exposeString` would not trust and would select again.
  select: { columns: { id: true, username: true, name: true } },
  fields: (t) => ({
    username: t.string({ description: 'Username of the user.', resolve: (user) => user.username }),
    name: t.string({ description: 'Human-readable name of the user.', resolve: (user) => user.name }),
    webUrl: t.string({ description: 'Web URL of the user.', resolve: (user) => `/${user.username}` }),
    webPath: t.string({ description: 'Web path of the user.', resolve: (user) => `/${user.username}` }),
  }),
});

builder.queryField('currentUser', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'Get information about current user.',
    resolve: (_root, _args, context) => context.viewer.user,
  }),
);
