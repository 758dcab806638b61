'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { parseRate } from '@/lib/crm/default-rate';
import { graphql } from '@/lib/graphql';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Drawer } from '../ui/drawer';
import { CheckboxField, FormActions, FormErrors, TextAreaField, TextField } from '../ui/form-field';
import { createOrganizationMutation, updateOrganizationMutation } from './crm-operations';
import { createRecordEditor } from './record-editor';
import type { OrganizationOption } from './organization-select';
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

/** A "New organization" drawer opened from another form (the contact's organization field). */
export function NewOrganizationDrawer({
  groupId,
  name,
  onCreated,
  onClose,
}: {
  groupId: string;
  /** Opens the drawer with this name; null keeps it closed. */
  name: string | null;
  onCreated: (organization: OrganizationOption) => void;
  onClose: () => void;
}) {
  return (
    <Drawer open={name !== null} title="New organization" onClose={onClose}>
      {name !== null ? <OrganizationForm groupId={groupId} organization={null} startName={name} onCreated={onCreated} onDone={onClose} /> : null}
    </Drawer>
  );
}

function OrganizationForm({
  groupId,
  organization,
  startName,
  onCreated,
  onDone,
}: {
  groupId: string;
  organization: OrganizationRecord | null;
  startName?: string;
  onCreated?: (organization: OrganizationOption) => void;
  onDone: () => void;
}) {
  const { formRef, errors, busy, showErrors, edited, save } = useRecordForm(fieldPrefixes, onDone);
  const id = useId();
  const [name, setName] = useState(organization?.name ?? startName ?? '');
  const [defaultRate, setDefaultRate] = useState(organization?.defaultRate == null ? '' : organization.defaultRate.toFixed(2));
  const [description, setDescription] = useState(organization?.description ?? '');
  const [active, setActive] = useState(organization?.active ?? true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const rate = parseRate(defaultRate);
    // Not sent at all: the API's Float would refuse it as a whole-request error, not a field message.
    if (!rate.ok) return showErrors([rate.message]);
    const fields = { name, defaultRate: rate.value, description };
    if (organization) {
      await save((mutate) => mutate(updateOrganizationMutation, { input: { id: organization.id, ...fields, active } }), 'Organization has been updated.');
      return;
    }
    const created = await save((mutate) => mutate(createOrganizationMutation, { input: { groupId, ...fields } }), 'Organization has been added.');
    if (created?.organization) onCreated?.(created.organization);
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4" aria-busy={busy}>
      <FormErrors errors={errors.form} />
      <TextField id={`${id}-name`} label="Name" value={name} onChange={edited('name', setName)} errors={errors.fields.name} required autoFocus />
      <TextField
        id={`${id}-default-rate`}
        label="Default rate"
        inputMode="decimal"
        value={defaultRate}
        onChange={edited('defaultRate', setDefaultRate)}
        errors={errors.fields.defaultRate}
        hint="Billing rate per hour, for example 120.00, with at most 2 decimal places. Leave empty for none."
      />
      <TextAreaField id={`${id}-description`} label="Description" value={description} onChange={edited('description', setDescription)} errors={errors.fields.description} />
      {organization ? <CheckboxField id={`${id}-active`} label="Active" checked={active} onChange={setActive} /> : null}
      <FormActions saveLabel={organization ? 'Save changes' : 'Save organization'} busy={busy} onCancel={onDone} />
    </form>
  );
}
