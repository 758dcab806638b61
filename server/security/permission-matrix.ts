import { eq } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import type { Database } from '../db/client';
import { contacts, organizations, organizationTiers } from '../db/schema/crm';
import { groupCrmSettings } from '../db/schema/groups';
import { personalAccessTokens } from '../db/schema/users';
import { storePersonalAccessToken } from '../auth/tokens';
import { unique } from '../crm/fixtures/crm-test-helpers';
import { toGlobalId } from '../graphql/global-id';
import { issueContacts, timelogs } from '../db/schema/issues';
import { insufficientContactPermissionsMessage, timeTrackingRefusedMessage } from '../issues/messages';
import { loadContactDuplicates } from '../pages/contact-duplicates-page';
import { loadCrmImportPage } from '../pages/crm-import-page';
import { loadCustomerReportPage } from '../pages/customer-report-page';
import { loadCustomerRequestsPage } from '../pages/customer-requests-page';
import { loadCustomerSettingsPage } from '../pages/customer-settings-page';
import { loadContactPage, loadCrmSettingsPage, loadOrganizationPage } from '../pages/crm-record-pages';
import { loadGroupContacts, loadGroupOrganizations } from '../pages/crm-list-pages';
import { loadGroupOverview, loadViewerGroups } from '../pages/group-pages';
import { loadIssuePage, loadNewIssuePage, loadProjectIssues } from '../pages/project-pages';
import { loadGroupIssues } from '../pages/group-issue-pages';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { writableTables } from '../testing/table-snapshot';
import { type Role, roles, usernameOf } from '../testing/roles';
import type { MatrixFixture } from './matrix-fixture';

/**
 * SPEC §3 as one table: what each role gets from every query field, mutation and page. Columns are
 * the roles of server/testing/roles.ts in order; the operations are defined below the table.
 *
 * Reads and pages:  H hidden (null, or the page's 404)   E visible, but none of the row's protected
 *                   values (empty lists, null counts, a false ability)   S shown, with every protected value
 * Mutations:        A applied   D denied with GitLab's "does not exist or you don't have permission"
 *                   error   R refused in the payload (quick-action errors)   — D and R write nothing
 * Any:              T the request is refused as 401 "Invalid token" and nothing runs
 *
 * Pages read the session cookie only: their read_api column is a request with no cookie, and their
 * expired and revoked columns use an expired and a signed-out session (server/testing/roles.ts).
 *
 * The subdev column states issue 11's finding 7 rule, GitLab's: contact details, and setting an
 * issue's contacts, need a role on the CRM group itself, which a Developer of a subgroup only does
 * not have. Its cells in the rows of rapportContactCandidates, customerRelationsContacts,
 * issues(crmContactId), rapportCanReadIssueContacts, rapportCanSetIssueContacts,
 * issueSetCrmContacts, createNote with /add_contacts and the issue and issue-list pages fail until
 * that fix (branch harden-input) is merged.
 */
//                                                    anon  out   guest plan  rep   dev   maint owner admin read  exp   rev   subdev
export const expectations: Record<string, string> = {
  'Query.currentUser, UserCore.groups':              'H     S     S     S     S     S     S     S     S     S     T     T     S',
  'Query.groups':                                    'E     E     S     S     S     S     S     S     S     S     T     T     S',
  'Query.group: overview fields':                    'H     H     S     S     S     S     S     S     S     S     T     T     H',
  'Group.contacts':                                  'H     H     E     S     S     S     S     S     S     S     T     T     H',
  'Contact.issues, Contact.rapportActivity':         'H     H     E     S     S     S     S     S     S     S     T     T     H',
  'Group.organizations and their fields':            'H     H     E     S     S     S     S     S     S     S     T     T     H',
  'Group.contactStateCounts, organizationStateCounts': 'H   H     E     S     S     S     S     S     S     S     T     T     H',
  'Group.rapportCanReadCrm':                         'H     H     E     S     S     S     S     S     S     S     T     T     H',
  'Group.rapportCanAdminCrm':                        'H     H     E     E     E     S     S     S     S     S     T     T     H',
  'Group.rapportCanDeleteCrm':                       'H     H     E     E     E     E     S     S     S     E     T     T     H',
  'Group.rapportContactDuplicates':                  'H     H     E     E     E     E     S     S     S     E     T     T     H',
  'Group.rapportCanAdminCrmSettings':                'H     H     E     E     E     E     E     S     S     E     T     T     H',
  'Group.rapportCrmSettings':                        'H     H     E     E     E     E     E     S     S     E     T     T     H',
  'Group.rapportCustomerTiers, rapportCrmCurrency':  'H     H     E     S     S     S     S     S     S     S     T     T     H',
  'Group.rapportCanManageCrm':                       'H     H     E     E     E     E     S     S     S     E     T     T     H',
  'Group.rapportCrmMembers':                         'H     H     E     E     E     S     S     S     S     S     T     T     H',
  'Query.project':                                   'H     H     S     S     S     S     S     S     S     S     T     T     S',
  'Project.issues':                                  'H     H     S     S     S     S     S     S     S     S     T     T     S',
  'Project.issues(crmContactId)':                    'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Project.issue, Issue.notes':                      'H     H     S     S     S     S     S     S     S     S     T     T     S',
  'Query.issue':                                     'H     H     S     S     S     S     S     S     S     S     T     T     S',
  'Issue.customerRelationsContacts':                 'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Issue.rapportCustomerRequests, customerWeight':   'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Project.issues(customerTier, weight sort)':       'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Group.issues(customerTier)':                      'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Issue.rapportContactCandidates':                  'H     H     E     E     E     S     S     S     S     S     T     T     E',
  'Issue.rapportCanUpdate':                          'H     H     E     S     S     S     S     S     S     S     T     T     S',
  'Project.rapportCanReadIssueContacts':             'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Project.rapportCanSetIssueContacts':              'H     H     E     E     E     S     S     S     S     S     T     T     E',
  'Project.rapportCrmGroup':                         'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Issue time tracking and Issue.timelogs':          'H     H     S     S     S     S     S     S     S     S     T     T     S',
  'Issue.rapportCanTrackTime':                       'H     H     E     E     S     S     S     S     S     S     T     T     S',
  'Group.rapportCanReadCustomerReport':              'H     H     E     E     S     S     S     S     S     S     T     T     H',
  'Group.rapportCustomerReport':                     'H     H     E     E     S     S     S     S     S     S     T     T     H',
  'Group.rapportCustomerRequests':                   'H     H     E     E     S     S     S     S     S     S     T     T     H',
  'Group.rapportCustomerReportOrganization':         'H     H     E     E     S     S     S     S     S     S     T     T     H',
  'Organization.rapportBillingThisMonth':            'H     H     E     E     S     S     S     S     S     S     T     T     H',
  'Group.issues, Issue.reference':                   'H     H     S     S     S     S     S     S     S     S     T     T     S',
  'Group.issues(crmContactId)':                      'H     H     E     S     S     S     S     S     S     S     T     T     E',
  'Group.rapportIssueCrmGroup':                      'H     H     E     S     S     S     S     S     S     S     T     T     E',
  customerRelationsContactCreate:                    'D     D     D     D     D     A     A     A     A     D     T     T     D',
  customerRelationsContactUpdate:                    'D     D     D     D     D     A     A     A     A     D     T     T     D',
  customerRelationsContactDelete:                    'D     D     D     D     D     D     A     A     A     D     T     T     D',
  customerRelationsOrganizationCreate:               'D     D     D     D     D     A     A     A     A     D     T     T     D',
  customerRelationsOrganizationUpdate:               'D     D     D     D     D     A     A     A     A     D     T     T     D',
  customerRelationsOrganizationDelete:               'D     D     D     D     D     D     A     A     A     D     T     T     D',
  rapportCustomerRelationsContactMerge:              'D     D     D     D     D     D     A     A     A     D     T     T     D',
  groupCrmSettingsUpdate:                            'D     D     D     D     D     D     D     A     A     D     T     T     D',
  rapportCustomerRelationsImport:                    'D     D     D     D     D     A     A     A     A     D     T     T     D',
  rapportCustomerTierCreate:                         'D     D     D     D     D     D     A     A     A     D     T     T     D',
  rapportCustomerTierUpdate:                         'D     D     D     D     D     D     A     A     A     D     T     T     D',
  rapportCustomerTierDelete:                         'D     D     D     D     D     D     A     A     A     D     T     T     D',
  rapportCrmCurrencyUpdate:                          'D     D     D     D     D     D     A     A     A     D     T     T     D',
  rapportContactsAssignByDomain:                     'D     D     D     D     D     D     A     A     A     D     T     T     D',
  issueSetCrmContacts:                               'D     D     D     D     D     A     A     A     A     D     T     T     D',
  rapportIssueCustomerRequestUpdate:                 'D     D     D     D     D     A     A     A     A     D     T     T     D',
  createIssue:                                       'D     D     A     A     A     A     A     A     A     D     T     T     A',
  "updateIssue of someone else's issue":             'D     D     D     A     A     A     A     A     A     D     T     T     A',
  createNote:                                        'D     D     A     A     A     A     A     A     A     D     T     T     A',
  'createNote with /add_contacts':                   'D     D     R     R     R     A     A     A     A     D     T     T     R',
  'createNote with /spend':                          'D     D     R     R     A     A     A     A     A     D     T     T     A',
  timelogCreate:                                     'D     D     D     D     A     A     A     A     A     D     T     T     A',
  "timelogDelete of a Developer's timelog":          'D     D     D     D     D     A     A     A     A     D     T     T     D',
  'Query.rapportPersonalAccessTokens':               'E     S     S     S     S     S     S     S     S     S     T     T     S',
  // Only a browser session creates tokens (a token never mints one), so every API caller is denied.
  personalAccessTokenCreate:                         'D     D     D     D     D     D     D     D     D     D     T     T     D',
  'personalAccessTokenRevoke of an own token':       'D     A     A     A     A     A     A     A     A     D     T     T     A',
  'page: home (your groups)':                        'H     E     S     S     S     S     S     S     S     H     H     H     E',
  'page: group overview':                            'H     H     S     S     S     S     S     S     S     H     H     H     H',
  'page: contacts list':                             'H     H     H     S     S     S     S     S     S     H     H     H     H',
  'page: organizations list':                        'H     H     H     S     S     S     S     S     S     H     H     H     H',
  'page: contact':                                   'H     H     H     S     S     S     S     S     S     H     H     H     H',
  'page: organization':                              'H     H     H     S     S     S     S     S     S     H     H     H     H',
  'page: contact duplicates':                        'H     H     H     H     H     H     S     S     S     H     H     H     H',
  'page: customer relations settings':               'H     H     H     H     H     H     H     S     S     H     H     H     H',
  'page: project issues filtered by contact':        'H     H     E     S     S     S     S     S     S     H     H     H     E',
  'page: group issues filtered by contact':          'H     H     E     S     S     S     S     S     S     H     H     H     E',
  'page: issue':                                     'H     H     E     S     S     S     S     S     S     H     H     H     E',
  'page: new issue':                                 'H     H     S     S     S     S     S     S     S     H     H     H     S',
  'page: customer tiers and domains':                'H     H     H     H     H     H     S     S     S     H     H     H     H',
  'page: customer report':                           'H     H     H     H     S     S     S     S     S     H     H     H     H',
  'page: CRM import':                                'H     H     H     H     H     S     S     S     S     H     H     H     H',
  'page: customer requests':                         'H     H     H     H     S     S     S     S     S     H     H     H     H',
};

export type Outcome = 'H' | 'E' | 'S' | 'T' | 'A' | 'D' | 'R';

export function expectedOutcome(operation: string, role: Role): Outcome {
  const cells = expectations[operation]?.trim().split(/\s+/);
  if (!cells || cells.length !== roles.length) throw new Error(`The row ${operation} needs ${roles.length} cells`);
  return cells[roles.indexOf(role)] as Outcome;
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ReadOperation {
  kind: 'read';
  document: string;
  variables?: (fixture: MatrixFixture) => Record<string, unknown>;
  /** What must be null for H. */
  root: (data: Data) => unknown;
  /** Values only the S roles may see: all of them in an S response, none in any other. */
  secrets?: (fixture: MatrixFixture) => string[];
  /** For ability fields: true exactly for S. */
  flag?: (data: Data) => boolean;
}

export interface MutationOperation {
  kind: 'mutation';
  document: string;
  /** Creates what the call works on (before the tables are compared) and returns its variables. */
  prepare: (db: Database, fixture: MatrixFixture, role: Role) => Promise<Record<string, unknown>>;
  /** A refusal inside the payload (the R cells). */
  refusedInPayload?: (payload: Data) => boolean;
  /** The tables compared before and after the call, when not the CRM and issue ones. */
  tables?: readonly string[];
  /** Puts back what an applied call changed that other rows rely on. */
  restore?: (db: Database, fixture: MatrixFixture) => Promise<void>;
}

export interface PageOperation {
  kind: 'page';
  load: (viewer: Viewer, fixture: MatrixFixture) => Promise<unknown>;
  secrets: (fixture: MatrixFixture) => string[];
}

export type Operation = ReadOperation | MutationOperation | PageOperation;

/**
 * The CRM filters of issue lists (contact, organization, tier) apply only for a viewer who may read
 * issue contacts; for anyone else they are ignored, as in GitLab, so the list is the unfiltered one.
 * The fixture contact, and so its organization's tier, is on exactly one issue, among the seeded ones.
 */
const filtersToTheFixtureIssue = (list: Data) => list.filtered.count === 1 && list.all.count > 1;

const inAcme = (selection: string) => `query { group(fullPath: "acme") { ${selection} } }`;
const inHelpdesk = (selection: string) => `query { project(fullPath: "acme/support/helpdesk") { ${selection} } }`;
const onIssue = (selection: string) => `query($iid: String) { project(fullPath: "acme/support/helpdesk") { issue(iid: $iid) { ${selection} } } }`;
const pageInfo = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const issueVariables = (fixture: MatrixFixture) => ({ iid: fixture.issue.iid });
const contactIds = (fixture: MatrixFixture) => ({ ids: [fixture.contact.gid] });
const groupFlag = (field: string): ReadOperation => ({
  kind: 'read',
  document: inAcme(field),
  root: (data) => data.group,
  flag: (data) => data.group[field] === true,
});
const projectFlag = (field: string): ReadOperation => ({
  kind: 'read',
  document: inHelpdesk(field),
  root: (data) => data.project,
  flag: (data) => data.project[field] === true,
});

async function newIssue(db: Database, fixture: MatrixFixture): Promise<{ id: string; iid: string }> {
  const response = await postGraphQL<{ createIssue: { issue: { id: string; iid: string } } }>(
    'mutation($input: CreateIssueInput!) { createIssue(input: $input) { issue { id iid } } }',
    { input: { projectPath: fixture.issue.projectPath, title: 'Matrix target' } },
    { headers: await tokenHeaders(db, 'maintainer') },
  );
  return response.data!.createIssue.issue;
}

/** Each with a name of its own, so the contacts these rows leave behind never pair up as possible duplicates. */
async function newContact(db: Database, fixture: MatrixFixture, role: Role) {
  const [row] = await db
    .insert(contacts)
    .values({ groupId: fixture.acmeId, firstName: 'Target', lastName: unique(role), email: `${unique('target')}@example.com` })
    .returning({ id: contacts.id });
  return toGlobalId('CustomerRelations::Contact', row!.id);
}

async function newOrganization(db: Database, fixture: MatrixFixture) {
  const [row] = await db
    .insert(organizations)
    .values({ groupId: fixture.acmeId, name: unique('Target') })
    .returning({ id: organizations.id });
  return toGlobalId('CustomerRelations::Organization', row!.id);
}

async function newTier(db: Database, fixture: MatrixFixture) {
  const [row] = await db
    .insert(organizationTiers)
    .values({ groupId: fixture.acmeId, name: unique('Target tier'), position: 1000 })
    .returning({ id: organizationTiers.id });
  return toGlobalId('Rapport::CustomerTier', row!.id);
}

const payloadFields = 'clientMutationId errors';
const importReportFields =
  'imported dryRun encoding ignoredColumns rows created updated unchanged skipped rejected organizationsCreated rejections { row column message }';

export const operations: Record<string, Operation> = {
  'Query.currentUser, UserCore.groups': {
    kind: 'read',
    document: 'query { currentUser { id name username webPath webUrl groups(first: 5) { nodes { fullPath } edges { cursor node { id } } ' + pageInfo + ' } } }',
    root: (data) => data.currentUser,
  },
  'Query.groups': {
    kind: 'read',
    document: 'query { groups(first: 5, search: "acme", topLevelOnly: false) { nodes { fullPath } } }',
    root: (data) => data.groups,
    secrets: () => ['acme/support'],
  },
  'Query.group: overview fields': {
    kind: 'read',
    document: inAcme(
      `id name path fullPath description webUrl parent { id }
       descendantGroups(first: 5) { nodes { fullPath } edges { cursor node { id } } ${pageInfo} }
       projects(first: 5, includeSubgroups: true) { nodes { fullPath } edges { cursor node { id } } ${pageInfo} }`,
    ),
    root: (data) => data.group,
    secrets: () => ['acme/support/helpdesk'],
  },
  'Group.contacts': {
    kind: 'read',
    document: `query($ids: [CustomerRelationsContactID!]) { group(fullPath: "acme") {
      contacts(ids: $ids, first: 5) { count
        nodes { id firstName lastName email phone description active createdAt updatedAt organization { name } }
        edges { cursor node { id } } ${pageInfo} } } }`,
    variables: contactIds,
    root: (data) => data.group,
    secrets: (fixture) => [fixture.contact.email, fixture.contact.description, fixture.organization.name],
  },
  'Contact.issues, Contact.rapportActivity': {
    kind: 'read',
    document: `query($ids: [CustomerRelationsContactID!]) { group(fullPath: "acme") { contacts(ids: $ids, first: 1) { nodes {
      issues(first: 5) { count nodes { title } edges { cursor node { id } } ${pageInfo} }
      rapportActivity(first: 5) { id action createdAt actor { username } changes { field value text } } } } } }`,
    variables: contactIds,
    root: (data) => data.group,
    secrets: (fixture) => [fixture.issue.title, fixture.contact.email],
  },
  'Group.organizations and their fields': {
    kind: 'read',
    document: `query($ids: [CustomerRelationsOrganizationID!]) { group(fullPath: "acme") {
      organizations(ids: $ids, first: 1) { count
        nodes { id name description defaultRate active createdAt updatedAt contactCount openIssueCount
          domains annualRevenue tier { id name position organizationCount } accountOwner { username }
          contacts(first: 5) { count nodes { email } }
          issues(first: 5) { count nodes { title } }
          rapportActivity(first: 5) { action changes { value } } }
        edges { cursor node { id } } ${pageInfo} } } }`,
    variables: (fixture) => ({ ids: [fixture.organization.gid] }),
    root: (data) => data.group,
    secrets: (fixture) => [
      fixture.organization.name,
      fixture.organization.description,
      fixture.organization.domain,
      fixture.organization.tierName,
      fixture.contact.email,
      fixture.issue.title,
    ],
  },
  'Group.contactStateCounts, organizationStateCounts': {
    kind: 'read',
    document: inAcme('contactStateCounts { all active inactive } organizationStateCounts { all active inactive }'),
    root: (data) => data.group,
    flag: (data) => data.group.contactStateCounts?.all > 0 && data.group.organizationStateCounts?.all > 0,
  },
  'Group.rapportCanReadCrm': groupFlag('rapportCanReadCrm'),
  'Group.rapportCanAdminCrm': groupFlag('rapportCanAdminCrm'),
  'Group.rapportCanDeleteCrm': groupFlag('rapportCanDeleteCrm'),
  'Group.rapportContactDuplicates': {
    kind: 'read',
    // The fixture's pair is the newest of acme (the rows before this one create no duplicates).
    document: inAcme(`rapportContactDuplicates(first: 5) { count
      nodes { reasons contact { email } duplicate { description } }
      edges { cursor node { reasons } } ${pageInfo} }`),
    root: (data) => data.group,
    secrets: (fixture) => [fixture.contact.email, fixture.duplicate.description],
  },
  'Group.rapportCanAdminCrmSettings': groupFlag('rapportCanAdminCrmSettings'),
  'Group.rapportCrmSettings': {
    kind: 'read',
    document: inAcme('rapportCrmSettings { enabled sourceGroup { fullPath } }'),
    root: (data) => data.group,
    flag: (data) => data.group.rapportCrmSettings?.sourceGroup.fullPath === 'acme',
  },
  'Group.rapportCustomerTiers, rapportCrmCurrency': {
    kind: 'read',
    document: inAcme('rapportCustomerTiers { id name position organizationCount } rapportCrmCurrency'),
    root: (data) => data.group,
    flag: (data) => data.group.rapportCrmCurrency !== null,
    secrets: (fixture) => [fixture.organization.tierName],
  },
  'Group.rapportCanManageCrm': groupFlag('rapportCanManageCrm'),
  'Group.rapportCrmMembers': {
    kind: 'read',
    document: inAcme('rapportCrmMembers { id username name }'),
    root: (data) => data.group,
    flag: (data) => data.group.rapportCrmMembers.length > 0,
  },
  'Query.project': {
    kind: 'read',
    document: inHelpdesk('id name path fullPath description webUrl group { fullPath }'),
    root: (data) => data.project,
    secrets: () => ['Customer support requests.'],
  },
  'Project.issues': {
    kind: 'read',
    document: `query($search: String) { project(fullPath: "acme/support/helpdesk") {
      issues(search: $search, first: 5) { count nodes { id iid title } edges { cursor node { id } } ${pageInfo} } } }`,
    variables: (fixture) => ({ search: fixture.issue.title }),
    root: (data) => data.project,
    secrets: (fixture) => [fixture.issue.title],
  },
  'Project.issues(crmContactId)': {
    kind: 'read',
    document: `query($contact: String) { project(fullPath: "acme/support/helpdesk") {
      filtered: issues(crmContactId: $contact, first: 5) { count nodes { title } } all: issues { count } } }`,
    variables: (fixture) => ({ contact: String(fixture.contact.id) }),
    root: (data) => data.project,
    flag: (data) => filtersToTheFixtureIssue(data.project),
  },
  'Project.issue, Issue.notes': {
    kind: 'read',
    document: onIssue(`id iid title description state createdAt updatedAt closedAt webUrl author { username }
      notes(first: 10) { nodes { id body system createdAt author { username } } edges { cursor node { id } } ${pageInfo} }`),
    variables: issueVariables,
    root: (data) => data.project,
    secrets: (fixture) => [fixture.issue.title, fixture.issue.description, fixture.noteBody],
  },
  'Query.issue': {
    kind: 'read',
    document: 'query($id: IssueID!) { issue(id: $id) { id title description } }',
    variables: (fixture) => ({ id: fixture.issue.gid }),
    root: (data) => data.issue,
    secrets: (fixture) => [fixture.issue.title, fixture.issue.description],
  },
  'Issue.customerRelationsContacts': {
    kind: 'read',
    document: onIssue('customerRelationsContacts(first: 5) { count nodes { email phone description } }'),
    variables: issueVariables,
    root: (data) => data.project,
    secrets: (fixture) => [fixture.contact.email, fixture.contact.description],
  },
  'Issue.rapportCustomerRequests, customerWeight': {
    kind: 'read',
    document: onIssue(`rapportCustomerRequests { important note contact { email } }
      customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name position } }`),
    variables: issueVariables,
    root: (data) => data.project,
    secrets: (fixture) => [fixture.contact.email, fixture.requestNote, fixture.tierName],
  },
  'Project.issues(customerTier, weight sort)': {
    kind: 'read',
    document: `query($tier: String) { project(fullPath: "acme/support/helpdesk") {
      filtered: issues(customerTier: $tier, sort: CUSTOMER_TIER_DESC, first: 5) { count nodes { title } edges { cursor node { id } } ${pageInfo} }
      all: issues { count } } }`,
    variables: (fixture) => ({ tier: fixture.tierName }),
    root: (data) => data.project,
    flag: (data) => filtersToTheFixtureIssue(data.project),
  },
  'Group.issues(customerTier)': {
    kind: 'read',
    document: `query($tier: String) { group(fullPath: "acme/support") {
      filtered: issues(customerTier: $tier, includeSubgroups: true, first: 5) { count nodes { title } } all: issues(includeSubgroups: true) { count } } }`,
    variables: (fixture) => ({ tier: fixture.tierName }),
    root: (data) => data.group,
    flag: (data) => filtersToTheFixtureIssue(data.group),
  },
  'Issue.rapportContactCandidates': {
    kind: 'read',
    document: `query($iid: String, $search: String) { project(fullPath: "acme/support/helpdesk") {
      issue(iid: $iid) { rapportContactCandidates(search: $search, first: 5) { email } } } }`,
    variables: (fixture) => ({ iid: fixture.issue.iid, search: fixture.candidate.email }),
    root: (data) => data.project,
    secrets: (fixture) => [fixture.candidate.email],
  },
  'Issue.rapportCanUpdate': {
    kind: 'read',
    document: onIssue('rapportCanUpdate'),
    variables: issueVariables,
    root: (data) => data.project,
    flag: (data) => data.project.issue.rapportCanUpdate === true,
  },
  'Issue time tracking and Issue.timelogs': {
    kind: 'read',
    document: onIssue(`timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent
      timelogs(first: 5) { nodes { id timeSpent spentAt summary user { username } note { id } issue { iid } userPermissions { adminTimelog } }
        edges { cursor node { id } } ${pageInfo} }`),
    variables: issueVariables,
    root: (data) => data.project,
    secrets: (fixture) => [fixture.timelogSummary],
  },
  'Issue.rapportCanTrackTime': {
    kind: 'read',
    document: onIssue('rapportCanTrackTime'),
    variables: issueVariables,
    root: (data) => data.project,
    flag: (data) => data.project.issue.rapportCanTrackTime === true,
  },
  'Group.rapportCanReadCustomerReport': groupFlag('rapportCanReadCustomerReport'),
  'Group.rapportCustomerReport': {
    kind: 'read',
    document: inAcme(`rapportCustomerReport { from to
      organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed timeSpent hours billableAmount sharedIssues }
      totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues } }`),
    root: (data) => data.group,
    secrets: (fixture) => [fixture.organization.name],
  },
  'Group.rapportCustomerRequests': {
    kind: 'read',
    document: inAcme('rapportCustomerRequests(perTier: 50) { tier { name position } issues { title } }'),
    root: (data) => data.group,
    secrets: (fixture) => [fixture.tierName, fixture.issue.title],
  },
  'Group.rapportCustomerReportOrganization': {
    kind: 'read',
    document: `query($id: CustomerRelationsOrganizationID!) { group(fullPath: "acme") {
      rapportCustomerReportOrganization(organizationId: $id) { from to organization { name } hours billableAmount
        issues { iid title state webUrl organizationCount hours }
        timelogs { timeSpent spentAt summary userName issueIid issueTitle } } } }`,
    variables: (fixture) => ({ id: fixture.organization.gid }),
    root: (data) => data.group,
    secrets: (fixture) => [fixture.organization.name, fixture.issue.title, fixture.timelogSummary],
  },
  'Organization.rapportBillingThisMonth': {
    kind: 'read',
    document: `query($ids: [CustomerRelationsOrganizationID!]) { group(fullPath: "acme") {
      organizations(ids: $ids, first: 1) { nodes { rapportBillingThisMonth { from to hours billableAmount } } } } }`,
    variables: (fixture) => ({ ids: [fixture.organization.gid] }),
    root: (data) => data.group,
    flag: (data) => data.group.organizations.nodes[0]?.rapportBillingThisMonth?.hours === 2,
  },
  'Project.rapportCanReadIssueContacts': projectFlag('rapportCanReadIssueContacts'),
  'Project.rapportCanSetIssueContacts': projectFlag('rapportCanSetIssueContacts'),
  'Project.rapportCrmGroup': {
    kind: 'read',
    document: `query($ids: [CustomerRelationsContactID!]) { project(fullPath: "acme/support/helpdesk") {
      rapportCrmGroup { fullPath contacts(ids: $ids, first: 1) { nodes { email } } } } }`,
    variables: contactIds,
    root: (data) => data.project,
    secrets: (fixture) => [fixture.contact.email],
  },
  // The subgroup, so that its own Developer (subdev) reads the list but not the CRM group's contacts.
  'Group.issues, Issue.reference': {
    kind: 'read',
    document: `query($search: String) { group(fullPath: "acme/support") {
      issues(search: $search, includeSubgroups: true, first: 5) { count nodes { id reference(full: true) title } edges { cursor node { id } } ${pageInfo} } } }`,
    variables: (fixture) => ({ search: fixture.issue.title }),
    root: (data) => data.group,
    secrets: (fixture) => [fixture.issue.title],
  },
  'Group.issues(crmContactId)': {
    kind: 'read',
    document: `query($contact: String) { group(fullPath: "acme/support") {
      filtered: issues(crmContactId: $contact, includeSubgroups: true, first: 5) { count nodes { title } } all: issues(includeSubgroups: true) { count } } }`,
    variables: (fixture) => ({ contact: String(fixture.contact.id) }),
    root: (data) => data.group,
    flag: (data) => filtersToTheFixtureIssue(data.group),
  },
  'Group.rapportIssueCrmGroup': {
    kind: 'read',
    document: `query($ids: [CustomerRelationsContactID!]) { group(fullPath: "acme/support") {
      rapportIssueCrmGroup { fullPath contacts(ids: $ids, first: 1) { nodes { email } } } } }`,
    variables: contactIds,
    root: (data) => data.group,
    secrets: (fixture) => [fixture.contact.email],
  },

  customerRelationsContactCreate: {
    kind: 'mutation',
    document: `mutation($input: CustomerRelationsContactCreateInput!) { result: customerRelationsContactCreate(input: $input) { ${payloadFields} contact { id } } }`,
    prepare: async (_db, fixture, role) => ({
      input: { groupId: fixture.acmeGid, firstName: 'Created', lastName: role, email: `${unique('created')}@example.com` },
    }),
  },
  customerRelationsContactUpdate: {
    kind: 'mutation',
    document: `mutation($input: CustomerRelationsContactUpdateInput!) { result: customerRelationsContactUpdate(input: $input) { ${payloadFields} contact { id } } }`,
    prepare: async (db, fixture, role) => ({ input: { id: await newContact(db, fixture, role), firstName: 'Updated' } }),
  },
  customerRelationsContactDelete: {
    kind: 'mutation',
    document: `mutation($input: CustomerRelationsContactDeleteInput!) { result: customerRelationsContactDelete(input: $input) { ${payloadFields} } }`,
    prepare: async (db, fixture, role) => ({ input: { id: await newContact(db, fixture, role) } }),
  },
  customerRelationsOrganizationCreate: {
    kind: 'mutation',
    document: `mutation($input: CustomerRelationsOrganizationCreateInput!) { result: customerRelationsOrganizationCreate(input: $input) { ${payloadFields} organization { id } } }`,
    prepare: async (_db, fixture) => ({ input: { groupId: fixture.acmeGid, name: unique('Created') } }),
  },
  customerRelationsOrganizationUpdate: {
    kind: 'mutation',
    document: `mutation($input: CustomerRelationsOrganizationUpdateInput!) { result: customerRelationsOrganizationUpdate(input: $input) { ${payloadFields} organization { id } } }`,
    prepare: async (db, fixture) => ({ input: { id: await newOrganization(db, fixture), description: 'Updated' } }),
  },
  customerRelationsOrganizationDelete: {
    kind: 'mutation',
    document: `mutation($input: CustomerRelationsOrganizationDeleteInput!) { result: customerRelationsOrganizationDelete(input: $input) { ${payloadFields} } }`,
    prepare: async (db, fixture) => ({ input: { id: await newOrganization(db, fixture) } }),
  },
  rapportCustomerRelationsContactMerge: {
    kind: 'mutation',
    document: `mutation($input: RapportCustomerRelationsContactMergeInput!) { result: rapportCustomerRelationsContactMerge(input: $input) { ${payloadFields} contact { id } } }`,
    prepare: async (db, fixture, role) => ({ input: { id: await newContact(db, fixture, role), duplicateId: await newContact(db, fixture, role) } }),
    },
  rapportCustomerRelationsImport: {
    kind: 'mutation',
    document: `mutation($input: RapportCustomerRelationsImportInput!) { result: rapportCustomerRelationsImport(input: $input) { ${payloadFields} report { ${importReportFields} } } }`,
    prepare: async (_db, _fixture, role) => ({
      input: { groupPath: 'acme', kind: 'CONTACTS', dryRun: false, csv: `first_name,last_name,email,organization\nImported,${role},${unique('imported')}@example.com,${unique('Imported org')}\n` },
    }),
  },
  groupCrmSettingsUpdate: {
    kind: 'mutation',
    document: `mutation($input: GroupCrmSettingsUpdateInput!) { result: groupCrmSettingsUpdate(input: $input) { ${payloadFields} crmSettings { enabled } } }`,
    prepare: async () => ({ input: { fullPath: 'acme', enabled: false } }),
    restore: async (db, fixture) => {
      await db.update(groupCrmSettings).set({ enabled: true }).where(eq(groupCrmSettings.groupId, fixture.acmeId));
    },
  },
  rapportCustomerTierCreate: {
    kind: 'mutation',
    document: `mutation($input: RapportCustomerTierCreateInput!) { result: rapportCustomerTierCreate(input: $input) { ${payloadFields} tier { id name position } } }`,
    prepare: async (_db, fixture) => ({ input: { groupId: fixture.acmeGid, name: unique('Tier') } }),
  },
  rapportCustomerTierUpdate: {
    kind: 'mutation',
    document: `mutation($input: RapportCustomerTierUpdateInput!) { result: rapportCustomerTierUpdate(input: $input) { ${payloadFields} tier { id } } }`,
    prepare: async (db, fixture) => ({ input: { id: await newTier(db, fixture), name: unique('Renamed') } }),
  },
  rapportCustomerTierDelete: {
    kind: 'mutation',
    document: `mutation($input: RapportCustomerTierDeleteInput!) { result: rapportCustomerTierDelete(input: $input) { ${payloadFields} } }`,
    prepare: async (db, fixture) => ({ input: { id: await newTier(db, fixture) } }),
  },
  rapportCrmCurrencyUpdate: {
    kind: 'mutation',
    document: `mutation($input: RapportCrmCurrencyUpdateInput!) { result: rapportCrmCurrencyUpdate(input: $input) { ${payloadFields} currency } }`,
    prepare: async (_db, fixture) => ({ input: { groupId: fixture.acmeGid, currency: 'EUR' } }),
    restore: async (db, fixture) => {
      await db.update(groupCrmSettings).set({ currency: 'USD' }).where(eq(groupCrmSettings.groupId, fixture.acmeId));
    },
  },
  rapportContactsAssignByDomain: {
    kind: 'mutation',
    document: `mutation($input: RapportContactsAssignByDomainInput!) { result: rapportContactsAssignByDomain(input: $input) { ${payloadFields} dryRun
      assignments { contact { id } organization { id } } ambiguous { contact { id } organizations { id } } } }`,
    prepare: async (db, fixture, role) => {
      await db.insert(contacts).values({ groupId: fixture.acmeId, firstName: 'Unassigned', lastName: role, email: `${unique('assigned')}@${fixture.organization.domain}` });
      return { input: { groupId: fixture.acmeGid } };
    },
  },
  issueSetCrmContacts: {
    kind: 'mutation',
    document: `mutation($input: IssueSetCrmContactsInput!) { result: issueSetCrmContacts(input: $input) { ${payloadFields} issue { id } } }`,
    prepare: async (db, fixture) => ({
      input: { projectPath: fixture.issue.projectPath, iid: (await newIssue(db, fixture)).iid, contactIds: [fixture.contact.gid] },
    }),
  },
  rapportIssueCustomerRequestUpdate: {
    kind: 'mutation',
    document: `mutation($input: RapportIssueCustomerRequestUpdateInput!) { result: rapportIssueCustomerRequestUpdate(input: $input) { ${payloadFields} issue { id } } }`,
    prepare: async (db, fixture, role) => {
      const issue = await newIssue(db, fixture);
      await db.insert(issueContacts).values({ issueId: Number(issue.id.split('/').pop()), contactId: fixture.contact.id });
      return { input: { projectPath: fixture.issue.projectPath, iid: issue.iid, contactId: fixture.contact.gid, important: true, note: `Asked ${role}` } };
    },
  },
  createIssue: {
    kind: 'mutation',
    document: `mutation($input: CreateIssueInput!) { result: createIssue(input: $input) { ${payloadFields} issue { id } } }`,
    prepare: async (_db, fixture, role) => ({ input: { projectPath: fixture.issue.projectPath, title: `Opened by ${role}` } }),
  },
  "updateIssue of someone else's issue": {
    kind: 'mutation',
    document: `mutation($input: UpdateIssueInput!) { result: updateIssue(input: $input) { ${payloadFields} issue { id } } }`,
    prepare: async (db, fixture) => ({
      input: { projectPath: fixture.issue.projectPath, iid: (await newIssue(db, fixture)).iid, title: 'Renamed', stateEvent: 'CLOSE' },
    }),
  },
  createNote: {
    kind: 'mutation',
    document: `mutation($input: CreateNoteInput!) {
      result: createNote(input: $input) { ${payloadFields} note { id } quickActionsStatus { commandNames commandsOnly errorMessages messages } } }`,
    prepare: async (_db, fixture, role) => ({ input: { noteableId: fixture.issue.gid, body: `Comment by ${role}` } }),
  },
  'createNote with /add_contacts': {
    kind: 'mutation',
    document: `mutation($input: CreateNoteInput!) { result: createNote(input: $input) { errors quickActionsStatus { errorMessages } } }`,
    prepare: async (db, fixture) => ({
      input: { noteableId: (await newIssue(db, fixture)).id, body: `/add_contacts [contact:${fixture.candidate.email}]` },
    }),
    refusedInPayload: (payload) =>
      JSON.stringify(payload.quickActionsStatus?.errorMessages) === JSON.stringify([insufficientContactPermissionsMessage]),
  },
  'createNote with /spend': {
    kind: 'mutation',
    document: `mutation($input: CreateNoteInput!) { result: createNote(input: $input) { errors quickActionsStatus { errorMessages } } }`,
    prepare: async (_db, fixture) => ({ input: { noteableId: fixture.issue.gid, body: 'Worked on it\n/spend 15m' } }),
    refusedInPayload: (payload) => JSON.stringify(payload.quickActionsStatus?.errorMessages) === JSON.stringify([timeTrackingRefusedMessage]),
  },
  timelogCreate: {
    kind: 'mutation',
    document: `mutation($input: TimelogCreateInput!) { result: timelogCreate(input: $input) { ${payloadFields} timelog { id } } }`,
    prepare: async (_db, fixture, role) => ({ input: { issuableId: fixture.issue.gid, timeSpent: '30m', summary: `Logged by ${role}` } }),
  },
  "timelogDelete of a Developer's timelog": {
    kind: 'mutation',
    document: `mutation($input: TimelogDeleteInput!) { result: timelogDelete(input: $input) { ${payloadFields} timelog { id } } }`,
    prepare: async (db, fixture) => {
      const [row] = await db
        .insert(timelogs)
        .values({ issueId: fixture.issue.id, userId: await userId(db, 'developer'), timeSpent: 600, spentAt: new Date('2026-01-05T12:00:00Z') })
        .returning({ id: timelogs.id });
      return { input: { id: toGlobalId('Timelog', row!.id) } };
    },
  },
  'Query.rapportPersonalAccessTokens': {
    kind: 'read',
    document: 'query { rapportPersonalAccessTokens { id name scopes createdAt lastUsedAt expiresAt active revoked } }',
    root: (data) => data.rapportPersonalAccessTokens,
    // Every role's user holds the token its requests are made with (server/testing/roles.ts).
    secrets: () => ['"name":"test"'],
  },
  personalAccessTokenCreate: {
    kind: 'mutation',
    document: `mutation($input: PersonalAccessTokenCreateInput!) { result: personalAccessTokenCreate(input: $input) { ${payloadFields} token personalAccessToken { id } } }`,
    prepare: async (_db, _fixture, role) => ({ input: { name: `Minted by ${role}`, scopes: ['api'] } }),
  },
  'personalAccessTokenRevoke of an own token': {
    kind: 'mutation',
    document: `mutation($input: PersonalAccessTokenRevokeInput!) { result: personalAccessTokenRevoke(input: $input) { ${payloadFields} } }`,
    tables: [...writableTables, 'personal_access_tokens'],
    prepare: async (db, _fixture, role) => {
      const name = unique(`Revoked by ${role}`);
      await storePersonalAccessToken(db, { userId: await userId(db, role === 'anonymous' ? 'developer' : usernameOf(role)), name, scopes: ['api'] });
      const [row] = await db.select({ id: personalAccessTokens.id }).from(personalAccessTokens).where(eq(personalAccessTokens.name, name));
      return { input: { id: toGlobalId('PersonalAccessToken', row!.id) } };
    },
  },

  'page: home (your groups)': {
    kind: 'page',
    // Without a user the route sends the visitor to sign in before loading anything: H.
    load: async (viewer) => (viewer.user ? loadViewerGroups(viewer) : null),
    secrets: () => ['Acme Corp'],
  },
  'page: group overview': { kind: 'page', load: (viewer) => loadGroupOverview(viewer, 'acme'), secrets: () => ['acme/support', 'acme/website'] },
  'page: contacts list': {
    kind: 'page',
    load: (viewer, fixture) => loadGroupContacts(viewer, 'acme', { search: fixture.contact.email }),
    secrets: (fixture) => [fixture.contact.email, fixture.contact.description],
  },
  'page: organizations list': {
    kind: 'page',
    load: (viewer, fixture) => loadGroupOrganizations(viewer, 'acme', { search: fixture.organization.name }),
    secrets: (fixture) => [fixture.organization.name, fixture.organization.description],
  },
  'page: contact': {
    kind: 'page',
    load: (viewer, fixture) => loadContactPage(viewer, 'acme', String(fixture.contact.id)),
    secrets: (fixture) => [fixture.contact.email, fixture.contact.description, fixture.issue.title],
  },
  'page: organization': {
    kind: 'page',
    load: (viewer, fixture) => loadOrganizationPage(viewer, 'acme', String(fixture.organization.id)),
    secrets: (fixture) => [fixture.organization.name, fixture.organization.description, fixture.contact.email],
  },
  'page: contact duplicates': {
    kind: 'page',
    load: (viewer) => loadContactDuplicates(viewer, 'acme', {}),
    secrets: (fixture) => [fixture.duplicate.description],
  },
  'page: customer relations settings': { kind: 'page', load: (viewer) => loadCrmSettingsPage(viewer, 'acme'), secrets: () => ['acme/support'] },
  'page: project issues filtered by contact': {
    kind: 'page',
    load: (viewer, fixture) => loadProjectIssues(viewer, fixture.issue.projectPath, { state: 'all', crmContactId: String(fixture.contact.id) }),
    secrets: (fixture) => [fixture.issue.title],
  },
  'page: group issues filtered by contact': {
    kind: 'page',
    load: (viewer, fixture) => loadGroupIssues(viewer, 'acme/support', { state: 'all', crmContactId: String(fixture.contact.id) }),
    secrets: (fixture) => [fixture.issue.title],
  },
  'page: issue': {
    kind: 'page',
    load: (viewer, fixture) => loadIssuePage(viewer, fixture.issue.projectPath, fixture.issue.iid),
    secrets: (fixture) => [fixture.contact.email, fixture.contact.description],
  },
  'page: customer tiers and domains': {
    kind: 'page',
    load: (viewer) => loadCustomerSettingsPage(viewer, 'acme'),
    secrets: (fixture) => [fixture.organization.tierName],
  },
  'page: customer report': { kind: 'page', load: (viewer) => loadCustomerReportPage(viewer, 'acme', {}), secrets: (fixture) => [fixture.organization.name] },
  // The page's own data is the group's recent imports (the list is there, empty or not, only for S).
  'page: CRM import': { kind: 'page', load: (viewer) => loadCrmImportPage(viewer, 'acme', {}), secrets: () => ['"recentImports"'] },
  'page: customer requests': {
    kind: 'page',
    load: (viewer) => loadCustomerRequestsPage(viewer, 'acme'),
    secrets: (fixture) => [fixture.tierName, fixture.issue.title, fixture.requestNote],
  },
  'page: new issue': { kind: 'page', load: (viewer, fixture) => loadNewIssuePage(viewer, fixture.issue.projectPath), secrets: () => ['Customer support requests.'] },
};
