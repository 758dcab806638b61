'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { FormErrors } from '../ui/form-field';
import { useTransientMessage } from '../ui/status-region';
import { inputClass, labelClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { type ContactAutocompleteSource, useContactAutocomplete } from './contact-autocomplete';
import { createNoteMutation } from './issue-operations';
import { TextHint } from './quick-actions-hint';

const noMessages: readonly string[] = [];

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

/**
 * The comment box: posts `createNote`, which also runs `/add_contacts` and `/remove_contacts`. The
 * quick actions' result is announced; the discussion and the sidebar are re-rendered on the server
 * (router.refresh), so they show exactly what was stored.
 */
export function CommentForm({ issueId, contactSource }: { issueId: string; contactSource: ContactAutocompleteSource | null }) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useTransientMessage<readonly string[]>(noMessages);
  const [errors, setErrors] = useState<string[]>([]);
  const autocomplete = useContactAutocomplete({ source: contactSource, inputId: 'comment-body', setText: setBody });

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (body.trim() === '') {
      setMessages([]);
      setErrors(["Comment can't be blank"]);
      autocomplete.focus();
      return;
    }
    setBusy(true);
    setMessages([]);
    setErrors([]);
    const outcome = await mutate(createNoteMutation, { input: { noteableId: issueId, body } });
    const payload = outcome.data?.createNote ?? null;
    const status = payload?.quickActionsStatus;
    const problems = unique([...outcome.errors, ...(payload?.errors ?? []), ...(status?.errorMessages ?? [])]);
    setBusy(false);
    if (problems.length > 0 || !payload) {
      // Nothing was stored: the text stays for the user to correct.
      setErrors(problems.length > 0 ? problems : ['Something went wrong. Please try again.']);
      autocomplete.focus();
      return;
    }
    setBody('');
    setMessages(status?.messages ?? []);
    router.refresh();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl+Enter / Cmd+Enter sends, as in GitLab.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
  };

  const followCaret = (textarea: HTMLTextAreaElement) => autocomplete.update(textarea.value, textarea.selectionStart);

  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-2" aria-busy={busy}>
      <label htmlFor="comment-body" className={labelClass}>
        Comment
      </label>
      <textarea
        rows={4}
        {...autocomplete.textareaProps({
          value: body,
          onChange: (event) => {
            setBody(event.currentTarget.value);
            followCaret(event.currentTarget);
          },
          onKeyDown,
          onClick: (event) => followCaret(event.currentTarget),
          onKeyUp: (event) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) followCaret(event.currentTarget);
          },
          onBlur: () => autocomplete.update('', 0),
          'aria-invalid': errors.length > 0 ? true : undefined,
          'aria-describedby': 'comment-body-hint',
        })}
        placeholder="Write a comment…"
        className={`${inputClass} ${errors.length > 0 ? 'border-red-700' : ''}`}
      />
      {autocomplete.listbox}
      <p id="comment-body-hint" className="text-sm text-gray-700">
        <TextHint quickActions={contactSource !== null} />
      </p>
      <FormErrors errors={errors} />
      <div role="status" className="empty:hidden">
        {messages.length > 0 ? (
          <div className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
            {messages.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
      </div>
      <button type="submit" disabled={busy} className={primaryButtonClass}>
        {busy ? 'Commenting…' : 'Comment'}
      </button>
    </form>
  );
}
