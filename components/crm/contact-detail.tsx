import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import Link from 'next/link';
import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { linkClass } from '../ui/styles';
import { ContactEditorProvider, EditContactButton } from './contact-editor';
import { InactiveBadge } from './contacts-table';
import { groupUrls } from '@/lib/routes';
import { DeleteRecordButton } from './delete-record-button';
import { formatRate } from './organizations-table';
import { Breadcrumbs, FieldList, LinkedIssues, RecentActivity, Section } from './record-sections';
import { EmailAddress } from '../ui/email-address';

/** The contact page lists up to 100 linked issues (its count says when there are more). */
export const contactDetailFragment = graphql(`
  fragment ContactDetail on CustomerRelationsContact {
    id firstName lastName email phone description active createdAt updatedAt
    organization { id name defaultRate active }
    issues(first: 100) { count nodes { ...LinkedIssueItem } }
    rapportActivity(first: 20) { ...ActivityItem }
  }
`);

export interface ContactDetailProps {
  groupId: string;
  groupPath: string;
  canEdit: boolean;
  canDelete: boolean;
  contact: ResultOf<typeof contactDetailFragment>;
}

export function ContactDetail({ groupId, groupPath, canEdit, canDelete, contact }: ContactDetailProps) {
  const fullName = `${contact.firstName} ${contact.lastName}`;
  const issues = contact.issues ?? { count: 0, nodes: [] };
  const { organization } = contact;
  const record = {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    description: contact.description,
    active: contact.active,
    organization: organization ? { id: organization.id, name: organization.name } : null,
  };
  return (
    <ContactEditorProvider groupId={groupId} groupPath={groupPath}>
      <Breadcrumbs items={[{ label: 'Contacts', href: groupUrls.contacts(groupPath) }, { label: fullName }]} />
      <PageHeading
        actions={
          canEdit || canDelete ? (
            <div className="flex gap-2">
              {canEdit ? <EditContactButton record={record} label={fullName} /> : null}
              {canDelete ? (
                <DeleteRecordButton kind="contact" id={contact.id} name={fullName} listPath={groupUrls.contacts(groupPath)}>
                  <p>
                    {fullName} will be deleted
                    {issues.count > 0 ? ` and removed from ${issues.count} ${issues.count === 1 ? 'issue' : 'issues'}` : ''}. This cannot be undone.
                  </p>
                </DeleteRecordButton>
              ) : null}
            </div>
          ) : null
        }
      >
        {fullName}
        {contact.active ? null : <InactiveBadge />}
      </PageHeading>
      <FieldList
        fields={[
          ['First name', contact.firstName],
          ['Last name', contact.lastName],
          [
            'Email',
            contact.email ? (
              <a href={`mailto:${contact.email}`} className={linkClass}>
                <EmailAddress email={contact.email} />
              </a>
            ) : null,
          ],
          ['Phone', contact.phone],
          [
            'Organization',
            organization ? (
              <>
                <Link href={groupUrls.organization(groupPath, organization.id)} className={linkClass}>
                  {organization.name}
                </Link>
                {organization.defaultRate !== null ? <span className="text-gray-700"> · rate {formatRate(organization.defaultRate)}</span> : null}
              </>
            ) : null,
          ],
          ['Description', contact.description],
          ['State', contact.active ? 'Active' : 'Inactive'],
          ['Created', <FormattedDate key="created" value={contact.createdAt} />],
          ['Updated', <FormattedDate key="updated" value={contact.updatedAt} />],
        ]}
      />
      <Section id="issues" title={`Issues (${issues.count})`}>
        <LinkedIssues issues={issues.nodes} total={issues.count} noun="contact" />
      </Section>
      <Section id="activity" title="Recent activity">
        <RecentActivity entries={contact.rapportActivity} />
      </Section>
    </ContactEditorProvider>
  );
}
