import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * Sorts a payload's messages ("First name can't be blank") to the field they name; anything else is
 * a form-level message. The prefixes are the API's Rails-style field names.
 */
export function errorsByField<Field extends string>(
  messages: readonly string[],
  prefixes: readonly (readonly [prefix: string, field: Field])[],
): { fields: Partial<Record<Field, string[]>>; form: string[] } {
  const fields: Partial<Record<Field, string[]>> = {};
  const form: string[] = [];
  for (const message of messages) {
    const match = prefixes.find(([prefix]) => message.startsWith(`${prefix} `));
    if (match) (fields[match[1]] ??= []).push(message);
    else form.push(message);
  }
  return { fields, form };
}

/** The messages without `field`'s: editing a field takes its message away, as the edit may have fixed it. */
export function withoutFieldError<Field extends string, Errors extends { fields: Partial<Record<Field, string[]>> }>(errors: Errors, field: Field): Errors {
  return errors.fields[field] ? { ...errors, fields: { ...errors.fields, [field]: undefined } } : errors;
}

/** Moves focus to the first field with a message, so its message is read out with it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * After a refused submit, moves focus to the first field with a message (so its message is read out
 * with it), once the messages are on screen.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) focusFirstInvalid(formRef.current);
  }, [request, formRef]);
  return useCallback(() => setRequest((count) => count + 1), []);
}
