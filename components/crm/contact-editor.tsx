'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import { type FormEvent, type ReactNode, useCallback, useId, useState } from 'react';
import { Drawer } from '../ui/drawer';
import { CheckboxField, FormActions, FormErrors, TextAreaField, TextField } from '../ui/form-field';
import { createContactMutation, updateContactMutation } from './crm-operations';
import { NewOrganizationDrawer } from './organization-editor';
import { createRecordEditor } from './record-editor';
import { useRecordForm } from './use-record-form';
import { type OrganizationOption, OrganizationSelect } from './organization-select';

export const contactRecordFragment = graphql(`
  fragment ContactRecord on CustomerRelationsContact {
    id firstName lastName email phone description active
    organization { ...OrganizationOption }
  }
`);
/** What the form edits: a row of the list or the contact page, as the API returned it. */
export type ContactRecord = ResultOf<typeof contactRecordFragment>;

/** What a new contact starts with when it is created from elsewhere (the issue sidebar's picker). */
export interface NewContactStart {
  firstName?: string;
  lastName?: string;
  email?: string;
}

/** The contact the form has just created. */
export interface CreatedContact {
  id: string;
  firstName: string;
  lastName: string;
}

type ContactField = 'firstName' | 'lastName' | 'email' | 'phone' | 'organizationId' | 'description';

const fieldPrefixes = [
  ['First name', 'firstName'],
  ['Last name', 'lastName'],
  ['Email', 'email'],
  ['Phone', 'phone'],
  ['Description', 'description'],
  ['Organization', 'organizationId'],
  ['The specified organization', 'organizationId'],
] as const satisfies readonly (readonly [string, ContactField])[];

const editor = createRecordEditor<ContactRecord>('contact');
export const NewContactButton = editor.NewButton;
export const EditContactButton = editor.EditButton;

/** The contact drawer of a page; `groupId` is the CRM group's global ID. */
export function ContactEditorProvider({ groupId, groupPath, children }: { groupId: string; groupPath: string; children: ReactNode }) {
  return (
    <editor.EditorProvider renderForm={(contact, close) => <ContactForm key={contact?.id ?? 'new'} groupId={groupId} groupPath={groupPath} contact={contact} onDone={close} />}>
      {children}
    </editor.EditorProvider>
  );
}

/** A "New contact" drawer opened from outside the contact pages; `onCreated` gets the new contact. */
export function NewContactDrawer({
  groupId,
  groupPath,
  start,
  onCreated,
  onClose,
}: {
  groupId: string;
  groupPath: string;
  /** Opens the drawer with these values; null keeps it closed. */
  start: NewContactStart | null;
  onCreated: (contact: CreatedContact) => void;
  onClose: () => void;
}) {
  return (
    <Drawer open={start !== null} title="New contact" onClose={onClose}>
      {start ? <ContactForm groupId={groupId} groupPath={groupPath} contact={null} start={start} onCreated={onCreated} onDone={onClose} /> : null}
    </Drawer>
  );
}

function ContactForm({
  groupId,
  groupPath,
  contact,
  start,
  onCreated,
  onDone,
}: {
  groupId: string;
  groupPath: string;
  contact: ContactRecord | null;
  start?: NewContactStart;
  onCreated?: (contact: CreatedContact) => void;
  onDone: () => void;
}) {
  const { formRef, errors, busy, clearError, edited, save } = useRecordForm(fieldPrefixes, onDone);
  const id = useId();
  const [firstName, setFirstName] = useState(contact?.firstName ?? start?.firstName ?? '');
  const [lastName, setLastName] = useState(contact?.lastName ?? start?.lastName ?? '');
  const [email, setEmail] = useState(contact?.email ?? start?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [organization, setOrganization] = useState<OrganizationOption | null>(contact?.organization ?? null);
  const [description, setDescription] = useState(contact?.description ?? '');
  const [active, setActive] = useState(contact?.active ?? true);
  // The name typed in the organization field, while its "New organization" drawer is open.
  const [newOrganizationName, setNewOrganizationName] = useState<string | null>(null);
  // Stable: the organization field's search waits on it.
  const chooseOrganization = useCallback(
    (chosen: OrganizationOption | null) => {
      setOrganization(chosen);
      clearError('organizationId');
    },
    [clearError],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { firstName, lastName, email, phone, description, organizationId: organization?.id ?? null };
    if (contact) {
      await save((mutate) => mutate(updateContactMutation, { input: { id: contact.id, ...fields, active } }), 'Contact has been updated.');
      return;
    }
    const created = await save((mutate) => mutate(createContactMutation, { input: { groupId, ...fields } }), 'Contact has been added.');
    if (created?.contact) onCreated?.(created.contact);
  };

  return (
    <>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4" aria-busy={busy}>
        <FormErrors errors={errors.form} />
        <TextField
          id={`${id}-first-name`}
          label="First name"
          value={firstName}
          onChange={edited('firstName', setFirstName)}
          errors={errors.fields.firstName}
          required
          autoFocus
        />
        <TextField id={`${id}-last-name`} label="Last name" value={lastName} onChange={edited('lastName', setLastName)} errors={errors.fields.lastName} required />
        <TextField id={`${id}-email`} label="Email (optional)" type="email" value={email} onChange={edited('email', setEmail)} errors={errors.fields.email} />
        <TextField id={`${id}-phone`} label="Phone" type="tel" value={phone} onChange={edited('phone', setPhone)} errors={errors.fields.phone} />
        <OrganizationSelect
          id={`${id}-organization`}
          groupPath={groupPath}
          value={organization}
          onChange={chooseOrganization}
          onCreate={setNewOrganizationName}
          errors={errors.fields.organizationId}
        />
        <TextAreaField id={`${id}-description`} label="Description" value={description} onChange={edited('description', setDescription)} errors={errors.fields.description} />
        {contact ? <CheckboxField id={`${id}-active`} label="Active" checked={active} onChange={setActive} hint="Inactive contacts cannot be added to issues." /> : null}
        <FormActions saveLabel={contact ? 'Save changes' : 'Save contact'} busy={busy} onCancel={onDone} />
      </form>
      <NewOrganizationDrawer
        groupId={groupId}
        name={newOrganizationName}
        onCreated={chooseOrganization}
        onClose={() => setNewOrganizationName(null)}
      />
    </>
  );
}
