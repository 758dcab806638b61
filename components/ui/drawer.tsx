'use client';

import { type ReactNode, type SyntheticEvent, useId, useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { focusRing } from './styles';
import { useModalDialog } from './use-modal-dialog';

/**
 * A side drawer (GitLab opens its CRM forms in one) built on the native modal <dialog>: the rest of
 * the page is inert while it is open, so focus stays inside; Escape closes it; focus goes back to
 * whatever opened it. Once something in it has been edited, Escape and Close ask before the
 * changes are discarded.
 */
export function Drawer({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const { dialogRef, onKeyDown } = useModalDialog(open);
  const titleId = useId();
  const [changed, setChanged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Every opening starts unchanged.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    setChanged(false);
    setConfirming(false);
  }
  const requestClose = () => (changed ? setConfirming(true) : onClose());
  // Events of a dialog opened from inside this one (a nested drawer, the confirmation) are its own.
  const ownEvent = (event: SyntheticEvent) => (event.target as Element).closest('dialog') === event.currentTarget;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (ownEvent(event)) onKeyDown(event);
      }}
      onCancel={(event) => {
        if (!ownEvent(event)) return;
        event.preventDefault();
        requestClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-md overflow-y-auto border-l border-gray-300 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-gray-900/40"
    >
      {open ? (
        <div className="flex min-h-full flex-col" onInput={() => setChanged(true)}>
          <div className="flex items-center justify-between gap-3 border-b border-gray-200 px-5 py-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={requestClose} className={`rounded-md px-2 py-1 text-sm text-gray-800 hover:bg-gray-100 ${focusRing}`}>
              Close<span className="sr-only"> {title}</span>
            </button>
          </div>
          <div className="flex-1 px-5 py-4">{children}</div>
          <ConfirmDialog
            open={confirming}
            title="Discard changes?"
            confirmLabel="Discard changes"
            busy={false}
            error={null}
            onConfirm={onClose}
            onCancel={() => setConfirming(false)}
          >
            <p>Your changes have not been saved and will be lost.</p>
          </ConfirmDialog>
        </div>
      ) : null}
    </dialog>
  );
}
