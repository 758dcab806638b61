import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ContactDetail } from '@/components/crm/contact-detail';
import { ContactEditorProvider, NewContactButton } from '@/components/crm/contact-editor';
import { ContactsTable } from '@/components/crm/contacts-table';
import { contactsPath, organizationsPath } from '@/components/crm/crm-paths';
import { CrmListView } from '@/components/crm/crm-list-view';
import { OrganizationDetail } from '@/components/crm/organization-detail';
import { NewOrganizationButton, OrganizationEditorProvider } from '@/components/crm/organization-editor';
import { OrganizationsTable } from '@/components/crm/organizations-table';
import { CrmSettingsForm } from '@/components/groups/crm-settings-form';
import { GroupLayout } from '@/components/groups/group-layout';
import { GroupOverview } from '@/components/groups/group-overview';
import { PageHeading } from '@/components/ui/page-heading';
import { getPageViewer } from '@/server/auth/page-viewer';
import { loadContactPage, loadCrmSettingsPage, loadOrganizationPage } from '@/server/pages/crm-record-pages';
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

const contactPagePattern = /^crm\/contacts\/([^/]+)$/;
const organizationPagePattern = /^crm\/organizations\/([^/]+)$/;

// Shared by generateMetadata and the page, so a detail page runs its query once.
const contactPage = cache(async (fullPath: string, id: string) => loadContactPage(await getPageViewer(), fullPath, id));
const organizationPage = cache(async (fullPath: string, id: string) => loadOrganizationPage(await getPageViewer(), fullPath, id));

const pageTitles: Record<string, string> = {
  '': 'Group overview',
  'crm/contacts': 'Customer relations contacts',
  'crm/organizations': 'Customer relations organizations',
  'settings/crm': 'Customer relations settings',
};

async function titleOf(fullPath: string, page: string): Promise<string | undefined> {
  const contactId = contactPagePattern.exec(page)?.[1];
  if (contactId) {
    const contact = (await contactPage(fullPath, contactId))?.record;
    return contact ? `${contact.firstName} ${contact.lastName} · Contacts` : undefined;
  }
  const organizationId = organizationPagePattern.exec(page)?.[1];
  if (organizationId) {
    const organization = (await organizationPage(fullPath, organizationId))?.record;
    return organization ? `${organization.name} · Organizations` : undefined;
  }
  return pageTitles[page];
}

export async function generateMetadata({ params }: GroupRouteProps): Promise<Metadata> {
  const parsed = parseGroupPath((await params).path);
  // A failure here (the database gone) is the page's to report, with its status.
  const title = parsed ? await titleOf(parsed.fullPath, parsed.page).catch(() => undefined) : undefined;
  return { title: parsed && title ? `${title} · ${parsed.fullPath}` : 'Page not found' };
}

export default async function GroupRoute({ params, searchParams }: GroupRouteProps) {
  const { path } = await params;
  const query = await searchParams;
  const viewer = await pageViewerOrSignIn(currentPath(`/groups/${path.join('/')}`, query));
  const parsed = parseGroupPath(path);
  if (!parsed) notFound();
  const { fullPath, page } = parsed;
  const { csrfToken } = viewer;

  if (page === '') {
    const group = await loadGroupOverview(viewer, fullPath);
    if (!group) notFound();
    return (
      <GroupLayout group={group} section="overview" csrfToken={csrfToken}>
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
    const { group, abilities } = list;
    const location = { basePath: contactsPath(group.fullPath), query: list.query, defaults: contactListDefaults };
    return (
      <GroupLayout group={group} section="contacts" csrfToken={csrfToken}>
        <ContactEditorProvider groupId={group.id} groupPath={group.fullPath}>
          <CrmListView
            title="Customer relations contacts"
            noun="contacts"
            location={location}
            counts={list.counts}
            pageInfo={list.pageInfo}
            actions={abilities.canAdmin ? <NewContactButton /> : null}
          >
            <ContactsTable contacts={list.rows} location={location} groupPath={group.fullPath} canEdit={abilities.canAdmin} />
          </CrmListView>
        </ContactEditorProvider>
      </GroupLayout>
    );
  }

  if (page === 'crm/organizations') {
    const list = await loadGroupOrganizations(viewer, fullPath, query);
    if (!list) notFound();
    const { group, abilities } = list;
    const location = { basePath: organizationsPath(group.fullPath), query: list.query, defaults: organizationListDefaults };
    return (
      <GroupLayout group={group} section="organizations" csrfToken={csrfToken}>
        <OrganizationEditorProvider groupId={group.id}>
          <CrmListView
            title="Customer relations organizations"
            noun="organizations"
            location={location}
            counts={list.counts}
            pageInfo={list.pageInfo}
            actions={abilities.canAdmin ? <NewOrganizationButton /> : null}
          >
            <OrganizationsTable organizations={list.rows} location={location} groupPath={group.fullPath} canEdit={abilities.canAdmin} />
          </CrmListView>
        </OrganizationEditorProvider>
      </GroupLayout>
    );
  }

  const contactId = contactPagePattern.exec(page)?.[1];
  if (contactId) {
    const found = await contactPage(fullPath, contactId);
    if (!found) notFound();
    const { group, abilities, record } = found;
    return (
      <GroupLayout group={group} section="contacts" csrfToken={csrfToken}>
        <ContactDetail groupId={group.id} groupPath={group.fullPath} canEdit={abilities.canAdmin} canDelete={abilities.canDelete} contact={record} />
      </GroupLayout>
    );
  }

  const organizationId = organizationPagePattern.exec(page)?.[1];
  if (organizationId) {
    const found = await organizationPage(fullPath, organizationId);
    if (!found) notFound();
    const { group, abilities, record } = found;
    return (
      <GroupLayout group={group} section="organizations" csrfToken={csrfToken}>
        <OrganizationDetail groupId={group.id} groupPath={group.fullPath} canEdit={abilities.canAdmin} canDelete={abilities.canDelete} organization={record} />
      </GroupLayout>
    );
  }

  if (page === 'settings/crm') {
    const settings = await loadCrmSettingsPage(viewer, fullPath);
    if (!settings) notFound();
    return (
      <GroupLayout group={settings.group} section="crm-settings" csrfToken={csrfToken}>
        <PageHeading>Customer relations settings</PageHeading>
        <CrmSettingsForm
          groupPath={settings.group.fullPath}
          enabled={settings.enabled}
          sourceGroupPath={settings.sourceGroupPath}
          sourceOptions={settings.sourceOptions}
        />
      </GroupLayout>
    );
  }

  notFound();
}
