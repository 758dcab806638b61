'use client';

import { type ReactNode, useId } from 'react';
import { buttonClass, dangerButtonClass } from './styles';
import { useModalDialog } from './use-modal-dialog';

/**
 * An accessible confirmation (role="alertdialog" on a native modal <dialog>): focus starts on
 * Cancel and stays inside, Escape cancels, focus returns to the button that opened it. Without
 * `onConfirm` it only explains (why something cannot be done) and its one button closes it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel = 'Deleting…',
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  /** What the confirm button says while the action runs. */
  busyLabel?: string;
  busy: boolean;
  error: string | null;
  onConfirm?: () => void;
  onCancel: () => void;
}) {
  const { dialogRef, onKeyDown } = useModalDialog(open);
  const titleId = useId();
  const descriptionId = useId();
  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-gray-300 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-gray-900/40"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={descriptionId} className="text-sm text-gray-800">
            {children}
          </div>
          {error ? (
            <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button data-autofocus type="button" onClick={onCancel} disabled={busy} className={buttonClass}>
              {onConfirm ? 'Cancel' : 'Close'}
            </button>
            {onConfirm ? (
              <button type="button" onClick={onConfirm} disabled={busy} className={dangerButtonClass}>
                {busy ? busyLabel : confirmLabel}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
