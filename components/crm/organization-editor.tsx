'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { parseRate } from '@/lib/crm/default-rate';
import { splitDomains } from '@/lib/crm/domains';
import { graphql } from '@/lib/graphql';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Drawer } from '../ui/drawer';
import { CheckboxField, FormActions, FormErrors, SelectField, TextAreaField, TextField } from '../ui/form-field';
import { createOrganizationMutation, updateOrganizationMutation } from './crm-operations';
import { createRecordEditor } from './record-editor';
import type { OrganizationOption } from './organization-select';
import { useRecordForm } from './use-record-form';

export const organizationRecordFragment = graphql(`
  fragment OrganizationRecord on CustomerRelationsOrganization {
    id name defaultRate description active domains annualRevenue tier { id } accountOwner { id }
  }
`);
export type OrganizationRecord = ResultOf<typeof organizationRecordFragment>;

/**
 * What the drawer offers for the Rapport-only attributes (issue 15): the group's tiers, its members
 * (account owners) and its currency. Without them (the drawer opened from a contact's form) those
 * fields are left out and left as they are.
 */
export const organizationAttributeOptionsFragment = graphql(`
  fragment OrganizationAttributeOptions on Group {
    rapportCrmCurrency
    rapportCustomerTiers { id name }
    rapportCrmMembers { id name username }
  }
`);
export type OrganizationAttributeOptions = ResultOf<typeof organizationAttributeOptionsFragment>;

type OrganizationField = 'name' | 'defaultRate' | 'description' | 'domains' | 'tierId' | 'annualRevenue' | 'accountOwnerId';

const fieldPrefixes = [
  ['Name', 'name'],
  ['Default rate', 'defaultRate'],
  ['Description', 'description'],
  ['Domain', 'domains'],
  ['Tier', 'tierId'],
  ['Annual revenue', 'annualRevenue'],
  ['Account owner', 'accountOwnerId'],
] as const satisfies readonly (readonly [string, OrganizationField])[];

const editor = createRecordEditor<OrganizationRecord>('organization');
export const NewOrganizationButton = editor.NewButton;
export const EditOrganizationButton = editor.EditButton;

export function OrganizationEditorProvider({
  groupId,
  options,
  children,
}: {
  groupId: string;
  options?: OrganizationAttributeOptions | null;
  children: ReactNode;
}) {
  return (
    <editor.EditorProvider
      renderForm={(organization, close) => (
        <OrganizationForm key={organization?.id ?? 'new'} groupId={groupId} organization={organization} options={options ?? null} onDone={close} />
      )}
    >
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
      {name !== null ? <OrganizationForm groupId={groupId} organization={null} options={null} startName={name} onCreated={onCreated} onDone={onClose} /> : null}
    </Drawer>
  );
}

function OrganizationForm({
  groupId,
  organization,
  options,
  startName,
  onCreated,
  onDone,
}: {
  groupId: string;
  organization: OrganizationRecord | null;
  options: OrganizationAttributeOptions | null;
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
  const [domains, setDomains] = useState(organization?.domains.join(', ') ?? '');
  const [tierId, setTierId] = useState(organization?.tier?.id ?? '');
  const [annualRevenue, setAnnualRevenue] = useState(organization?.annualRevenue == null ? '' : organization.annualRevenue.toFixed(2));
  const [accountOwnerId, setAccountOwnerId] = useState(organization?.accountOwner?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const rate = parseRate(defaultRate);
    const revenue = parseRate(annualRevenue, 'Annual revenue');
    // Not sent at all: the API's Float would refuse it as a whole-request error, not a field message.
    const unreadable = [rate, revenue].flatMap((parsed) => (parsed.ok ? [] : [parsed.message]));
    if (unreadable.length > 0 || !rate.ok || !revenue.ok) return showErrors(unreadable);
    const attributes = options
      ? { domains: splitDomains(domains), tierId: tierId || null, annualRevenue: revenue.value, accountOwnerId: accountOwnerId || null }
      : {};
    const fields = { name, defaultRate: rate.value, description, ...attributes };
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
      {options ? (
        <>
          <TextField
            id={`${id}-domains`}
            label="Email domains"
            value={domains}
            onChange={edited('domains', setDomains)}
            errors={errors.fields.domains}
            hint="Separated by commas or spaces, for example acme.com, acme.io. A new contact without an organization whose email is at one of them (or a subdomain) joins this organization."
          />
          <SelectField
            id={`${id}-tier`}
            label="Tier"
            value={tierId}
            onChange={edited('tierId', setTierId)}
            errors={errors.fields.tierId}
            options={[{ value: '', label: 'No tier' }, ...options.rapportCustomerTiers.map((tier) => ({ value: tier.id, label: tier.name }))]}
          />
          <TextField
            id={`${id}-annual-revenue`}
            label={`Annual revenue (${options.rapportCrmCurrency ?? 'USD'})`}
            inputMode="decimal"
            value={annualRevenue}
            onChange={edited('annualRevenue', setAnnualRevenue)}
            errors={errors.fields.annualRevenue}
            hint="For example 1250000.00, with at most 2 decimal places. Leave empty for none."
          />
          <SelectField
            id={`${id}-account-owner`}
            label="Account owner"
            value={accountOwnerId}
            onChange={edited('accountOwnerId', setAccountOwnerId)}
            errors={errors.fields.accountOwnerId}
            options={[
              { value: '', label: 'No account owner' },
              ...options.rapportCrmMembers.map((member) => ({ value: member.id, label: `${member.name} (@${member.username})` })),
            ]}
          />
        </>
      ) : null}
      {organization ? <CheckboxField id={`${id}-active`} label="Active" checked={active} onChange={setActive} /> : null}
      <FormActions saveLabel={organization ? 'Save changes' : 'Save organization'} busy={busy} onCancel={onDone} />
    </form>
  );
}
