'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { useStatus } from '../ui/status-region';
import { type GraphQLOutcome, useGraphQL } from '../ui/use-graphql';
import { errorsByField, useFocusFirstInvalid, withoutFieldError } from './field-errors';

/** A create or update mutation's payload: it may carry `errors`. */
type RecordPayload = { errors: readonly string[] };

/**
 * The saving half of a record form in the editor drawer: sends the mutation once at a time; refused,
 * its messages go to their fields and the first is focused (a field's message goes when the field
 * is edited); saved, the drawer closes, the outcome is announced and the page shows the new data.
 */
export function useRecordForm<Field extends string>(fieldPrefixes: readonly (readonly [prefix: string, field: Field])[], onDone: () => void) {
  const router = useRouter();
  const announce = useStatus();
  const { mutate } = useGraphQL();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string[]>>; form: string[] }>({ fields: {}, form: [] });
  const [busy, setBusy] = useState(false);

  const showErrors = (messages: readonly string[]) => {
    setErrors(errorsByField(messages, fieldPrefixes));
    focusFirstInvalid();
  };

  /** Takes a field's message away when the field is edited: the edit may well have fixed it. */
  const clearError = useCallback((field: Field) => setErrors((current) => withoutFieldError(current, field)), []);
  /** A field's setter that also clears its message. */
  const edited =
    <Value>(field: Field, set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      clearError(field);
    };

  /** Resolves to the saved payload, or null when the mutation was refused. */
  const save = async <Data extends Record<string, RecordPayload | null | undefined>>(
    send: (run: typeof mutate) => Promise<GraphQLOutcome<Data>>,
    savedMessage: string,
  ): Promise<NonNullable<Data[keyof Data]> | null> => {
    if (busy) return null;
    setBusy(true);
    const outcome = await send(mutate);
    const payload = outcome.data ? (Object.values(outcome.data)[0] as Data[keyof Data]) : null;
    const messages = [...outcome.errors, ...(payload?.errors ?? [])];
    setBusy(false);
    if (messages.length > 0 || !payload) {
      showErrors(messages.length > 0 ? messages : ['Something went wrong. Please try again.']);
      return null;
    }
    onDone();
    announce(savedMessage);
    router.refresh();
    return payload;
  };

  return { formRef, errors, busy, showErrors, clearError, edited, save };
}
