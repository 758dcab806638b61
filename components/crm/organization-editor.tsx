'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { parseRate } from '@/lib/crm/default-rate';
import { graphql } from '@/lib/graphql';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { CheckboxField, FormActions, FormErrors, TextAreaField, TextField } from '../ui/form-field';
import { createOrganizationMutation, updateOrganizationMutation } from './crm-operations';
import { createRecordEditor } from './record-editor';
import { useRecordForm } from './use-record-form';

export const organizationRecordFragment = graphql(`
  fragment OrganizationRecord on CustomerRelationsOrganization { id name defaultRate description active }
`);
export type OrganizationRecord = ResultOf<typeof organizationRecordFragment>;

type OrganizationField = 'name' | 'defaultRate' | 'description';

const fieldPrefixes = [
  ['Name', 'name'],
  ['Default rate', 'defaultRate'],
  ['Description', 'description'],
] as const satisfies readonly (readonly [string, OrganizationField])[];

const editor = createRecordEditor<OrganizationRecord>('organization');
export const NewOrganizationButton = editor.NewButton;
export const EditOrganizationButton = editor.EditButton;

export function OrganizationEditorProvider({ groupId, children }: { groupId: string; children: ReactNode }) {
  return (
    <editor.EditorProvider renderForm={(organization, close) => <OrganizationForm key={organization?.id ?? 'new'} groupId={groupId} organization={organization} onDone={close} />}>
      {children}
    </editor.EditorProvider>
  );
}

function OrganizationForm({ groupId, organization, onDone }: { groupId: string; organization: OrganizationRecord | null; onDone: () => void }) {
  const { formRef, errors, busy, showErrors, save } = useRecordForm(fieldPrefixes, onDone);
  const id = useId();
  const [name, setName] = useState(organization?.name ?? '');
  const [defaultRate, setDefaultRate] = useState(organization?.defaultRate == null ? '' : organization.defaultRate.toFixed(2));
  const [description, setDescription] = useState(organization?.description ?? '');
  const [active, setActive] = useState(organization?.active ?? true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const rate = parseRate(defaultRate);
    // Not sent at all: the API's Float would refuse it as a whole-request error, not a field message.
    if (!rate.ok) return showErrors([rate.message]);
    const fields = { name, defaultRate: rate.value, description };
    void save(
      (mutate) =>
        organization
          ? mutate(updateOrganizationMutation, { input: { id: organization.id, ...fields, active } })
          : mutate(createOrganizationMutation, { input: { groupId, ...fields } }),
      organization ? 'Organization has been updated.' : 'Organization has been added.',
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-busy={busy}>
      <FormErrors errors={errors.form} />
      <TextField id={`${id}-name`} label="Name" value={name} onChange={setName} errors={errors.fields.name} required autoFocus />
      <TextField
        id={`${id}-default-rate`}
        label="Default rate"
        inputMode="decimal"
        value={defaultRate}
        onChange={setDefaultRate}
        errors={errors.fields.defaultRate}
        hint="Billing rate per hour, for example 120.00. Leave empty for none."
      />
      <TextAreaField id={`${id}-description`} label="Description" value={description} onChange={setDescription} errors={errors.fields.description} />
      {organization ? <CheckboxField id={`${id}-active`} label="Active" checked={active} onChange={setActive} /> : null}
      <FormActions saveLabel={organization ? 'Save changes' : 'Save organization'} busy={busy} onCancel={onDone} />
    </form>
  );
}
