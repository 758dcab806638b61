'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorsByField, useFocusFirstInvalid } from '../crm/field-errors';
import { describedBy, FieldMessages, FormErrors, TextField } from '../ui/form-field';
import { useStatus } from '../ui/status-region';
import { fieldErrorClass, inputClass, labelClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { NewTokenPanel } from './new-token-panel';
import { createPersonalAccessTokenMutation } from './token-operations';

type Field = 'name' | 'scopes' | 'expiresAt';

const fieldPrefixes = [
  ['Name', 'name'],
  ['Scopes', 'scopes'],
  ['Expiration date', 'expiresAt'],
] as const;

const scopeChoices = [
  { value: 'api', label: 'api', hint: 'Read and write: the complete API, including mutations.' },
  { value: 'read_api', label: 'read_api', hint: 'Read-only: queries, no mutations.' },
] as const;

/** Dates in UTC (`YYYY-MM-DD`), computed by the server so that the page and its checks agree. */
export interface ExpiryLimits {
  defaultDate: string;
  minDate: string;
  maxDate: string;
}

/** Name, scopes and expiry of a new token; on success the token is shown once, above the form. */
export function PersonalAccessTokenForm({ expiry }: { expiry: ExpiryLimits }) {
  const router = useRouter();
  const announce = useStatus();
  const { mutate } = useGraphQL();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresAt, setExpiresAt] = useState(expiry.defaultDate);
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string[]>>; form: string[] }>({ fields: {}, form: [] });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await mutate(createPersonalAccessTokenMutation, { input: { name, scopes, expiresAt: expiresAt || null } });
    const payload = outcome.data?.personalAccessTokenCreate;
    const sorted = errorsByField([...outcome.errors, ...(payload?.errors ?? [])], fieldPrefixes);
    setBusy(false);
    setErrors(sorted);
    if (!payload?.token) {
      focusFirstInvalid();
      return;
    }
    setCreated({ name: name.trim(), token: payload.token });
    setName('');
    setScopes([]);
    setExpiresAt(expiry.defaultDate);
    announce('Your new personal access token has been created.');
    router.refresh();
  };

  const toggleScope = (scope: string, checked: boolean) => setScopes((current) => (checked ? [...current, scope] : current.filter((value) => value !== scope)));

  const scopesId = `${id}-scopes`;
  const expiryId = `${id}-expires-at`;
  const expiryHint = `At most 365 days from today (${expiry.maxDate}); the token stops working at the start of that day (UTC).`;
  return (
    <div className="space-y-6">
      {created ? <NewTokenPanel name={created.name} token={created.token} /> : null}
      <form ref={formRef} onSubmit={submit} noValidate className="max-w-xl space-y-5" aria-busy={busy} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Add a personal access token
        </h2>
        <FormErrors errors={errors.form} />
        <TextField id={`${id}-name`} label="Token name" value={name} onChange={setName} errors={errors.fields.name} required />
        <fieldset aria-describedby={errors.fields.scopes?.length ? `${scopesId}-error` : undefined}>
          <legend className={labelClass}>Select scopes</legend>
          <div className="mt-2 space-y-2">
            {scopeChoices.map((choice) => (
              <div key={choice.value} className="flex items-start gap-2">
                <input
                  id={`${scopesId}-${choice.value}`}
                  type="checkbox"
                  checked={scopes.includes(choice.value)}
                  onChange={(event) => toggleScope(choice.value, event.target.checked)}
                  aria-invalid={errors.fields.scopes?.length ? true : undefined}
                  aria-describedby={`${scopesId}-${choice.value}-hint`}
                  className="mt-0.5 h-4 w-4 rounded border-gray-500 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
                />
                <div>
                  <label htmlFor={`${scopesId}-${choice.value}`} className={`${labelClass} font-mono`}>
                    {choice.label}
                  </label>
                  <p id={`${scopesId}-${choice.value}-hint`} className="text-sm text-gray-700">
                    {choice.hint}
                  </p>
                </div>
              </div>
            ))}
          </div>
          {errors.fields.scopes?.length ? (
            <p id={`${scopesId}-error`} className={fieldErrorClass}>
              {errors.fields.scopes.join('. ')}
            </p>
          ) : null}
        </fieldset>
        <div>
          <label htmlFor={expiryId} className={labelClass}>
            Expiration date
          </label>
          <input
            id={expiryId}
            type="date"
            value={expiresAt}
            min={expiry.minDate}
            max={expiry.maxDate}
            onChange={(event) => setExpiresAt(event.target.value)}
            aria-invalid={errors.fields.expiresAt?.length ? true : undefined}
            aria-describedby={describedBy(expiryId, errors.fields.expiresAt, expiryHint)}
            className={`mt-1 ${inputClass} max-w-xs ${errors.fields.expiresAt?.length ? 'border-red-700' : ''}`}
          />
          <FieldMessages id={expiryId} errors={errors.fields.expiresAt} hint={expiryHint} />
        </div>
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
    </div>
  );
}
