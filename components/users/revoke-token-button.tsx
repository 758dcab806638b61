'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useStatus } from '../ui/status-region';
import { buttonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { revokePersonalAccessTokenMutation } from './token-operations';

/** "Revoke" with a confirmation: the token stops working at once and leaves the list. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const announce = useStatus();
  const { mutate } = useGraphQL();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    const outcome = await mutate(revokePersonalAccessTokenMutation, { input: { id } });
    const messages = [...outcome.errors, ...(outcome.data?.personalAccessTokenRevoke?.errors ?? [])];
    setBusy(false);
    if (messages.length > 0 || !outcome.data?.personalAccessTokenRevoke) {
      setError(messages.join(' ') || 'Something went wrong. Please try again.');
      return;
    }
    setOpen(false);
    announce(`Revoked personal access token ${name}.`);
    router.refresh();
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        className={`${buttonClass} py-1`}
      >
        Revoke<span className="sr-only"> {name}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={`Revoke ${name}?`}
        confirmLabel="Revoke"
        busyLabel="Revoking…"
        busy={busy}
        error={error}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        Are you sure you want to revoke the token {name}? This action cannot be undone. Any tools that rely on this token will stop working.
      </ConfirmDialog>
    </>
  );
}
