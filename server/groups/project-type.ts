import { builder } from '../graphql/builder';
import { issueByIidWithContactsAhead } from '../issues/issue-contacts-connection';
import { IssueRef } from '../issues/issue-type';
import { parseIid } from '../issues/issue-repository';
import { GroupRef } from './group-type';

export const ProjectRef = builder.drizzleNode('projects', {
  name: 'Project',
  id: { column: (project) => project.id, description: 'ID of the project.' },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the project without the namespace.' }),
    path: t.exposeString('path', { description: 'Path of the project.' }),
    fullPath: t.exposeID('fullPath', { description: 'Full path of the project.' }),
    description: t.exposeString('description', { nullable: true, description: 'Short description of the project.' }),
    webUrl: t.string({ description: 'Web URL of the project.', resolve: (project) => `/${project.fullPath}` }),
    group: t.relation('group', { type: GroupRef, nullable: true, description: 'Group of the project.' }),
    issue: t.field({
      type: IssueRef,
      nullable: true,
      description: 'A single issue of the project.',
      args: { iid: t.arg.string({ description: 'IID of the issue. For example, "1".' }) },
      resolve: (project, args, context, info) => {
        const iid = args.iid == null ? null : parseIid(args.iid);
        return iid === null ? null : issueByIidWithContactsAhead(context, project, iid, info);
      },
    }),
  }),
});

builder.queryField('project', (t) =>
  t.field({
    type: ProjectRef,
    nullable: true,
    description: 'Find a project.',
    args: { fullPath: t.arg.id({ required: true, description: 'Full path of the project. For example, `gitlab-org/gitlab-foss`.' }) },
    resolve: async (_root, args, context) => {
      const project = await context.permissions.projectByPath(String(args.fullPath));
      return project && (await context.permissions.canReadProject(project)) ? project : null;
    },
  }),
);
