import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ContactsTable } from '@/components/crm/contacts-table';
import { CrmListView } from '@/components/crm/crm-list-view';
import { OrganizationsTable } from '@/components/crm/organizations-table';
import { GroupLayout } from '@/components/groups/group-layout';
import { GroupOverview } from '@/components/groups/group-overview';
import {
  contactListDefaults,
  loadGroupContacts,
  loadGroupOrganizations,
  loadGroupOverview,
  organizationListDefaults,
} from '@/server/pages/group-pages';
import { type SearchParams, currentPath, pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';

interface GroupRouteProps {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<SearchParams>;
}

const segmentPattern = /^[A-Za-z0-9_.-]{1,255}$/;

/** `/groups/<full path>[/-/<page>]`: GitLab separates the namespace from the page with a `-` segment. */
function parseGroupPath(segments: string[]): { fullPath: string; page: string } | null {
  const dash = segments.indexOf('-');
  const groupSegments = dash === -1 ? segments : segments.slice(0, dash);
  if (groupSegments.length === 0 || !groupSegments.every((segment) => segmentPattern.test(segment))) return null;
  return { fullPath: groupSegments.join('/'), page: dash === -1 ? '' : segments.slice(dash + 1).join('/') };
}

const pageTitles: Record<string, string> = {
  '': 'Group overview',
  'crm/contacts': 'Customer relations contacts',
  'crm/organizations': 'Customer relations organizations',
};

export async function generateMetadata({ params }: GroupRouteProps): Promise<Metadata> {
  const parsed = parseGroupPath((await params).path);
  const title = parsed ? pageTitles[parsed.page] : undefined;
  return { title: parsed && title ? `${title} · ${parsed.fullPath}` : 'Page not found' };
}

export default async function GroupRoute({ params, searchParams }: GroupRouteProps) {
  const { path } = await params;
  const query = await searchParams;
  const viewer = await pageViewerOrSignIn(currentPath(`/groups/${path.join('/')}`, query));
  const parsed = parseGroupPath(path);
  if (!parsed) notFound();
  const { fullPath, page } = parsed;

  if (page === '') {
    const group = await loadGroupOverview(viewer, fullPath);
    if (!group) notFound();
    return (
      <GroupLayout group={group} section="overview">
        <GroupOverview
          name={group.name}
          fullPath={group.fullPath}
          description={group.description}
          parent={group.parent}
          subgroups={group.descendantGroups.nodes}
          projects={group.projects.nodes}
        />
      </GroupLayout>
    );
  }

  if (page === 'crm/contacts') {
    const list = await loadGroupContacts(viewer, fullPath, query);
    if (!list) notFound();
    const location = { basePath: `/groups/${list.group.fullPath}/-/crm/contacts`, query: list.query, defaults: contactListDefaults };
    return (
      <GroupLayout group={list.group} section="contacts">
        <CrmListView title="Customer relations contacts" noun="contacts" location={location} counts={list.counts} pageInfo={list.pageInfo}>
          <ContactsTable contacts={list.rows} location={location} />
        </CrmListView>
      </GroupLayout>
    );
  }

  if (page === 'crm/organizations') {
    const list = await loadGroupOrganizations(viewer, fullPath, query);
    if (!list) notFound();
    const location = { basePath: `/groups/${list.group.fullPath}/-/crm/organizations`, query: list.query, defaults: organizationListDefaults };
    return (
      <GroupLayout group={list.group} section="organizations">
        <CrmListView title="Customer relations organizations" noun="organizations" location={location} counts={list.counts} pageInfo={list.pageInfo}>
          <OrganizationsTable organizations={list.rows} location={location} />
        </CrmListView>
      </GroupLayout>
    );
  }

  notFound();
}
