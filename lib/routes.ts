/**
 * Every page URL of Rapport, built and parsed here. They are GitLab's: `/groups/<group path>/-/crm/contacts`,
 * `/<project path>/-/issues/<iid>`. A namespace path has any number of segments, which Next's file
 * routes cannot place before the page's own segments, so the proxy serves each of these URLs from an
 * internal route (`internalRoute`): `/~/groups/<key>/crm/contacts`, `/~/projects/<key>/issues/<iid>`,
 * where the key is the path with `~` for `/` (GitLab paths never hold a `~`, so no namespace starts
 * the internal paths either). An internal path asked for as it is shows what its GitLab URL shows,
 * with the same checks.
 */

/** `internalRoute`'s answer for a path that is no page, and the path that serves it (a 404). */
export const notFound = Symbol('not a page');
export const notFoundRoute = '/~/not-found';

/** The prefix of the internal routes. */
const internalPrefix = '/~/';

const segmentPattern = /^[A-Za-z0-9_.-]{1,255}$/;

/** Top-level routes of their own: a path under them is never a project's. */
const reservedTopLevel = new Set(['~', '-', 'api', 'groups', 'users', '_next']);

/** The number at the end of a global ID (`gid://gitlab/CustomerRelations::Contact/42` → `42`): records' URLs use it. */
export function numericId(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1);
}

export const groupUrls = {
  overview: (groupPath: string) => `/groups/${groupPath}`,
  contacts: (groupPath: string) => `/groups/${groupPath}/-/crm/contacts`,
  contactDuplicates: (groupPath: string) => `/groups/${groupPath}/-/crm/contacts/duplicates`,
  contact: (groupPath: string, contactId: string) => `/groups/${groupPath}/-/crm/contacts/${numericId(contactId)}`,
  organizations: (groupPath: string) => `/groups/${groupPath}/-/crm/organizations`,
  organization: (groupPath: string, organizationId: string) => `/groups/${groupPath}/-/crm/organizations/${numericId(organizationId)}`,
  /** The CSV download of a list; the list view's parameters go in its query string. */
  export: (groupPath: string, records: 'contacts' | 'organizations') => `/groups/${groupPath}/-/crm/${records}/export.csv`,
  crmImport: (groupPath: string, records?: 'contacts' | 'organizations') => `/groups/${groupPath}/-/crm/import${records ? `?kind=${records}` : ''}`,
  crmImportUpload: (groupPath: string) => `/groups/${groupPath}/-/crm/import/upload`,
  crmSettings: (groupPath: string) => `/groups/${groupPath}/-/settings/crm`,
  customerReport: (groupPath: string) => `/groups/${groupPath}/-/crm/report`,
  customerRequests: (groupPath: string) => `/groups/${groupPath}/-/crm/requests`,
  /** Rapport only (issue 15): the CRM group's customer tiers, currency and assigning contacts by domain. */
  customerSettings: (groupPath: string) => `/groups/${groupPath}/-/crm/customer_settings`,
  issues: (groupPath: string) => `/groups/${groupPath}/-/issues`,
};

/** The signed-in person's own settings, under GitLab's top-level `/-/` (served by app/-/). */
export const userSettingsUrls = {
  personalAccessTokens: '/-/user_settings/personal_access_tokens',
};

export const projectUrls = {
  project: (projectPath: string) => `/${projectPath}`,
  issues: (projectPath: string) => `/${projectPath}/-/issues`,
  newIssue: (projectPath: string) => `/${projectPath}/-/issues/new`,
  issue: (projectPath: string, iid: string) => `/${projectPath}/-/issues/${iid}`,
};

/** A namespace path as one route segment (`acme/support` → `acme~support`). */
function namespaceKey(segments: string[]): string {
  return segments.join('~');
}

/** The namespace path a route segment stands for; null when it is not a valid path. */
export function namespacePath(key: string): string | null {
  const segments = key.split('~');
  return segments.every((segment) => segmentPattern.test(segment)) ? segments.join('/') : null;
}

/** `segments` split at GitLab's `-` separator: the namespace's segments and the page's. */
function splitAtDash(segments: string[]): { namespace: string[]; page: string[] } {
  const dash = segments.indexOf('-');
  return dash === -1 ? { namespace: segments, page: [] } : { namespace: segments.slice(0, dash), page: segments.slice(dash + 1) };
}

/**
 * The internal route that serves a page path, `null` when the path is a route of its own (`/`,
 * `/users/sign_in`, an internal route), or `notFound` for one that cannot be a page (an invalid
 * namespace path).
 */
export function internalRoute(pathname: string): string | null | typeof notFound {
  const segments = pathname.split('/').slice(1);
  if (pathname.startsWith(internalPrefix)) return null;
  if (segments[0] === 'groups' && segments.length > 1) {
    const { namespace, page } = splitAtDash(segments.slice(1));
    if (namespace.length === 0 || !namespace.every((segment) => segmentPattern.test(segment))) return notFound;
    return [`${internalPrefix}groups`, namespaceKey(namespace), ...page].join('/');
  }
  if (segments.length < 2 || reservedTopLevel.has(segments[0] ?? '')) return null;
  const { namespace, page } = splitAtDash(segments);
  // A project always lives in a group, so its path has at least two segments.
  if (namespace.length < 2 || !namespace.every((segment) => segmentPattern.test(segment))) return notFound;
  return [`${internalPrefix}projects`, namespaceKey(namespace), ...page].join('/');
}

/**
 * The GitLab URL path of an internal route's path (`/~/groups/acme~support/crm/contacts` →
 * `/groups/acme/support/-/crm/contacts`), any other path as it is. Next's own server runs the proxy
 * again on the rewritten path: what the page records as its URL must still be the one asked for.
 */
export function publicPath(pathname: string): string {
  if (!pathname.startsWith(internalPrefix)) return pathname;
  const [kind, key = '', ...page] = pathname.slice(internalPrefix.length).split('/');
  const namespace = key.split('~').join('/');
  const base = kind === 'groups' ? `/groups/${namespace}` : `/${namespace}`;
  return page.length > 0 ? `${base}/-/${page.join('/')}` : base;
}
