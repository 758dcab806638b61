/**
 * The benchmark's scenarios, each written for the servers that can answer it: Rapport's
 * GitLab-compatible GraphQL (and its signed-in pages), PostGraphile's generated schema (aliased into
 * the same shape) and the raw-SQL floor. `summarize` reduces an answer to the records it lists, so
 * the harness can check that the servers return the same records before timing them.
 */

/** A row of the results: the two Rapport rows run the same build, with one and with two workers. */
export type ServerName = 'rapport' | 'rapport-2-workers' | 'floor' | 'postgraphile';

export const serverNames: readonly ServerName[] = ['rapport', 'rapport-2-workers', 'floor', 'postgraphile'];

export const serverLabels: Record<ServerName, string> = {
  rapport: 'Rapport',
  'rapport-2-workers': 'Rapport, 2 workers',
  floor: 'raw SQL floor',
  postgraphile: 'PostGraphile 5',
};

/** The code that answers: both Rapport rows are the app. */
export type Implementation = 'rapport' | 'floor' | 'postgraphile';

export function implementationOf(server: ServerName): Implementation {
  return server === 'rapport-2-workers' ? 'rapport' : server;
}

export type ScenarioKey =
  | 'contacts'
  | 'search'
  | 'issueContacts'
  | 'issueList'
  | 'contactStateCounts'
  | 'contactUpdate'
  | 'contactsPage'
  | 'issuePage';

/** One server's request for a scenario. */
export interface Target {
  method: 'GET' | 'POST';
  /** Path on the server; Rapport's and PostGraphile's GraphQL requests name only the endpoint. */
  path: string;
  /** JSON bodies, sent in turn (a mutation alternates between values); none for GET. */
  bodies: string[];
  /** Rapport's API takes a personal access token, its pages a session cookie. */
  auth: 'token' | 'cookie' | 'none';
}

/**
 * - `read`: every timed answer must equal, byte for byte, the one checked before the run.
 * - `mutation`: every timed answer must equal the checked answer to one of the alternating bodies
 *   (the fields asked for do not change from one request to the next, the description alternates).
 * - `page`: HTML with status 200 that contains `expectText` (a page carries per-request ids).
 */
export type ScenarioKind = 'read' | 'mutation' | 'page';

export interface Scenario {
  key: ScenarioKey;
  title: string;
  description: string;
  kind: ScenarioKind;
  targets: Partial<Record<Implementation, Target>>;
  /** Why a server has no target, shown in the results instead of numbers. */
  missing: Partial<Record<Implementation, string>>;
  /** Pages only: text the page must contain. */
  expectText?: string;
  summarize(body: unknown): string;
}

/** Values from the bench database that some scenarios need. */
export interface Fixture {
  /** The contact whose description the update scenario alternates. */
  contactId: number;
  /** What the signed-in contacts page and issue page must show. */
  contactsPageText: string;
  issuePageText: string;
}

export const searchTerm = 'john';
export const groupPath = 'acme';
export const projectPath = 'acme/website';
export const issueIid = 1;
const issueListSize = 100;
/** The values the update scenario writes in turn. */
const updateDescriptions = ['Updated by the benchmark (a)', 'Updated by the benchmark (b)'];

const contactFields = 'id firstName lastName email phone organization { id name }';
/** PostGraphile's names for the same fields (`rowId` is the table's id, `id` its node ID). */
const pgContactFields = 'id: rowId firstName lastName email phone organization: customerRelationsOrganizationByOrganizationIdAndGroupId { id: rowId name }';

type Json = Record<string, unknown>;

function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** `gid://gitlab/CustomerRelations::Contact/42`, 42 or "42" → "42". */
function rawId(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.slice(value.lastIndexOf('/') + 1);
  return '?';
}

/** A contact as "id@organization". */
function contactKey(contact: Json): string {
  return `${rawId(contact.id)}@${contact.organization ? rawId(at(contact.organization, 'id')) : '-'}`;
}

/** The answer's data, whichever server sent it, or a description of its errors. */
function dataOf(body: unknown): Json | string {
  const errors = at(body, 'errors');
  if (Array.isArray(errors) && errors.length > 0) return `errors: ${JSON.stringify(errors).slice(0, 300)}`;
  const data = at(body, 'data');
  return data && typeof data === 'object' ? (data as Json) : 'no data';
}

/** Contacts pages: Rapport and the floor answer `group.contacts`, PostGraphile `groups.nodes[0].contacts`. */
function summarizeContactPage(body: unknown): string {
  const data = dataOf(body);
  if (typeof data === 'string') return data;
  const page = at(data, 'group', 'contacts') ?? at(data, 'groups', 'nodes', 0, 'contacts');
  const nodes = list(at(page, 'nodes'));
  return `${nodes.length} contacts [${nodes.map(contactKey).join(' ')}] next=${String(at(page, 'pageInfo', 'hasNextPage'))}`;
}

/** An issue's contacts: `project.issue.customerRelationsContacts`, or PostGraphile's join rows. */
function issueContactKeys(issue: unknown): string[] {
  const direct = at(issue, 'customerRelationsContacts', 'nodes');
  if (Array.isArray(direct)) return list(direct).map(contactKey);
  return list(at(issue, 'links', 'nodes')).map((link) => contactKey(at(link, 'contact') as Json));
}

function summarizeIssueContacts(body: unknown): string {
  const data = dataOf(body);
  if (typeof data === 'string') return data;
  const issue = at(data, 'project', 'issue') ?? at(data, 'projects', 'nodes', 0, 'issues', 'nodes', 0);
  const keys = issueContactKeys(issue);
  return `issue ${String(at(issue, 'iid'))}: ${keys.length} contacts [${keys.join(' ')}]`;
}

function summarizeIssueList(body: unknown): string {
  const data = dataOf(body);
  if (typeof data === 'string') return data;
  const issues = list(at(data, 'project', 'issues', 'nodes') ?? at(data, 'projects', 'nodes', 0, 'issues', 'nodes'));
  const contacts = issues.reduce((total, issue) => total + issueContactKeys(issue).length, 0);
  return `${issues.length} issues, ${contacts} contacts: ${issues.map((issue) => `${String(issue.iid)}[${issueContactKeys(issue).join(' ')}]`).join(' ')}`;
}

function summarizeStateCounts(body: unknown): string {
  const data = dataOf(body);
  if (typeof data === 'string') return data;
  const counts = at(data, 'group', 'contactStateCounts');
  const pg = at(data, 'groups', 'nodes', 0);
  const count = (state: 'all' | 'active' | 'inactive') => String(at(counts, state) ?? at(pg, state, 'totalCount'));
  return `all ${count('all')}, active ${count('active')}, inactive ${count('inactive')}`;
}

function summarizeContactUpdate(body: unknown): string {
  const data = dataOf(body);
  if (typeof data === 'string') return data;
  const payload = at(data, 'customerRelationsContactUpdate');
  const contact = at(payload, 'contact') as Json | undefined;
  const errors = JSON.stringify(at(payload, 'errors'));
  if (!contact) return `no contact, errors ${errors}`;
  return `contact ${rawId(contact.id)} ${String(contact.firstName)} ${String(contact.lastName)} <${String(contact.email)}>: "${String(contact.description)}", errors ${errors}`;
}

function graphql(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

function rapportApi(query: string): Target {
  return { method: 'POST', path: '/api/graphql', bodies: [graphql(query)], auth: 'token' };
}

function postgraphileApi(query: string): Target {
  return { method: 'POST', path: '/graphql', bodies: [graphql(query)], auth: 'none' };
}

function floorGet(path: string): Target {
  return { method: 'GET', path, bodies: [], auth: 'none' };
}

function page(path: string): Target {
  return { method: 'GET', path, bodies: [], auth: 'cookie' };
}

const notAnApi = 'a page of the app: Rapport only';

export function buildScenarios(fixture: Fixture): Scenario[] {
  const contactGid = `gid://gitlab/CustomerRelations::Contact/${fixture.contactId}`;
  const updateDocument = `mutation ContactUpdate($input: CustomerRelationsContactUpdateInput!) {
  customerRelationsContactUpdate(input: $input) { contact { id firstName lastName email description } errors }
}`;
  return [
    {
      key: 'contacts',
      title: 'Contacts list',
      description: `group "${groupPath}": first 20 contacts sorted by last name, with their organization`,
      kind: 'read',
      targets: {
        rapport: rapportApi(`query ContactsList {
  group(fullPath: "${groupPath}") {
    contacts(first: 20, sort: LAST_NAME_ASC) { nodes { ${contactFields} } pageInfo { hasNextPage } }
  }
}`),
        postgraphile: postgraphileApi(`query ContactsList {
  groups: allGroups(condition: { fullPath: "${groupPath}" }) {
    nodes {
      contacts: customerRelationsContactsByGroupId(first: 20, orderBy: [LAST_NAME_ASC, ROW_ID_ASC]) {
        nodes { ${pgContactFields} } pageInfo { hasNextPage }
      }
    }
  }
}`),
        floor: floorGet(`/contacts?group=${groupPath}`),
      },
      missing: {},
      summarize: summarizeContactPage,
    },
    {
      key: 'search',
      title: `Search "${searchTerm}"`,
      description: `group "${groupPath}": first 20 contacts matching "${searchTerm}" (case-insensitive substring of name, email or description), by last name`,
      kind: 'read',
      targets: {
        rapport: rapportApi(`query ContactsSearch {
  group(fullPath: "${groupPath}") {
    contacts(first: 20, search: "${searchTerm}", sort: LAST_NAME_ASC) { nodes { ${contactFields} } pageInfo { hasNextPage } }
  }
}`),
        postgraphile: postgraphileApi(`query ContactsSearch {
  groups: allGroups(condition: { fullPath: "${groupPath}" }) {
    nodes {
      contacts: searchContacts(term: "${searchTerm}", first: 20) { nodes { ${pgContactFields} } pageInfo { hasNextPage } }
    }
  }
}`),
        floor: floorGet(`/contacts?group=${groupPath}&search=${searchTerm}`),
      },
      missing: {},
      summarize: summarizeContactPage,
    },
    {
      key: 'issueContacts',
      title: "One issue's contacts",
      description: `${projectPath}#${issueIid}: the issue's contacts with their organization`,
      kind: 'read',
      targets: {
        rapport: rapportApi(`query IssueContacts {
  project(fullPath: "${projectPath}") {
    issue(iid: "${issueIid}") { iid customerRelationsContacts { nodes { ${contactFields} } } }
  }
}`),
        postgraphile: postgraphileApi(`query IssueContacts {
  projects: allProjects(condition: { fullPath: "${projectPath}" }) {
    nodes {
      issues: issuesByProjectId(condition: { iid: ${issueIid} }) {
        nodes {
          iid
          links: issueCustomerRelationsContactsByIssueId(orderBy: [CREATED_AT_ASC, CONTACT_ID_ASC]) {
            nodes { contact: customerRelationsContactByContactId { ${pgContactFields} } }
          }
        }
      }
    }
  }
}`),
        floor: floorGet(`/issue-contacts?project=${projectPath}&iid=${issueIid}`),
      },
      missing: {},
      summarize: summarizeIssueContacts,
    },
    {
      key: 'issueList',
      title: `${issueListSize} issues with contacts`,
      description: `${projectPath}: the newest ${issueListSize} issues, each with its contacts and their organization`,
      kind: 'read',
      targets: {
        rapport: rapportApi(`query IssueList {
  project(fullPath: "${projectPath}") {
    issues(first: ${issueListSize}) { nodes { iid title customerRelationsContacts { nodes { ${contactFields} } } } }
  }
}`),
        postgraphile: postgraphileApi(`query IssueList {
  projects: allProjects(condition: { fullPath: "${projectPath}" }) {
    nodes {
      issues: issuesByProjectId(first: ${issueListSize}, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
        nodes {
          iid title
          links: issueCustomerRelationsContactsByIssueId(orderBy: [CREATED_AT_ASC, CONTACT_ID_ASC]) {
            nodes { contact: customerRelationsContactByContactId { ${pgContactFields} } }
          }
        }
      }
    }
  }
}`),
        floor: floorGet(`/issues?project=${projectPath}&first=${issueListSize}`),
      },
      missing: {},
      summarize: summarizeIssueList,
    },
    {
      key: 'contactStateCounts',
      title: 'Contact state counts',
      description: `group "${groupPath}": \`contactStateCounts { all active inactive }\` (PostGraphile: three aliased \`totalCount\`s filtered by state)`,
      kind: 'read',
      targets: {
        rapport: rapportApi(`query ContactStateCounts {
  group(fullPath: "${groupPath}") { contactStateCounts { all active inactive } }
}`),
        postgraphile: postgraphileApi(`query ContactStateCounts {
  groups: allGroups(condition: { fullPath: "${groupPath}" }) {
    nodes {
      all: customerRelationsContactsByGroupId { totalCount }
      active: customerRelationsContactsByGroupId(condition: { state: "active" }) { totalCount }
      inactive: customerRelationsContactsByGroupId(condition: { state: "inactive" }) { totalCount }
    }
  }
}`),
        floor: floorGet(`/contact-state-counts?group=${groupPath}`),
      },
      missing: {},
      summarize: summarizeStateCounts,
    },
    {
      key: 'contactUpdate',
      title: 'Contact update',
      description:
        `\`customerRelationsContactUpdate\` of contact ${fixture.contactId} in "${groupPath}", its description alternating between two values ` +
        '(the floor: one `UPDATE … RETURNING`)',
      kind: 'mutation',
      targets: {
        rapport: {
          method: 'POST',
          path: '/api/graphql',
          bodies: updateDescriptions.map((description) => graphql(updateDocument, { input: { id: contactGid, description } })),
          auth: 'token',
        },
        floor: {
          method: 'POST',
          path: '/contact-update',
          bodies: updateDescriptions.map((description) => JSON.stringify({ id: fixture.contactId, description })),
          auth: 'none',
        },
      },
      missing: { postgraphile: 'mutations are measured on Rapport and the floor only' },
      summarize: summarizeContactUpdate,
    },
    {
      key: 'contactsPage',
      title: 'Contacts page',
      description: `\`/groups/${groupPath}/-/crm/contacts\` signed in as \`developer\`: the whole server-rendered HTML`,
      kind: 'page',
      targets: { rapport: page(`/groups/${groupPath}/-/crm/contacts`) },
      missing: { floor: notAnApi, postgraphile: notAnApi },
      expectText: fixture.contactsPageText,
      summarize: () => '',
    },
    {
      key: 'issuePage',
      title: 'Issue page',
      description: `\`/${projectPath}/-/issues/${issueIid}\` signed in as \`developer\`: the whole server-rendered HTML`,
      kind: 'page',
      targets: { rapport: page(`/${projectPath}/-/issues/${issueIid}`) },
      missing: { floor: notAnApi, postgraphile: notAnApi },
      expectText: fixture.issuePageText,
      summarize: () => '',
    },
  ];
}
