'use client';

import Link from 'next/link';
import { projectUrls } from '@/lib/routes';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { errorsByField, useFocusFirstInvalid, withoutFieldError } from '../crm/field-errors';
import { FormErrors, TextAreaField, TextField } from '../ui/form-field';
import { buttonClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { createIssueMutation } from './issue-operations';
import { TextHint } from './quick-actions-hint';

type IssueField = 'title' | 'description';

/**
 * The payload's messages are the Rails-style "Title …" / "Description …" ones, or come from the
 * description's quick actions: everything that is not about the title belongs to the description.
 */
const fieldPrefixes = [['Title', 'title']] as const satisfies readonly (readonly [string, IssueField])[];

export function NewIssueForm({ projectPath, quickActions }: { projectPath: string; quickActions: boolean }) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ fields: Partial<Record<IssueField, string[]>>; form: string[] }>({ fields: {}, form: [] });
  const [busy, setBusy] = useState(false);

  /** A field's setter that also clears its message. */
  const edited = (field: IssueField, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((current) => withoutFieldError(current, field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await mutate(createIssueMutation, { input: { projectPath, title, description: description || null } });
    const payload = outcome.data?.createIssue ?? null;
    const iid = payload?.issue?.iid;
    if (outcome.errors.length === 0 && payload && payload.errors.length === 0 && iid) {
      router.push(projectUrls.issue(projectPath, iid));
      return;
    }
    setBusy(false);
    const sorted = errorsByField(payload?.errors ?? [], fieldPrefixes);
    setErrors({
      fields: { title: sorted.fields.title, description: sorted.form.length > 0 ? sorted.form : undefined },
      form: outcome.errors.length > 0 || payload ? outcome.errors : ['Something went wrong. Please try again.'],
    });
    focusFirstInvalid();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-busy={busy}>
      <FormErrors errors={errors.form} />
      <TextField id="issue-title" label="Title" value={title} onChange={edited('title', setTitle)} errors={errors.fields.title} required />
      <TextAreaField id="issue-description" label="Description" value={description} onChange={edited('description', setDescription)} errors={errors.fields.description} hint={<TextHint quickActions={quickActions} />} />
      <div className="flex gap-2 border-t border-gray-200 pt-4">
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? 'Creating…' : 'Create issue'}
        </button>
        <Link href={projectUrls.issues(projectPath)} className={buttonClass}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
