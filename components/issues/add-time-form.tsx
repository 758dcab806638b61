'use client';

import { type FormEvent, useId, useState } from 'react';
import { describedBy, FieldMessages, FormErrors } from '../ui/form-field';
import { buttonClass, inputClass, labelClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { createTimelogMutation } from './issue-operations';

const todayInUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Time spent (GitLab's duration grammar, e.g. `1h 30m`), the day it was spent (today by default;
 * noon UTC, as GitLab's `/spend` dates) and a summary, sent as `timelogCreate`. The server checks
 * everything; its messages are shown as they come.
 */
export function AddTimeForm({ issueId, onCancel, onAdded }: { issueId: string; onCancel: () => void; onAdded: () => void }) {
  const { mutate } = useGraphQL();
  const id = useId();
  const [timeSpent, setTimeSpent] = useState('');
  const [spentOn, setSpentOn] = useState(todayInUtc);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const hint = 'For example 1h 30m, 2d or 1w 2d 3h (1d = 8h, 1w = 5d).';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors([]);
    // Today means now, so a time logged today is never in the future; an earlier day means its noon.
    const spentAt = spentOn === '' || spentOn === todayInUtc() ? null : `${spentOn}T12:00:00Z`;
    const outcome = await mutate(createTimelogMutation, { input: { issuableId: issueId, timeSpent, spentAt, summary } });
    const problems = [...outcome.errors, ...(outcome.data?.timelogCreate?.errors ?? [])];
    setBusy(false);
    if (problems.length > 0) setErrors(problems);
    else onAdded();
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormErrors errors={errors} />
      <div>
        <label htmlFor={`${id}-spent`} className={labelClass}>
          Time spent
        </label>
        <input
          id={`${id}-spent`}
          data-autofocus
          required
          value={timeSpent}
          onChange={(event) => setTimeSpent(event.target.value)}
          aria-describedby={describedBy(`${id}-spent`, undefined, hint)}
          className={`mt-1 ${inputClass}`}
        />
        <FieldMessages id={`${id}-spent`} hint={hint} />
      </div>
      <div>
        <label htmlFor={`${id}-date`} className={labelClass}>
          Spent on
        </label>
        <input id={`${id}-date`} type="date" max={todayInUtc()} value={spentOn} onChange={(event) => setSpentOn(event.target.value)} className={`mt-1 ${inputClass}`} />
      </div>
      <div>
        <label htmlFor={`${id}-summary`} className={labelClass}>
          Summary
        </label>
        <input id={`${id}-summary`} maxLength={255} value={summary} onChange={(event) => setSummary(event.target.value)} className={`mt-1 ${inputClass}`} />
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} disabled={busy} className={buttonClass}>
          Cancel
        </button>
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
