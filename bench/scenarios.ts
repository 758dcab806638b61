/**
 * The four API scenarios of SPEC §9, each written for the three servers: Rapport's GitLab-compatible
 * GraphQL, PostGraphile's generated schema (aliased into the same shape), and the raw-SQL floor.
 * `summarize` reduces an answer to the ids it lists, so the harness can check that the three servers
 * return the same records before timing them.
 */

export type ServerName = 'rapport' | 'floor' | 'postgraphile';

export const serverNames: readonly ServerName[] = ['rapport', 'floor', 'postgraphile'];

export const serverLabels: Record<ServerName, string> = {
  rapport: 'Rapport (Next.js + Pothos)',
  floor: 'raw SQL floor',
  postgraphile: 'PostGraphile 5',
};

export type ScenarioKey = 'contacts' | 'search' | 'issueContacts' | 'issueList';

export interface Scenario {
  key: ScenarioKey;
  title: string;
  description: string;
  rapport: string;
  postgraphile: string;
  /** Path on the floor server (GET). */
  floorPath: string;
  summarize(body: unknown): string;
}

export const searchTerm = 'john';
const groupPath = 'acme';
const projectPath = 'acme/website';
const issueIid = 1;
const issueListSize = 100;

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

export const scenarios: readonly Scenario[] = [
  {
    key: 'contacts',
    title: 'Contacts list',
    description: `group "${groupPath}": first 20 contacts sorted by last name, with their organization`,
    rapport: `query ContactsList {
  group(fullPath: "${groupPath}") {
    contacts(first: 20, sort: LAST_NAME_ASC) { nodes { ${contactFields} } pageInfo { hasNextPage } }
  }
}`,
    postgraphile: `query ContactsList {
  groups: allGroups(condition: { fullPath: "${groupPath}" }) {
    nodes {
      contacts: customerRelationsContactsByGroupId(first: 20, orderBy: [LAST_NAME_ASC, ROW_ID_ASC]) {
        nodes { ${pgContactFields} } pageInfo { hasNextPage }
      }
    }
  }
}`,
    floorPath: `/contacts?group=${groupPath}`,
    summarize: summarizeContactPage,
  },
  {
    key: 'search',
    title: `Search "${searchTerm}"`,
    description: `group "${groupPath}": first 20 contacts matching "${searchTerm}" (case-insensitive substring of name, email or description), by last name`,
    rapport: `query ContactsSearch {
  group(fullPath: "${groupPath}") {
    contacts(first: 20, search: "${searchTerm}", sort: LAST_NAME_ASC) { nodes { ${contactFields} } pageInfo { hasNextPage } }
  }
}`,
    postgraphile: `query ContactsSearch {
  groups: allGroups(condition: { fullPath: "${groupPath}" }) {
    nodes {
      contacts: searchContacts(term: "${searchTerm}", first: 20) { nodes { ${pgContactFields} } pageInfo { hasNextPage } }
    }
  }
}`,
    floorPath: `/contacts?group=${groupPath}&search=${searchTerm}`,
    summarize: summarizeContactPage,
  },
  {
    key: 'issueContacts',
    title: "One issue's contacts",
    description: `${projectPath}#${issueIid}: the issue's contacts with their organization`,
    rapport: `query IssueContacts {
  project(fullPath: "${projectPath}") {
    issue(iid: "${issueIid}") { iid customerRelationsContacts { nodes { ${contactFields} } } }
  }
}`,
    postgraphile: `query IssueContacts {
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
}`,
    floorPath: `/issue-contacts?project=${projectPath}&iid=${issueIid}`,
    summarize: summarizeIssueContacts,
  },
  {
    key: 'issueList',
    title: `${issueListSize} issues with contacts`,
    description: `${projectPath}: the newest ${issueListSize} issues, each with its contacts and their organization`,
    rapport: `query IssueList {
  project(fullPath: "${projectPath}") {
    issues(first: ${issueListSize}) { nodes { iid title customerRelationsContacts { nodes { ${contactFields} } } } }
  }
}`,
    postgraphile: `query IssueList {
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
}`,
    floorPath: `/issues?project=${projectPath}&first=${issueListSize}`,
    summarize: summarizeIssueList,
  },
];
