import { executeNamed } from '../db/statements';
import type { Context } from '../graphql/context';
import type { issues } from '../db/schema/issues';
import type { Project } from '../groups/group-repository';
import { countIssues, type Issue, type IssueFilter, issueFilterCondition, parseIid } from './issue-repository';
import { ProjectRef } from '../groups/project-type';
import { builder } from '../graphql/builder';
import { preloadIssueContacts } from './issue-contacts-connection';
import { IssuableStateEnum } from './issue-type';

const IssueSortEnum = builder.enumType('IssueSort', {
  description: 'Values for sorting issues',
  values: {
    CREATED_DESC: { description: 'Created at descending order.' },
    CREATED_ASC: { description: 'Created at ascending order.' },
    UPDATED_DESC: { description: 'Updated at descending order.' },
    UPDATED_ASC: { description: 'Updated at ascending order.' },
    TITLE_ASC: { description: 'Title by ascending order.' },
    TITLE_DESC: { description: 'Title by descending order.' },
  } as const,
});

type IssueSort = 'CREATED_DESC' | 'CREATED_ASC' | 'UPDATED_DESC' | 'UPDATED_ASC' | 'TITLE_ASC' | 'TITLE_DESC';

const sortColumns = { CREATED: 'createdAt', UPDATED: 'updatedAt', TITLE: 'title' } as const;

function orderFor(sort: IssueSort | null | undefined) {
  const [field, direction] = (sort ?? 'CREATED_DESC').split('_') as [keyof typeof sortColumns, 'ASC' | 'DESC'];
  return { [sortColumns[field]]: direction === 'ASC' ? 'asc' : 'desc' } as const;
}

interface IssueListArgs {
  state?: 'opened' | 'closed' | 'locked' | 'all' | null;
  crmContactId?: string | null;
  crmOrganizationId?: string | null;
  search?: string | null;
  iid?: string | null;
  iids?: readonly string[] | null;
}

/** GitLab passes CRM IDs to this filter as numeric strings (`crmContactId: "42"`); anything else finds nothing. */
function crmIdArgument(value: string | null | undefined): number | null | undefined {
  return value == null || value === '' ? undefined : parseIid(value);
}

/**
 * The list's filter. Filtering by contact or organization needs the right to see issue contacts;
 * without it the list is empty, so the filter cannot reveal which issues a contact is linked to.
 * A malformed id or iid finds nothing.
 */
async function issueListFilter(context: Context, project: Project, args: IssueListArgs): Promise<IssueFilter> {
  const contactId = crmIdArgument(args.crmContactId);
  const organizationId = crmIdArgument(args.crmOrganizationId);
  const filtersByCrm = contactId !== undefined || organizationId !== undefined;
  const iidArgs = args.iids ?? (args.iid == null ? null : [args.iid]);
  const iids = iidArgs?.map(parseIid);
  const findsNothing =
    contactId === null ||
    organizationId === null ||
    iids?.includes(null) === true ||
    (filtersByCrm && !(await context.permissions.canReadIssueContacts(project)));
  return {
    projectId: project.id,
    findsNothing,
    state: args.state,
    search: args.search,
    iids: iids?.filter((iid) => iid !== null),
    contactId: contactId ?? undefined,
    organizationId: organizationId ?? undefined,
  };
}

/** `Project.issues` with GitLab's filters (state, search, iid, iids, crmContactId, crmOrganizationId) and sorts. */
builder.drizzleObjectFields(ProjectRef, (t) => ({
  issues: t.drizzleConnection(
    {
      type: 'issues',
      nullable: true,
      description: 'Issues of the project.',
      args: {
        state: t.arg({ type: IssuableStateEnum, description: 'Current state of this issue.' }),
        search: t.arg.string({ description: 'Search query for title or description.' }),
        iid: t.arg.string({ description: 'IID of the issue. For example, "1".' }),
        iids: t.arg.stringList({ description: 'List of IIDs of issues. For example, `["1", "2"]`.' }),
        crmContactId: t.arg.string({ description: 'ID of a contact assigned to the issues.' }),
        crmOrganizationId: t.arg.string({ description: 'ID of an organization assigned to the issues.' }),
        sort: t.arg({ type: IssueSortEnum, defaultValue: 'CREATED_DESC', description: 'Sort issues by the criteria.' }),
      },
      resolve: async (query, project, args, context, info) => {
        const filter = await issueListFilter(context, project, args);
        const where = (table: typeof issues) => issueFilterCondition(table, filter);
        const rows = await executeNamed(context.db.query.issues.findMany(query({ where: { RAW: where }, orderBy: orderFor(args.sort) })), {
          named: !args.search,
        });
        // The plugin types its rows opaquely; they are issue rows (the page and the one row past it).
        await preloadIssueContacts(context, project, rows as unknown as Pick<Issue, 'id'>[], info);
        return rows;
      },
    },
    {
      name: 'IssueConnection',
      description: 'The connection type for Issue.',
      fields: (t) => ({
        count: t.int({
          description: 'Total count of collection.',
          // Lets a query that asks only for `count` skip loading the page of issues.
          extensions: { pothosDrizzleTotalCount: true },
          resolve: async (connection, _args, context) => {
            const { parent, args } = connection as unknown as { parent: Project; args: IssueListArgs };
            return countIssues(context.db, await issueListFilter(context, parent, args));
          },
        }),
      }),
    },
    { name: 'IssueEdge' },
  ),
}));
