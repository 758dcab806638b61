'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { issueListHref } from '@/lib/issues/issue-list-url';
import { numericId } from '@/lib/routes';
import { ContactHoverCard } from '../crm/contact-hover-card';
import { NewContactDrawer, type NewContactStart } from '../crm/contact-editor';
import { FormErrors } from '../ui/form-field';
import { useTransientMessage } from '../ui/status-region';
import { buttonClass, focusRing } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { ContactPicker, contactName } from './contact-picker';
import { CustomerRequestEditor, type CustomerRequestState } from './customer-request-editor';
import { setIssueContactsMutation } from './issue-operations';

export const issueSidebarContactFragment = graphql(`
  fragment IssueSidebarContact on CustomerRelationsContact { id ...ContactCard }
`);
/** `id` is GitLab's global ID, e.g. `gid://gitlab/CustomerRelations::Contact/42`. */
export type IssueSidebarContact = ResultOf<typeof issueSidebarContactFragment>;

/** The picker's typed text as a new contact: an email address, or a first name and the rest as last name. */
export function newContactFrom(text: string): NewContactStart {
  const typed = text.trim();
  if (typed.includes('@')) return { email: typed };
  const [firstName = '', ...rest] = typed.split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

export function contactCountLabel(count: number): string {
  return count === 1 ? '1 contact' : `${count} contacts`;
}

/**
 * The issue sidebar's Contacts section; the page renders it only for people who may read issue
 * contacts. With `canEdit` (Developers) it adds the picker and a remove button per contact, both
 * going through `issueSetCrmContacts` (the same service as the quick actions); the page is then
 * re-rendered on the server, so the sidebar and the discussion's system note update together.
 */
export function IssueContactsSection({
  projectPath,
  iid,
  count,
  contacts,
  requests,
  canEdit,
  contactGroup,
}: {
  projectPath: string;
  iid: string;
  count: number;
  contacts: IssueSidebarContact[];
  /** Each linked contact's request, by the contact's global ID. */
  requests: ReadonlyMap<string, CustomerRequestState>;
  canEdit: boolean;
  /** The CRM group (global ID and path), for people who may also create its contacts. */
  contactGroup: { id: string; fullPath: string } | null;
}) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useTransientMessage<string>('');
  const [errors, setErrors] = useState<string[]>([]);
  const [newContact, setNewContact] = useState<NewContactStart | null>(null);

  const change = async (contact: { id: string; firstName: string; lastName: string }, operationMode: 'APPEND' | 'REMOVE') => {
    setBusy(true);
    setMessage('');
    setErrors([]);
    const outcome = await mutate(setIssueContactsMutation, {
      input: { projectPath, iid, contactIds: [contact.id], operationMode },
    });
    const problems = [...outcome.errors, ...(outcome.data?.issueSetCrmContacts?.errors ?? [])];
    setBusy(false);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setMessage(`${contactName(contact)} ${operationMode === 'APPEND' ? 'added' : 'removed'}.`);
    router.refresh();
  };

  const closePicker = () => {
    setEditing(false);
    editButtonRef.current?.focus();
  };

  const remove = async (contact: IssueSidebarContact) => {
    await change(contact, 'REMOVE');
    // The removed name's button is gone: keep the keyboard user in the section.
    editButtonRef.current?.focus();
  };

  return (
    <section aria-labelledby="issue-contacts-heading" data-testid="issue-contacts">
      <div className="flex items-center justify-between gap-2">
        <h2 id="issue-contacts-heading" className="text-sm font-semibold text-gray-900">
          Contacts
        </h2>
        {canEdit ? (
          <button
            ref={editButtonRef}
            type="button"
            onClick={() => (editing ? closePicker() : setEditing(true))}
            aria-expanded={editing}
            className={`${buttonClass} px-2 py-0.5 text-xs`}
          >
            Edit
          </button>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-gray-700" data-testid="issue-contacts-count">
        {contactCountLabel(count)}
      </p>
      {canEdit && editing ? (
        <ContactPicker
          projectPath={projectPath}
          iid={iid}
          linkedKey={contacts.map((contact) => contact.id).join(',')}
          busy={busy}
          onSelect={(contact) => void change(contact, 'APPEND')}
          onCreate={contactGroup ? (text) => setNewContact(newContactFrom(text)) : undefined}
          onClose={closePicker}
        />
      ) : null}
      {contactGroup ? (
        <NewContactDrawer
          groupId={contactGroup.id}
          groupPath={contactGroup.fullPath}
          start={newContact}
          onCreated={(contact) => void change(contact, 'APPEND')}
          onClose={() => setNewContact(null)}
        />
      ) : null}
      {contacts.length === 0 ? (
        <p className="mt-2 text-sm text-gray-700">To add active contacts, use /add_contacts.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {contacts.map((contact) => {
            const request = requests.get(contact.id) ?? { important: false, note: null };
            return (
              <li key={contact.id}>
                <div className="flex items-center justify-between gap-2">
                  <div className="flex min-w-0 flex-wrap items-center gap-1">
                    <ContactHoverCard
                      contact={contact}
                      request={request}
                      href={issueListHref(projectPath, { state: 'opened', crmContactId: numericId(contact.id) })}
                    />
                    {request.important ? (
                      <span data-testid="important-request" className="rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-900">
                        Important
                      </span>
                    ) : null}
                  </div>
                  {canEdit ? (
                    <button
                      type="button"
                      onClick={() => void remove(contact)}
                      disabled={busy}
                      aria-label={`Remove ${contactName(contact)}`}
                      className={`rounded-sm px-1.5 text-gray-700 hover:bg-gray-200 hover:text-gray-900 ${focusRing}`}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  ) : null}
                </div>
                {canEdit ? (
                  <CustomerRequestEditor
                    // A saved request re-renders the page: the form starts again from what was stored.
                    key={`${request.important}:${request.note ?? ''}`}
                    projectPath={projectPath}
                    iid={iid}
                    contactId={contact.id}
                    contactName={contactName(contact)}
                    request={request}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <FormErrors errors={errors} />
      <p role="status" className="mt-2 text-sm text-gray-700 empty:hidden">
        {message}
      </p>
    </section>
  );
}
