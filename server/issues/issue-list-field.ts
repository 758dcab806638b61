import { type SQL, sql } from 'drizzle-orm';
import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { DomainError } from '../errors';
import type { PageArgs } from '../pagination/keyset';
import { executeNamed } from '../db/statements';
import type { issues } from '../db/schema/issues';
import type { Context } from '../graphql/context';
import type { GroupRow } from '../auth/access-queries';
import type { Project } from '../groups/group-repository';
import { builder } from '../graphql/builder';
import { annualRevenueSum, bestTierPosition, importantRequestCount, organizationCount } from './customer-weight-repository';
import { countIssues, type Issue, type IssueFilter, type IssueListOwner, issueFilterCondition, parseIid } from './issue-repository';
import { preloadIssueContacts } from './issue-contacts-connection';
import { IssuableStateEnum, IssueRef } from './issue-type';

/**
 * What `Project.issues` and `Group.issues` share, as GitLab's issue resolvers do: the filters
 * (state, search, iid, iids, crmContactId, crmOrganizationId), the sorts and `IssueConnection`.
 * They differ only in whose issues they list (`IssueListOwner`).
 */

const rapportSort = 'Rapport only:';

const IssueSortEnum = builder.enumType('IssueSort', {
  description: 'Values for sorting issues',
  values: {
    CREATED_DESC: { description: 'Created at descending order.' },
    CREATED_ASC: { description: 'Created at ascending order.' },
    UPDATED_DESC: { description: 'Updated at descending order.' },
    UPDATED_ASC: { description: 'Updated at ascending order.' },
    TITLE_ASC: { description: 'Title by ascending order.' },
    TITLE_DESC: { description: 'Title by descending order.' },
    CUSTOMER_COUNT_ASC: {
      description: `${rapportSort} Number of distinct organizations linked through the issue contacts, fewest first.`,
    },
    CUSTOMER_COUNT_DESC: {
      description: `${rapportSort} Number of distinct organizations linked through the issue contacts, most first.`,
    },
    CUSTOMER_REVENUE_ASC: {
      description: `${rapportSort} Summed annual revenue of those organizations, smallest first; issues without any revenue last.`,
    },
    CUSTOMER_REVENUE_DESC: {
      description: `${rapportSort} Summed annual revenue of those organizations, largest first; issues without any revenue last.`,
    },
    IMPORTANT_REQUESTS_ASC: { description: `${rapportSort} Number of issue contacts whose request is marked important, fewest first.` },
    IMPORTANT_REQUESTS_DESC: { description: `${rapportSort} Number of issue contacts whose request is marked important, most first.` },
    CUSTOMER_TIER_ASC: {
      description: `${rapportSort} Highest tier among those organizations, lowest tier first; issues without a tiered organization last.`,
    },
    CUSTOMER_TIER_DESC: {
      description: `${rapportSort} Highest tier among those organizations, best tier (position 1) first; issues without a tiered organization last.`,
    },
  } as const,
});

type IssueSort = typeof IssueSortEnum.$inferType;

const columnSorts = { CREATED: 'createdAt', UPDATED: 'updatedAt', TITLE: 'title' } as const;

/**
 * Customer weight sorts (Rapport only): the weight is a computed key selected beside each row (an
 * `extra` of the drizzle plugin, which then puts it in the cursor and pages by it like a column).
 * A key that may be NULL gets a second one, `weightMissing`, ordered first so NULLs come last in
 * both directions, and the compared `weight` is never NULL. Ties go to the newest issue (id desc).
 * The tier sort orders by the best tier's position, where 1 is the highest tier: DESC puts the
 * best tier first, so it orders positions ascending.
 */
const weightSorts = {
  CUSTOMER_COUNT: { key: organizationCount, nullable: false, ascending: 'asc' },
  CUSTOMER_REVENUE: { key: annualRevenueSum, nullable: true, ascending: 'asc' },
  IMPORTANT_REQUESTS: { key: importantRequestCount, nullable: false, ascending: 'asc' },
  CUSTOMER_TIER: { key: bestTierPosition, nullable: true, ascending: 'desc' },
} as const;

type Direction = 'asc' | 'desc';
const flip = (direction: Direction): Direction => (direction === 'asc' ? 'desc' : 'asc');

function parseSort(sort: IssueSort) {
  const split = sort.lastIndexOf('_');
  const direction: Direction = sort.slice(split + 1) === 'ASC' ? 'asc' : 'desc';
  return { field: sort.slice(0, split), direction };
}

interface IssueListOrder {
  orderBy: Record<string, Direction>;
  extras?: Record<string, (table: typeof issues) => SQL>;
}

/** What each value of a cursor of the list's order must be: its keys', then the id's. */
type CursorKind = 'time' | 'text' | 'number';

const cursorValueFits: Record<CursorKind, (value: unknown) => boolean> = {
  time: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
  text: (value) => typeof value === 'string',
  // A count is a number; a summed revenue arrives as PostgreSQL's numeric text.
  number: (value) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,30}(?:\.\d{1,30})?$/.test(value)),
};

function cursorKindsOf(order: IssueListOrder): CursorKind[] {
  const keyKinds = Object.keys(order.orderBy).map((key): CursorKind => (key === 'title' ? 'text' : key === 'createdAt' || key === 'updatedAt' ? 'time' : 'number'));
  return 'id' in order.orderBy ? keyKinds : [...keyKinds, 'number'];
}

/**
 * A cursor of another order (a page of another sort, or a forged one) is refused with GitLab's
 * pagination error before it reaches SQL, where comparing a title with a timestamp would fail.
 * The drizzle plugin writes cursors as `DC:` and its typed values (see its cursors.js).
 */
function refuseCursorOfAnotherOrder(args: PageArgs, order: IssueListOrder): void {
  const kinds = cursorKindsOf(order);
  for (const argumentName of ['after', 'before'] as const) {
    const cursor = args[argumentName];
    if (!cursor) continue;
    let values: unknown[] = [];
    try {
      const decoded = decodeBase64(cursor);
      const value = decoded.startsWith('DC:') ? decodeCursorChunk(decoded.slice(3)) : [];
      values = Array.isArray(value) ? value : [value];
    } catch {
      values = [];
    }
    if (values.length === 0 || values.length > kinds.length || !values.every((value, index) => cursorValueFits[kinds[index]!](value))) {
      throw new DomainError('invalid_argument', `Please provide a valid cursor for '${argumentName}'`);
    }
  }
}

/**
 * The list's order, and the computed keys it needs. Without the right to read the issue contacts a
 * weight sort falls back to the default order, so the order cannot tell whose issues they are.
 */
function orderFor(sort: IssueSort | null | undefined, weightShown: boolean): IssueListOrder {
  const { field, direction } = parseSort(sort ?? 'CREATED_DESC');
  if (field in columnSorts) return { orderBy: { [columnSorts[field as keyof typeof columnSorts]]: direction } };
  if (!weightShown) return { orderBy: { createdAt: 'desc' } };
  const weightSort = weightSorts[field as keyof typeof weightSorts];
  const weightDirection = direction === 'asc' ? weightSort.ascending : flip(weightSort.ascending);
  const key = (table: typeof issues) => weightSort.key(table.id);
  if (!weightSort.nullable) return { orderBy: { weight: weightDirection, id: 'desc' }, extras: { weight: key } };
  return {
    orderBy: { weightMissing: 'asc', weight: weightDirection, id: 'desc' },
    extras: {
      weightMissing: (table: typeof issues) => sql<number>`(${key(table)} is null)::int`,
      weight: (table: typeof issues) => sql`coalesce(${key(table)}, 0)`,
    },
  };
}

export const issueListArgs = builder.args((t) => ({
  state: t.field({ type: IssuableStateEnum, description: 'Current state of this issue.' }),
  search: t.string({ description: 'Search query for title or description.' }),
  iid: t.string({ description: 'IID of the issue. For example, "1".' }),
  iids: t.stringList({ description: 'List of IIDs of issues. For example, `["1", "2"]`.' }),
  crmContactId: t.string({ description: 'ID of a contact assigned to the issues.' }),
  crmOrganizationId: t.string({ description: 'ID of an organization assigned to the issues.' }),
  customerTier: t.string({
    description:
      "Rapport only: name of a tier of the issues' CRM group (case-insensitive); lists the issues with a linked organization (through their contacts) in that tier. An unknown tier, or a current user who may not read the issue contacts, finds nothing.",
  }),
  sort: t.field({ type: IssueSortEnum, defaultValue: 'CREATED_DESC', description: 'Sort issues by the criteria.' }),
}));

export interface IssueListArgs {
  state?: 'opened' | 'closed' | 'locked' | 'all' | null;
  crmContactId?: string | null;
  crmOrganizationId?: string | null;
  customerTier?: string | null;
  search?: string | null;
  iid?: string | null;
  iids?: readonly string[] | null;
  sort?: IssueSort | null;
  includeSubgroups?: boolean | null;
  after?: string | null;
  before?: string | null;
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
    customerTier: crmFilter.customerTier,
  };
}

async function crmFilterFor(context: Context, parent: Project | GroupRow, args: IssueListArgs) {
  const contactId = crmIdArgument(args.crmContactId);
  const organizationId = crmIdArgument(args.crmOrganizationId);
  const customerTier = args.customerTier == null || args.customerTier === '' ? undefined : args.customerTier;
  const ignored = { findsNothing: false, contactId: undefined, organizationId: undefined, customerTier: undefined };
  if (contactId === undefined && organizationId === undefined && customerTier === undefined) return ignored;
  if (!(await context.permissions.canReadIssueContacts(parent))) return ignored;
  return {
    findsNothing: contactId === null || organizationId === null,
    contactId: contactId ?? undefined,
    organizationId: organizationId ?? undefined,
    customerTier,
  };
}

type IssuesQuery = (options: { where: { RAW: (table: typeof issues) => ReturnType<typeof issueFilterCondition> } } & IssueListOrder) => object;

/** Resolves a page of the list: one statement for the issues, one for their contacts when asked. */
export async function resolveIssueList(query: IssuesQuery, parent: Project | GroupRow, args: IssueListArgs, context: Context, info: GraphQLResolveInfo) {
  const filter = await issueListFilter(context, parent, args);
  const where = (table: typeof issues) => issueFilterCondition(table, filter);
  const sortsByWeight = parseSort(args.sort ?? 'CREATED_DESC').field in weightSorts;
  const order = orderFor(args.sort, sortsByWeight && (await context.permissions.canReadIssueContacts(parent)));
  refuseCursorOfAnotherOrder(args, order);
  const rows = await executeNamed(
    context.db.query.issues.findMany(query({ where: { RAW: where }, ...order }) as Parameters<typeof context.db.query.issues.findMany>[0]),
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
