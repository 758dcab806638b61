import type { GraphQLResolveInfo } from 'graphql';
import { executeNamed } from '../db/statements';
import type { issues } from '../db/schema/issues';
import type { Context } from '../graphql/context';
import type { GroupRow } from '../auth/access-queries';
import type { Project } from '../groups/group-repository';
import { builder } from '../graphql/builder';
import { countIssues, type Issue, type IssueFilter, type IssueListOwner, issueFilterCondition, parseIid } from './issue-repository';
import { preloadIssueContacts } from './issue-contacts-connection';
import { IssuableStateEnum, IssueRef } from './issue-type';

/**
 * What `Project.issues` and `Group.issues` share, as GitLab's issue resolvers do: the filters
 * (state, search, iid, iids, crmContactId, crmOrganizationId), the sorts and `IssueConnection`.
 * They differ only in whose issues they list (`IssueListOwner`).
 */

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

export const issueListArgs = builder.args((t) => ({
  state: t.field({ type: IssuableStateEnum, description: 'Current state of this issue.' }),
  search: t.string({ description: 'Search query for title or description.' }),
  iid: t.string({ description: 'IID of the issue. For example, "1".' }),
  iids: t.stringList({ description: 'List of IIDs of issues. For example, `["1", "2"]`.' }),
  crmContactId: t.string({ description: 'ID of a contact assigned to the issues.' }),
  crmOrganizationId: t.string({ description: 'ID of an organization assigned to the issues.' }),
  sort: t.field({ type: IssueSortEnum, defaultValue: 'CREATED_DESC', description: 'Sort issues by the criteria.' }),
}));

export interface IssueListArgs {
  state?: 'opened' | 'closed' | 'locked' | 'all' | null;
  crmContactId?: string | null;
  crmOrganizationId?: string | null;
  search?: string | null;
  iid?: string | null;
  iids?: readonly string[] | null;
  sort?: IssueSort | null;
  includeSubgroups?: boolean | null;
}

/** GitLab passes CRM IDs to this filter as numeric strings (`crmContactId: "42"`); anything else finds nothing. */
function crmIdArgument(value: string | null | undefined): number | null | undefined {
  return value == null || value === '' ? undefined : parseIid(value);
}

/** Whose issues: the project's, or those of the group's projects (and its subgroups' when asked) that the viewer may read. */
function ownerOf(context: Context, parent: Project | GroupRow, args: IssueListArgs): IssueListOwner {
  if (isProject(parent)) return { projectId: parent.id };
  return {
    groupId: parent.id,
    groupPath: parent.fullPath,
    includeSubgroups: args.includeSubgroups ?? false,
    readableProjects: context.permissions.readableProjectsCondition(),
  };
}

function isProject(parent: Project | GroupRow): parent is Project {
  return 'lastIssueIid' in parent;
}

/**
 * The list's filter. As in GitLab's `Issuables::CrmContactFilter`, filtering by contact or
 * organization applies only for a viewer who may see issue contacts where the list is (every
 * project under one root group shares its CRM group); for anyone else the filter is ignored, so it
 * cannot reveal which issues a contact is linked to. A malformed id or iid finds nothing.
 */
async function issueListFilter(context: Context, parent: Project | GroupRow, args: IssueListArgs): Promise<IssueFilter> {
  const iidArgs = args.iids ?? (args.iid == null ? null : [args.iid]);
  const iids = iidArgs?.map(parseIid);
  const crmFilter = await crmFilterFor(context, parent, args);
  return {
    owner: ownerOf(context, parent, args),
    findsNothing: crmFilter.findsNothing || iids?.includes(null) === true,
    state: args.state,
    search: args.search,
    iids: iids?.filter((iid) => iid !== null),
    contactId: crmFilter.contactId,
    organizationId: crmFilter.organizationId,
  };
}

async function crmFilterFor(context: Context, parent: Project | GroupRow, args: IssueListArgs) {
  const contactId = crmIdArgument(args.crmContactId);
  const organizationId = crmIdArgument(args.crmOrganizationId);
  const ignored = { findsNothing: false, contactId: undefined, organizationId: undefined };
  if (contactId === undefined && organizationId === undefined) return ignored;
  if (!(await context.permissions.canReadIssueContacts(parent))) return ignored;
  return {
    findsNothing: contactId === null || organizationId === null,
    contactId: contactId ?? undefined,
    organizationId: organizationId ?? undefined,
  };
}

type IssuesQuery = (options: { where: { RAW: (table: typeof issues) => ReturnType<typeof issueFilterCondition> }; orderBy: ReturnType<typeof orderFor> }) => object;

/** Resolves a page of the list: one statement for the issues, one for their contacts when asked. */
export async function resolveIssueList(query: IssuesQuery, parent: Project | GroupRow, args: IssueListArgs, context: Context, info: GraphQLResolveInfo) {
  const filter = await issueListFilter(context, parent, args);
  const where = (table: typeof issues) => issueFilterCondition(table, filter);
  const rows = await executeNamed(
    context.db.query.issues.findMany(query({ where: { RAW: where }, orderBy: orderFor(args.sort) }) as Parameters<typeof context.db.query.issues.findMany>[0]),
    { named: !args.search },
  );
  // The plugin types its rows opaquely; they are issue rows (the page and the one row past it).
  await preloadIssueContacts(context, rows as unknown as Pick<Issue, 'id' | 'projectId'>[], info);
  return rows;
}

export const IssueConnectionRef = builder.connectionObject(
  {
    type: IssueRef,
    name: 'IssueConnection',
    description: 'The connection type for Issue.',
    fields: (t) => ({
      count: t.int({
        description: 'Total count of collection.',
        // Lets a query that asks only for `count` skip loading the page of issues.
        extensions: { pothosDrizzleTotalCount: true },
        resolve: async (connection, _args, context) => {
          const { parent, args } = connection as unknown as { parent: Project | GroupRow; args: IssueListArgs };
          return countIssues(context.db, await issueListFilter(context, parent, args));
        },
      }),
    }),
  },
  { name: 'IssueEdge' },
);
