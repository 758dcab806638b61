import DataLoader from 'dataloader';
import { builder } from '../graphql/builder';
import { countOf, countedPage, emptyPage } from '../graphql/connections';
import { type Context, requestLoader } from '../graphql/context';
import { IssueRef, IssuableStateEnum } from '../issues/issue-type';
import type { PageArgs } from '../pagination/keyset';
import { type ContactRow, type ContactSort, countContactsOfOrganizations, listContactsOfOrganizations } from './contact-repository';
import { ContactConnectionRef, ContactRef } from './contact-type';
import { contactListArgs, stateFilter } from './group-crm-fields';
import { OrganizationRef } from './organization-type';
import { countIssuesOfOwners, type IssueFilter, type IssueOwner, type IssueRow, listIssuesOfOwners } from './record-issues-repository';

/**
 * Beyond GitLab: an organization's contacts and issues with their counts, and a contact's issues,
 * for the organization and contact pages. Every field is batched per request (one statement per
 * field and argument set, however many records are listed) and shown only to readers of the
 * record's CRM group; issues only from projects the viewer can read.
 */

/** A per-request loader of one value per owner id, named by what it loads and with which arguments. */
function ownerLoader<V>(context: Context, name: string, load: (ids: readonly number[]) => Promise<Map<number, V>>, empty: V) {
  return requestLoader(
    context,
    name,
    () =>
      new DataLoader<number, V>(async (ids) => {
        const byOwner = await load(ids);
        return ids.map((id) => byOwner.get(id) ?? empty);
      }),
  );
}

function issueCountLoader(context: Context, owner: IssueOwner, filter: IssueFilter) {
  return ownerLoader(
    context,
    `crmIssueCounts:${JSON.stringify({ owner, ...filter })}`,
    (ids) => countIssuesOfOwners(context.db, context.permissions, owner, ids, filter),
    0,
  );
}

async function issuesConnection(context: Context, owner: IssueOwner, ownerId: number, filter: IssueFilter, page: PageArgs) {
  const pages = ownerLoader(
    context,
    `crmIssues:${JSON.stringify({ owner, ...filter, ...page })}`,
    (ids) => listIssuesOfOwners(context.db, context.permissions, owner, ids, filter, page),
    emptyPage<IssueRow>(),
  );
  return countedPage(await pages.load(ownerId), () => issueCountLoader(context, owner, filter).load(ownerId));
}

const recordIssuesArgs = builder.args((t) => ({
  state: t.field({ type: IssuableStateEnum, description: 'State of the issues.' }),
}));

/** A contact's or an organization's issues, for readers of its CRM group. */
async function recordIssues(
  context: Context,
  owner: IssueOwner,
  record: { id: number; groupId: number },
  { state, first, last, after, before }: PageArgs & { state?: string | null },
) {
  if (!(await context.permissions.canReadCrmOfGroup(record.groupId))) return emptyPage<IssueRow>();
  // As in `Project.issues`: `opened` or `closed` filter, anything else (`all`, `locked`) lists all.
  const filter: IssueFilter = { state: state === 'opened' || state === 'closed' ? state : null };
  return issuesConnection(context, owner, record.id, filter, { first, last, after, before });
}

const IssueConnectionRef = builder.connectionObject(
  {
    type: IssueRef,
    name: 'CustomerRelationsIssueConnection',
    description: 'Rapport only: the issues linked to a contact or to the contacts of an organization.',
    fields: (t) => ({
      count: t.int({ description: 'Total count of collection.', resolve: (connection) => countOf(connection) }),
    }),
  },
  { name: 'CustomerRelationsIssueEdge' },
);

builder.objectFields(OrganizationRef, (t) => ({
  contacts: t.connection(
    {
      type: ContactRef,
      description: 'Rapport only: contacts of the organization.',
      args: contactListArgs,
      resolve: async (organization, args, context) => {
        if (!(await context.permissions.canReadCrmOfGroup(organization.groupId))) return emptyPage<ContactRow>();
        const filter = { search: args.search, state: stateFilter(args.state) };
        const sort: ContactSort = args.sort ?? 'LAST_NAME_ASC';
        const page = { first: args.first, last: args.last, after: args.after, before: args.before };
        const pages = ownerLoader(
          context,
          `organizationContacts:${JSON.stringify({ ...filter, sort, ...page })}`,
          (ids) => listContactsOfOrganizations(context.db, ids, filter, sort, page),
          emptyPage<ContactRow>(),
        );
        const counts = ownerLoader(
          context,
          `organizationContactCounts:${JSON.stringify(filter)}`,
          (ids) => countContactsOfOrganizations(context.db, ids, filter),
          0,
        );
        return countedPage(await pages.load(organization.id), () => counts.load(organization.id));
      },
    },
    ContactConnectionRef,
  ),
  contactCount: t.int({
    description: 'Rapport only: number of contacts of the organization (active and inactive).',
    resolve: async (organization, _args, context) => {
      if (!(await context.permissions.canReadCrmOfGroup(organization.groupId))) return 0;
      const counts = ownerLoader(context, 'organizationContactCounts:{}', (ids) => countContactsOfOrganizations(context.db, ids), 0);
      return counts.load(organization.id);
    },
  }),
  issues: t.connection(
    {
      type: IssueRef,
      description: "Rapport only: issues linked to the organization's contacts, newest first, in projects the current user can read.",
      args: recordIssuesArgs,
      resolve: (organization, args, context) => recordIssues(context, 'organization', organization, args),
    },
    IssueConnectionRef,
  ),
  openIssueCount: t.int({
    description: "Rapport only: number of open issues linked to the organization's contacts, in projects the current user can read.",
    resolve: async (organization, _args, context) => {
      if (!(await context.permissions.canReadCrmOfGroup(organization.groupId))) return 0;
      return issueCountLoader(context, 'organization', { state: 'opened' }).load(organization.id);
    },
  }),
}));

builder.objectFields(ContactRef, (t) => ({
  issues: t.connection(
    {
      type: IssueRef,
      description: 'Rapport only: issues linked to the contact, newest first, in projects the current user can read.',
      args: recordIssuesArgs,
      resolve: (contact, args, context) => recordIssues(context, 'contact', contact, args),
    },
    IssueConnectionRef,
  ),
}));
