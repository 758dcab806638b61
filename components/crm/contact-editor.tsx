'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { CheckboxField, FormActions, FormErrors, TextAreaField, TextField } from '../ui/form-field';
import { createContactMutation, updateContactMutation } from './crm-operations';
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

function ContactForm({ groupId, groupPath, contact, onDone }: { groupId: string; groupPath: string; contact: ContactRecord | null; onDone: () => void }) {
  const { formRef, errors, busy, save } = useRecordForm(fieldPrefixes, onDone);
  const id = useId();
  const [firstName, setFirstName] = useState(contact?.firstName ?? '');
  const [lastName, setLastName] = useState(contact?.lastName ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [organization, setOrganization] = useState<OrganizationOption | null>(contact?.organization ?? null);
  const [description, setDescription] = useState(contact?.description ?? '');
  const [active, setActive] = useState(contact?.active ?? true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { firstName, lastName, email, phone, description, organizationId: organization?.id ?? null };
    void save(
      (mutate) =>
        contact ? mutate(updateContactMutation, { input: { id: contact.id, ...fields, active } }) : mutate(createContactMutation, { input: { groupId, ...fields } }),
      contact ? 'Contact has been updated.' : 'Contact has been added.',
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-busy={busy}>
      <FormErrors errors={errors.form} />
      <TextField id={`${id}-first-name`} label="First name" value={firstName} onChange={setFirstName} errors={errors.fields.firstName} required autoFocus />
      <TextField id={`${id}-last-name`} label="Last name" value={lastName} onChange={setLastName} errors={errors.fields.lastName} required />
      <TextField id={`${id}-email`} label="Email (optional)" type="email" value={email} onChange={setEmail} errors={errors.fields.email} />
      <TextField id={`${id}-phone`} label="Phone" type="tel" value={phone} onChange={setPhone} errors={errors.fields.phone} />
      <OrganizationSelect id={`${id}-organization`} groupPath={groupPath} value={organization} onChange={setOrganization} errors={errors.fields.organizationId} />
      <TextAreaField id={`${id}-description`} label="Description" value={description} onChange={setDescription} errors={errors.fields.description} />
      {contact ? <CheckboxField id={`${id}-active`} label="Active" checked={active} onChange={setActive} hint="Inactive contacts cannot be added to issues." /> : null}
      <FormActions saveLabel={contact ? 'Save changes' : 'Save contact'} busy={busy} onCancel={onDone} />
    </form>
  );
}
