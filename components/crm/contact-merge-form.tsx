'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { fieldsToFill } from '@/lib/crm/contact-merge';
import { graphql } from '@/lib/graphql';
import { groupUrls, numericId } from '@/lib/routes';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { flashStatus } from '../ui/status-region';
import { primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { mergeContactsMutation } from './crm-operations';

export const contactMergeSideFragment = graphql(`
  fragment ContactMergeSide on CustomerRelationsContact {
    id firstName lastName email phone description active
    organization { id name }
  }
`);
type MergeSide = ResultOf<typeof contactMergeSideFragment>;

/** The rows compared side by side; the optional ones are those a merge may fill. */
const rows: { label: string; value: (contact: MergeSide) => string | null; fillable?: keyof MergeSide }[] = [
  { label: 'First name', value: (contact) => contact.firstName },
  { label: 'Last name', value: (contact) => contact.lastName },
  { label: 'Email', value: (contact) => contact.email, fillable: 'email' },
  { label: 'Phone', value: (contact) => contact.phone, fillable: 'phone' },
  { label: 'Organization', value: (contact) => contact.organization?.name ?? null, fillable: 'organization' },
  { label: 'Description', value: (contact) => contact.description, fillable: 'description' },
  { label: 'State', value: (contact) => (contact.active ? 'Active' : 'Inactive') },
];
const fillableFields = rows.flatMap((row) => (row.fillable ? [row.fillable] : []));

const fullName = (contact: MergeSide) => `${contact.firstName} ${contact.lastName}`;

/**
 * Two possible duplicates side by side: choose the contact to keep, see which of its empty fields
 * the other fills, and merge (the other's issues move to it and the other is deleted).
 */
export function ContactMergeForm({ groupPath, contacts }: { groupPath: string; contacts: [MergeSide, MergeSide] }) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const name = useId();
  const [keptIndex, setKeptIndex] = useState<0 | 1>(0);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kept = contacts[keptIndex];
  const other = contacts[keptIndex === 0 ? 1 : 0];
  const filled = new Set(fieldsToFill(kept, other, fillableFields));
  const filledLabels = rows.filter((row) => row.fillable && filled.has(row.fillable)).map((row) => row.label);

  const merge = async () => {
    setBusy(true);
    const outcome = await mutate(mergeContactsMutation, { input: { id: kept.id, duplicateId: other.id } });
    const payload = outcome.data?.rapportCustomerRelationsContactMerge;
    const messages = [...outcome.errors, ...(payload?.errors ?? [])];
    if (messages.length > 0 || !payload?.contact) {
      setBusy(false);
      setError(messages.join(' ') || 'Something went wrong. Please try again.');
      return;
    }
    flashStatus('Contacts have been merged.');
    router.push(groupUrls.contact(groupPath, payload.contact.id));
  };

  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">
        Merge {fullName(contacts[0])} and {fullName(contacts[1])}
      </legend>
      <div className="overflow-x-auto">
        <table className="w-full table-fixed text-left text-sm">
          <thead>
            <tr className="border-b border-gray-200">
              <th scope="col" className="w-28 px-2 py-2 font-semibold sm:w-36">
                <span className="sr-only">Field</span>
              </th>
              {contacts.map((contact, index) => (
                <th key={contact.id} scope="col" className="px-2 py-2 font-semibold">
                  <label className="flex items-start gap-2">
                    <input
                      type="radio"
                      name={name}
                      className="mt-1"
                      checked={keptIndex === index}
                      onChange={() => setKeptIndex(index === 0 ? 0 : 1)}
                    />
                    <span className="[overflow-wrap:anywhere]">
                      Keep {fullName(contact)} <span className="font-normal text-gray-700">#{numericId(contact.id)}</span>
                    </span>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-gray-100 align-top">
                <th scope="row" className="px-2 py-1.5 font-medium text-gray-700">
                  {row.label}
                </th>
                {contacts.map((contact, index) => {
                  const isFilled = index === keptIndex && row.fillable !== undefined && filled.has(row.fillable);
                  const value = isFilled ? row.value(other) : row.value(contact);
                  return (
                    <td key={contact.id} className={`px-2 py-1.5 [overflow-wrap:anywhere] ${isFilled ? 'bg-green-50 text-green-900' : 'text-gray-900'}`}>
                      {value ?? <span className="text-gray-700">None</span>}
                      {isFilled ? <span className="block text-xs">will be filled from #{numericId(other.id)}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-gray-800">
          {filledLabels.length > 0 ? `Fills ${filledLabels.join(', ').toLowerCase()} of ${fullName(kept)}. ` : 'No empty fields to fill. '}
          {fullName(other)} will be deleted.
        </p>
        <button
          type="button"
          className={primaryButtonClass}
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          Merge<span className="sr-only"> into {fullName(kept)}</span>
        </button>
      </div>
      <ConfirmDialog
        open={open}
        title="Merge contacts?"
        confirmLabel={`Merge into ${fullName(kept)}`}
        busyLabel="Merging…"
        busy={busy}
        error={error}
        onConfirm={merge}
        onCancel={() => setOpen(false)}
      >
        <p>
          {fullName(other)} (#{numericId(other.id)}) will be merged into {fullName(kept)} (#{numericId(kept.id)}): its issues move to{' '}
          {fullName(kept)}, each with a system note, and it is deleted. This cannot be undone.
        </p>
      </ConfirmDialog>
    </fieldset>
  );
}
