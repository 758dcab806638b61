'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useStatus } from '../ui/status-region';
import { type GraphQLOutcome, useGraphQL } from '../ui/use-graphql';
import { errorsByField, useFocusFirstInvalid } from './field-errors';

/** A create or update mutation's answer: its one field is the payload, which may carry `errors`. */
type RecordMutationOutcome = GraphQLOutcome<Record<string, { errors: readonly string[] } | null>>;

/**
 * The saving half of a record form in the editor drawer: sends the mutation once at a time; refused,
 * its messages go to their fields and the first is focused; saved, the drawer closes, the outcome
 * is announced and the page shows the new data.
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

  const save = async (send: (run: typeof mutate) => Promise<RecordMutationOutcome>, savedMessage: string) => {
    if (busy) return;
    setBusy(true);
    const outcome = await send(mutate);
    const payload = outcome.data ? Object.values(outcome.data)[0] : null;
    const messages = [...outcome.errors, ...(payload?.errors ?? [])];
    setBusy(false);
    if (messages.length > 0 || !payload) return showErrors(messages.length > 0 ? messages : ['Something went wrong. Please try again.']);
    onDone();
    announce(savedMessage);
    router.refresh();
  };

  return { formRef, errors, busy, showErrors, save };
}
