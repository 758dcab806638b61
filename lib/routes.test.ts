import { describe, expect, it } from 'vitest';
import { issueListHref, issueListUrl, parseIssueListQuery } from './issues/issue-list-url';
import { groupUrls, internalRoute, namespacePath, notFound, projectUrls, publicPath } from './routes';

describe('internalRoute', () => {
  it.each([
    ['/groups/acme', '/~/groups/acme'],
    ['/groups/acme/support', '/~/groups/acme~support'],
    ['/groups/acme/support/-/crm/contacts', '/~/groups/acme~support/crm/contacts'],
    ['/groups/acme/-/crm/organizations/12', '/~/groups/acme/crm/organizations/12'],
    ['/groups/acme/-/settings/crm', '/~/groups/acme/settings/crm'],
    ['/acme/website', '/~/projects/acme~website'],
    ['/acme/support/helpdesk/-/issues', '/~/projects/acme~support~helpdesk/issues'],
    ['/acme/website/-/issues/new', '/~/projects/acme~website/issues/new'],
    ['/acme/website/-/issues/3', '/~/projects/acme~website/issues/3'],
  ])('serves %s from %s', (pathname, route) => {
    expect(internalRoute(pathname)).toBe(route);
  });

  it.each(['/', '/users/sign_in', '/-/user_settings/personal_access_tokens', '/groups', '/acme', '/~/groups/acme/crm/contacts', '/~/projects/acme~website/issues'])('leaves %s to its own route', (pathname) => {
    expect(internalRoute(pathname)).toBeNull();
  });

  it.each([
    '/groups/-/crm/contacts',
    '/groups/ac~me/-/crm/contacts',
    '/groups/acme//-/crm/contacts',
    '/acme/-/issues',
    '/acme/web~site/-/issues',
  ])('refuses %s (no namespace path)', (pathname) => {
    expect(internalRoute(pathname)).toBe(notFound);
  });

  it('builds the URLs it parses, for every page', () => {
    const pages = [
      groupUrls.overview('acme/support'),
      groupUrls.contacts('acme/support'),
      groupUrls.contact('acme/support', 'gid://gitlab/CustomerRelations::Contact/42'),
      groupUrls.organizations('acme'),
      groupUrls.organization('acme', 'gid://gitlab/CustomerRelations::Organization/7'),
      groupUrls.crmSettings('acme'),
      groupUrls.issues('acme/support'),
      projectUrls.project('acme/website'),
      projectUrls.issues('acme/website'),
      projectUrls.newIssue('acme/website'),
      projectUrls.issue('acme/website', '3'),
    ];
    expect(pages.map(internalRoute)).toEqual([
      '/~/groups/acme~support',
      '/~/groups/acme~support/crm/contacts',
      '/~/groups/acme~support/crm/contacts/42',
      '/~/groups/acme/crm/organizations',
      '/~/groups/acme/crm/organizations/7',
      '/~/groups/acme/settings/crm',
      '/~/groups/acme~support/issues',
      '/~/projects/acme~website',
      '/~/projects/acme~website/issues',
      '/~/projects/acme~website/issues/new',
      '/~/projects/acme~website/issues/3',
    ]);
  });

  it('gives back the GitLab URL of every internal route it serves', () => {
    const pages = [
      groupUrls.overview('acme/support'),
      groupUrls.contact('acme/support', 'gid://gitlab/CustomerRelations::Contact/42'),
      groupUrls.crmSettings('acme'),
      groupUrls.issues('acme/support'),
      projectUrls.project('acme/website'),
      projectUrls.issue('acme/support/helpdesk', '3'),
    ];
    expect(pages.map((page) => publicPath(internalRoute(page) as string))).toEqual(pages);
    expect(publicPath('/users/sign_in')).toBe('/users/sign_in');
  });

  it('reads a route segment back as the namespace path, refusing what no path can be', () => {
    expect(namespacePath('acme~support')).toBe('acme/support');
    expect(namespacePath('acme~')).toBeNull();
    expect(namespacePath('ac%me')).toBeNull();
  });
});

describe('the issue list URL', () => {
  it('round-trips its query, leaving defaults out', () => {
    const query = { state: 'closed', search: 'refund', crmContactId: '42', after: 'abc' } as const;
    const href = issueListHref('acme/website', query);
    expect(href).toBe('/acme/website/-/issues?state=closed&search=refund&crm_contact_id=42&after=abc');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseIssueListQuery(params)).toEqual({ ...query, crmOrganizationId: undefined, before: undefined });
    expect(issueListHref('acme/website', { state: 'opened' })).toBe('/acme/website/-/issues');
    expect(issueListUrl(groupUrls.issues('acme'), { state: 'all', crmOrganizationId: '7' })).toBe('/groups/acme/-/issues?state=all&crm_organization_id=7');
  });

  it('ignores what does not fit rather than refusing the list', () => {
    expect(parseIssueListQuery({ state: 'bogus', crm_contact_id: 'x', after: 'a'.repeat(2000), before: 'b' })).toEqual({
      state: 'opened',
      search: undefined,
      crmContactId: undefined,
      crmOrganizationId: undefined,
      after: undefined,
      before: 'b',
    });
  });
});
