'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { flashStatus } from '../ui/status-region';
import { dangerButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { deleteContactMutation, deleteOrganizationMutation } from './crm-operations';

const kinds = {
  contact: { mutation: deleteContactMutation, field: 'customerRelationsContactDelete', done: 'Contact has been deleted.' },
  organization: { mutation: deleteOrganizationMutation, field: 'customerRelationsOrganizationDelete', done: 'Organization has been deleted.' },
} as const;

/**
 * "Delete contact" / "Delete organization" with a confirmation; on success the list it came from
 * opens and says what happened.
 */
export function DeleteRecordButton({
  kind,
  id,
  name,
  listPath,
  children,
  blockedReason,
}: {
  kind: keyof typeof kinds;
  /** Global ID. */
  id: string;
  name: string;
  listPath: string;
  /** What deleting means, shown in the dialog. */
  children: ReactNode;
  /** Why the record cannot be deleted now: the dialog says so and offers no Delete button. */
  blockedReason?: string;
}) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { mutation, field, done } = kinds[kind];

  const confirm = async () => {
    setBusy(true);
    const outcome = await mutate<Partial<Record<typeof field, { errors: string[] } | null>>, { input: { id: string } }>(mutation, { input: { id } });
    const messages = [...outcome.errors, ...(outcome.data?.[field]?.errors ?? [])];
    if (messages.length > 0 || !outcome.data?.[field]) {
      setBusy(false);
      setError(messages.join(' ') || 'Something went wrong. Please try again.');
      return;
    }
    flashStatus(done);
    router.push(listPath);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        className={dangerButtonClass}
      >
        Delete {kind}
      </button>
      <ConfirmDialog
        open={open}
        title={blockedReason ? `This ${kind} cannot be deleted` : `Delete ${kind}?`}
        confirmLabel={`Delete ${name}`}
        busy={busy}
        error={error}
        onConfirm={blockedReason ? undefined : confirm}
        onCancel={() => setOpen(false)}
      >
        {blockedReason ? <p>{blockedReason}</p> : children}
      </ConfirmDialog>
    </>
  );
}
