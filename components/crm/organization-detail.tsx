import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import Link from 'next/link';
import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { linkClass } from '../ui/styles';
import { InactiveBadge } from './contacts-table';
import { groupUrls, numericId } from '@/lib/routes';
import type { ReactNode } from 'react';
import { DeleteRecordButton } from './delete-record-button';
import { EditOrganizationButton, type OrganizationAttributeOptions, OrganizationEditorProvider } from './organization-editor';
import { formatRate } from './organizations-table';
import { Breadcrumbs, FieldList, LinkedIssues, RecentActivity, Section } from './record-sections';
import { cell, ColumnHeader, RecordTable } from './record-table';
import { EmailAddress } from '../ui/email-address';

/** The organization page lists up to 100 contacts and linked issues (their counts say when there are more). */
export const organizationDetailFragment = graphql(`
  fragment OrganizationDetail on CustomerRelationsOrganization {
    id name defaultRate description active createdAt updatedAt contactCount openIssueCount
    domains annualRevenue tier { id name } accountOwner { id name username }
    rapportBillingThisMonth { from to hours billableAmount }
    contacts(first: 100, sort: LAST_NAME_ASC) { count nodes { id firstName lastName email phone active } }
    issues(first: 100) { count nodes { ...LinkedIssueItem } }
    rapportActivity(first: 20) { ...ActivityItem }
  }
`);

export interface OrganizationDetailProps {
  groupId: string;
  groupPath: string;
  canEdit: boolean;
  canDelete: boolean;
  organization: ResultOf<typeof organizationDetailFragment>;
  /** The drawer's tiers, members and currency; the currency also labels the annual revenue. */
  options: OrganizationAttributeOptions | null;
}

function OrganizationContacts({ contacts, total, groupPath }: { contacts: NonNullable<OrganizationDetailProps['organization']['contacts']>['nodes']; total: number; groupPath: string }) {
  if (contacts.length === 0) return <p className="text-sm text-gray-700">This organization has no contacts.</p>;
  return (
    <>
      <RecordTable
        label="Organization contacts table"
        caption="Contacts of the organization"
        headers={
          <>
            <ColumnHeader>Name</ColumnHeader>
            <ColumnHeader>Email</ColumnHeader>
            <ColumnHeader>Phone</ColumnHeader>
          </>
        }
      >
        {contacts.map((contact) => (
          <tr key={contact.id}>
            <td className={cell}>
              <Link href={groupUrls.contact(groupPath, contact.id)} className={linkClass}>
                {contact.firstName} {contact.lastName}
              </Link>
              {contact.active ? null : <InactiveBadge />}
            </td>
            <td className={`${cell} min-w-40`}>{contact.email ? <EmailAddress email={contact.email} /> : null}</td>
            <td className={`${cell} whitespace-nowrap`}>{contact.phone}</td>
          </tr>
        ))}
      </RecordTable>
      {total > contacts.length ? (
        <p className="mt-2 text-sm text-gray-700">
          Showing {contacts.length} of {total} contacts.
        </p>
      ) : null}
    </>
  );
}

/** Hours and billable amount this month, for people who may read the customer report. */
function billingFields(groupPath: string, { id, rapportBillingThisMonth: billing }: OrganizationDetailProps['organization']): [string, ReactNode][] {
  if (!billing) return [];
  const report = `${groupUrls.customerReport(groupPath)}?${new URLSearchParams({ from: billing.from, to: billing.to, organization: numericId(id) })}`;
  return [
    ['Hours this month', billing.hours.toFixed(2)],
    [
      'Billable this month',
      <Link key="billable" href={report} className={linkClass}>
        {billing.billableAmount === null ? 'No default rate' : billing.billableAmount.toFixed(2)}
      </Link>,
    ],
  ];
}

function undeletableReason(name: string, contactCount: number): string {
  const contacts = contactCount === 1 ? '1 contact' : `${contactCount} contacts`;
  return `${name} has ${contacts}. An organization with contacts cannot be deleted: move its contacts to another organization or delete them first.`;
}

export function OrganizationDetail({ groupId, groupPath, canEdit, canDelete, organization, options }: OrganizationDetailProps) {
  const issues = organization.issues ?? { count: 0, nodes: [] };
  const contacts = organization.contacts ?? { count: 0, nodes: [] };
  const { id, name, defaultRate, description, active, domains, annualRevenue, tier, accountOwner } = organization;
  const revenue = formatRate(annualRevenue);
  return (
    <OrganizationEditorProvider groupId={groupId} options={options}>
      <Breadcrumbs items={[{ label: 'Organizations', href: groupUrls.organizations(groupPath) }, { label: organization.name }]} />
      <PageHeading
        actions={
          canEdit || canDelete ? (
            <div className="flex gap-2">
              {canEdit ? <EditOrganizationButton record={{ id, name, defaultRate, description, active, domains, annualRevenue, tier, accountOwner }} label={name} /> : null}
              {canDelete ? (
                <DeleteRecordButton
                  kind="organization"
                  id={organization.id}
                  name={organization.name}
                  listPath={groupUrls.organizations(groupPath)}
                  blockedReason={organization.contactCount > 0 ? undeletableReason(organization.name, organization.contactCount) : undefined}
                >
                  <p>{organization.name} will be deleted. This cannot be undone.</p>
                </DeleteRecordButton>
              ) : null}
            </div>
          ) : null
        }
      >
        {organization.name}
        {organization.active ? null : <InactiveBadge />}
      </PageHeading>
      <FieldList
        fields={[
          ['Name', organization.name],
          ['Default rate', formatRate(organization.defaultRate)],
          ['Description', organization.description],
          ['Email domains', domains.length > 0 ? domains.join(', ') : null],
          ['Tier', tier?.name ?? null],
          ['Annual revenue', revenue === null ? null : `${revenue} ${options?.rapportCrmCurrency ?? ''}`.trim()],
          ['Account owner', accountOwner ? `${accountOwner.name} (@${accountOwner.username})` : null],
          ['State', organization.active ? 'Active' : 'Inactive'],
          ['Contacts', String(organization.contactCount)],
          ['Open issues', String(organization.openIssueCount)],
          ...billingFields(groupPath, organization),
          ['Created', <FormattedDate key="created" value={organization.createdAt} />],
          ['Updated', <FormattedDate key="updated" value={organization.updatedAt} />],
        ]}
      />
      <Section id="contacts" title={`Contacts (${contacts.count})`}>
        <OrganizationContacts contacts={contacts.nodes} total={contacts.count} groupPath={groupPath} />
      </Section>
      <Section id="issues" title={`Issues (${issues.count})`}>
        <LinkedIssues issues={issues.nodes} total={issues.count} noun="organization" />
      </Section>
      <Section id="activity" title="Recent activity">
        <RecentActivity entries={organization.rapportActivity} />
      </Section>
    </OrganizationEditorProvider>
  );
}
