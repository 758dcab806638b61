'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { FieldMessages, describedBy } from '../ui/form-field';
import { buttonClass, inputClass, labelClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { updateCustomerRequestMutation } from './issue-operations';

/** A contact's request on an issue: marked important or not, and who asked, where, why. */
export interface CustomerRequestState {
  important: boolean;
  note: string | null;
}

export const maxRequestNoteLength = 255;

/**
 * Marks a linked contact's request important and edits its note, in a small form under the
 * contact's name (Developers and above, like adding contacts). Saving goes through
 * `rapportIssueCustomerRequestUpdate` and re-renders the page, so the hover card and the issue
 * lists show the change.
 */
export function CustomerRequestEditor({
  projectPath,
  iid,
  contactId,
  contactName,
  request,
}: {
  projectPath: string;
  iid: string;
  contactId: string;
  contactName: string;
  request: CustomerRequestState;
}) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const id = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [important, setImportant] = useState(request.important);
  const [note, setNote] = useState(request.note ?? '');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const close = () => {
    setOpen(false);
    setErrors([]);
    toggleRef.current?.focus();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await mutate(updateCustomerRequestMutation, { input: { projectPath, iid, contactId, important, note } });
    const problems = [...outcome.errors, ...(outcome.data?.rapportIssueCustomerRequestUpdate?.errors ?? [])];
    setBusy(false);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    close();
    router.refresh();
  };

  return (
    <div className="mt-1">
      <button
        ref={toggleRef}
        type="button"
        onClick={() => (open ? close() : setOpen(true))}
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        className="rounded-sm text-xs text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        Request<span className="sr-only"> of {contactName}: important, note</span>
      </button>
      {open ? (
        <form id={`${id}-form`} aria-label={`Request of ${contactName}`} onSubmit={(event) => void save(event)} className="mt-2 space-y-2">
          <div className="flex items-center gap-2">
            <input id={`${id}-important`} type="checkbox" checked={important} onChange={(event) => setImportant(event.target.checked)} className="size-4" />
            <label htmlFor={`${id}-important`} className="text-sm text-gray-900">
              Important request
            </label>
          </div>
          <div>
            <label htmlFor={`${id}-note`} className={labelClass}>
              Note
            </label>
            <textarea
              id={`${id}-note`}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              rows={2}
              aria-describedby={describedBy(`${id}-note`, errors, 'Who asked, where, why.')}
              aria-invalid={errors.length > 0 || undefined}
              className={`mt-1 ${inputClass}`}
            />
            <FieldMessages id={`${id}-note`} errors={errors} hint={`Who asked, where, why (at most ${maxRequestNoteLength} characters).`} />
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className={`${primaryButtonClass} px-2 py-1 text-xs`}>
              Save
            </button>
            <button type="button" onClick={close} className={`${buttonClass} px-2 py-1 text-xs`}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
