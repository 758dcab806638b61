'use client';

import { type ReactNode, useId } from 'react';
import { focusRing } from './styles';
import { useModalDialog } from './use-modal-dialog';

/**
 * A side drawer (GitLab opens its CRM forms in one) built on the native modal <dialog>: the rest of
 * the page is inert while it is open, so focus stays inside; Escape closes it; focus goes back to
 * whatever opened it.
 */
export function Drawer({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const { dialogRef, onKeyDown } = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-full max-w-md overflow-y-auto border-l border-gray-300 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-gray-900/40"
    >
      {open ? (
        <div className="flex min-h-full flex-col">
          <div className="flex items-center justify-between gap-3 border-b border-gray-200 px-5 py-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className={`rounded-md px-2 py-1 text-sm text-gray-800 hover:bg-gray-100 ${focusRing}`}>
              Close<span className="sr-only"> {title}</span>
            </button>
          </div>
          <div className="flex-1 px-5 py-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
