'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { groupUrls } from '@/lib/routes';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormErrors, TextField } from '../ui/form-field';
import { PageHeading } from '../ui/page-heading';
import { useStatus } from '../ui/status-region';
import { buttonClass, inputClass, linkClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import {
  assignContactsByDomainMutation,
  createCustomerTierMutation,
  deleteCustomerTierMutation,
  updateCrmCurrencyMutation,
  updateCustomerTierMutation,
} from './crm-operations';
import { Section } from './record-sections';
import { cell, ColumnHeader, RecordTable } from './record-table';

export const customerSettingsTierFragment = graphql(`
  fragment CustomerSettingsTier on RapportCustomerTier { id name position organizationCount }
`);
type Tier = ResultOf<typeof customerSettingsTierFragment>;

/** Runs a mutation whose payload has `errors`, and tells whether it was applied. */
function usePayloadMutation() {
  const { mutate } = useGraphQL();
  const router = useRouter();
  const announce = useStatus();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async <Data,>(call: (m: typeof mutate) => Promise<{ data: Data | null; errors: string[] }>, payloadErrors: (data: Data | null) => string[], done: string) => {
    setBusy(true);
    const outcome = await call(mutate);
    const messages = [...outcome.errors, ...payloadErrors(outcome.data)];
    setBusy(false);
    setErrors(messages);
    if (messages.length > 0) return { ok: false as const, data: outcome.data };
    announce(done);
    router.refresh();
    return { ok: true as const, data: outcome.data };
  };
  return { errors, busy, run, mutate };
}

function TierRow({ tier, count }: { tier: Tier; count: number }) {
  const id = useId();
  const [name, setName] = useState(tier.name);
  const [confirming, setConfirming] = useState(false);
  const { errors, busy, run } = usePayloadMutation();
  const update = (input: { name?: string; position?: number }, done: string) =>
    run((mutate) => mutate(updateCustomerTierMutation, { input: { id: tier.id, ...input } }), (data) => data?.rapportCustomerTierUpdate?.errors ?? [], done);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    await update({ name }, `Tier ${name} has been saved.`);
  };
  const remove = async () => {
    const outcome = await run(
      (mutate) => mutate(deleteCustomerTierMutation, { input: { id: tier.id } }),
      (data) => data?.rapportCustomerTierDelete?.errors ?? [],
      `Tier ${tier.name} has been deleted.`,
    );
    if (outcome.ok) setConfirming(false);
  };
  const organizations = tier.organizationCount === 1 ? '1 organization' : `${tier.organizationCount ?? 0} organizations`;
  return (
    <tr>
      <td className={`${cell} tabular-nums`}>{tier.position}</td>
      <td className={cell}>
        <form onSubmit={(event) => void rename(event)} className="flex flex-wrap items-center gap-2" aria-busy={busy}>
          <label htmlFor={`${id}-name`} className="sr-only">
            Name of tier {tier.position}
          </label>
          <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} className={`${inputClass} w-48`} />
          <button type="submit" disabled={busy || name === tier.name} className={buttonClass}>
            Rename<span className="sr-only"> {tier.name}</span>
          </button>
        </form>
        <FormErrors errors={errors} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>{organizations}</td>
      <td className={cell}>
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={busy || tier.position === 1} onClick={() => void update({ position: tier.position - 1 }, `${tier.name} moved up.`)} className={buttonClass}>
            Move up<span className="sr-only"> {tier.name}</span>
          </button>
          <button type="button" disabled={busy || tier.position === count} onClick={() => void update({ position: tier.position + 1 }, `${tier.name} moved down.`)} className={buttonClass}>
            Move down<span className="sr-only"> {tier.name}</span>
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(true)} className={buttonClass}>
            Delete<span className="sr-only"> {tier.name}</span>
          </button>
        </div>
        <ConfirmDialog
          open={confirming}
          title={`Delete tier ${tier.name}?`}
          confirmLabel="Delete tier"
          busy={busy}
          error={errors.length > 0 ? errors.join(' ') : null}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <p>The {organizations} with this tier will have no tier. The tiers below it move up.</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}

function TiersSection({ groupId, tiers }: { groupId: string; tiers: Tier[] }) {
  const id = useId();
  const [name, setName] = useState('');
  const { errors, busy, run } = usePayloadMutation();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run(
      (mutate) => mutate(createCustomerTierMutation, { input: { groupId, name } }),
      (data) => data?.rapportCustomerTierCreate?.errors ?? [],
      `Tier ${name.trim()} has been added.`,
    );
    if (outcome.ok) setName('');
  };
  return (
    <Section id="tiers" title="Customer tiers">
      <p className="mb-3 text-sm text-gray-700">Highest first. Organizations get a tier in their drawer; the list sorts and filters by it.</p>
      {tiers.length === 0 ? (
        <p className="mb-3 text-sm text-gray-700">No tiers yet.</p>
      ) : (
        <RecordTable
          label="Customer tiers table"
          caption="Customer tiers, highest first"
          headers={
            <>
              <ColumnHeader>Rank</ColumnHeader>
              <ColumnHeader>Name</ColumnHeader>
              <ColumnHeader>Organizations</ColumnHeader>
              <ColumnHeader>Actions</ColumnHeader>
            </>
          }
        >
          {tiers.map((tier) => (
            <TierRow key={`${tier.id}:${tier.name}:${tier.position}`} tier={tier} count={tiers.length} />
          ))}
        </RecordTable>
      )}
      <form onSubmit={(event) => void add(event)} className="mt-4 max-w-md space-y-3" aria-busy={busy}>
        <FormErrors errors={errors} />
        <TextField id={`${id}-new-tier`} label="New tier" value={name} onChange={setName} hint="Added as the lowest tier." />
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          Add tier
        </button>
      </form>
    </Section>
  );
}

function CurrencySection({ groupId, currency: saved }: { groupId: string; currency: string }) {
  const id = useId();
  const [currency, setCurrency] = useState(saved);
  const { errors, busy, run } = usePayloadMutation();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      (mutate) => mutate(updateCrmCurrencyMutation, { input: { groupId, currency } }),
      (data) => data?.rapportCrmCurrencyUpdate?.errors ?? [],
      'Currency has been saved.',
    );
  };
  return (
    <Section id="currency" title="Currency">
      <form onSubmit={(event) => void save(event)} className="max-w-md space-y-3" aria-busy={busy}>
        <FormErrors errors={errors} />
        <TextField id={`${id}-currency`} label="Currency of annual revenues" value={currency} onChange={setCurrency} hint="A three-letter ISO 4217 code, like USD or EUR." />
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          Save currency
        </button>
      </form>
    </Section>
  );
}

type Plan = NonNullable<ResultOf<typeof assignContactsByDomainMutation>['rapportContactsAssignByDomain']>;

function AssignByDomainSection({ groupId, groupPath }: { groupId: string; groupPath: string }) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const { errors, busy, run } = usePayloadMutation();
  const call = (dryRun: boolean, done: string) =>
    run((mutate) => mutate(assignContactsByDomainMutation, { input: { groupId, dryRun } }), (data) => data?.rapportContactsAssignByDomain?.errors ?? [], done);
  const preview = async () => {
    const outcome = await call(true, 'Preview ready.');
    setPlan(outcome.data?.rapportContactsAssignByDomain ?? null);
  };
  const apply = async () => {
    const outcome = await call(false, 'Contacts have been assigned to their organizations.');
    const applied = outcome.data?.rapportContactsAssignByDomain;
    if (outcome.ok && applied) setPlan(applied);
  };
  const name = (contact: Plan['assignments'][number]['contact']) => `${contact.firstName} ${contact.lastName}`;
  return (
    <Section id="assign-by-domain" title="Assign contacts by domain">
      <p className="mb-3 text-sm text-gray-700">
        Contacts without an organization whose email domain (or a parent domain) belongs to exactly one organization get that organization. Nothing
        changes until you apply the preview.
      </p>
      <FormErrors errors={errors} />
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void preview()} disabled={busy} className={buttonClass}>
          Preview
        </button>
        {plan?.dryRun && plan.assignments.length > 0 ? (
          <button type="button" onClick={() => void apply()} disabled={busy} className={primaryButtonClass}>
            Assign {plan.assignments.length === 1 ? '1 contact' : `${plan.assignments.length} contacts`}
          </button>
        ) : null}
      </div>
      {plan ? (
        <div className="mt-4 space-y-4" aria-live="polite">
          <p className="text-sm font-medium">
            {plan.dryRun ? 'Would assign' : 'Assigned'} {plan.assignments.length === 1 ? '1 contact' : `${plan.assignments.length} contacts`}.
          </p>
          {plan.assignments.length > 0 ? (
            <RecordTable
              label="Contacts assigned by domain"
              caption={plan.dryRun ? 'Contacts that would get an organization' : 'Contacts given an organization'}
              headers={
                <>
                  <ColumnHeader>Contact</ColumnHeader>
                  <ColumnHeader>Email</ColumnHeader>
                  <ColumnHeader>Organization</ColumnHeader>
                </>
              }
            >
              {plan.assignments.map(({ contact, organization }) => (
                <tr key={contact.id}>
                  <td className={cell}>
                    <Link href={groupUrls.contact(groupPath, contact.id)} className={linkClass}>
                      {name(contact)}
                    </Link>
                  </td>
                  <td className={cell}>{contact.email}</td>
                  <td className={cell}>{organization.name}</td>
                </tr>
              ))}
            </RecordTable>
          ) : null}
          {plan.ambiguous.length > 0 ? (
            <div>
              <h3 className="text-sm font-semibold">Left alone: the domain matches several organizations</h3>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {plan.ambiguous.map(({ contact, organizations }) => (
                  <li key={contact.id}>
                    {name(contact)} ({contact.email}): {organizations.map((organization) => organization.name).join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}

/** The CRM group's customer tiers, revenue currency and assigning contacts by domain (Maintainers, issue 15). */
export function CustomerSettings({ groupId, groupPath, currency, tiers }: { groupId: string; groupPath: string; currency: string; tiers: Tier[] }) {
  return (
    <>
      <PageHeading>Customer tiers and domains</PageHeading>
      <p className="mb-4 text-sm text-gray-700">
        Email domains are set on each organization, in its drawer on the{' '}
        <Link href={groupUrls.organizations(groupPath)} className={`${linkClass} underline`}>
          organizations list
        </Link>
        .
      </p>
      <TiersSection groupId={groupId} tiers={tiers} />
      <CurrencySection groupId={groupId} currency={currency} />
      <AssignByDomainSection groupId={groupId} groupPath={groupPath} />
    </>
  );
}
