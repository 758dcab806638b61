'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useId, useRef, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { ComboboxListbox, useCombobox } from '../ui/combobox';
import { FormErrors } from '../ui/form-field';
import { inputClass, labelClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { contactCandidatesQuery } from './issue-operations';

/** How long the picker waits after the last keystroke before it searches. */
const searchDelay = 250;

/** What the picker shows of a contact that may be added to the issue. */
export const contactCandidateFragment = graphql(`
  fragment ContactCandidate on CustomerRelationsContact {
    ...SuggestedContact
    organization { name }
  }
`);
type ContactCandidate = ResultOf<typeof contactCandidateFragment>;

export function contactName(contact: { firstName: string; lastName: string }): string {
  return `${contact.firstName} ${contact.lastName}`;
}

/** What the list offers: a contact to add, or creating one from the typed text. */
type Choice = { kind: 'contact'; contact: ContactCandidate } | { kind: 'create'; text: string };

/**
 * The sidebar's searchable list of contacts to add (a combobox: type to search, arrow keys move,
 * Enter adds, Escape closes). The server does the searching: active contacts of the issue's CRM group
 * that are not on the issue yet. `linkedKey` changes whenever the issue's contacts change, which
 * searches again so an added contact leaves the list.
 */
export function ContactPicker({
  projectPath,
  iid,
  linkedKey,
  busy,
  onSelect,
  onCreate,
  onClose,
}: {
  projectPath: string;
  iid: string;
  linkedKey: string;
  busy: boolean;
  onSelect: (contact: ContactCandidate) => void;
  /** For people who may create contacts: offered for typed text that finds no contact to add. */
  onCreate?: (text: string) => void;
  onClose: () => void;
}) {
  const { query } = useGraphQL();
  const id = useId();
  const inputId = `${id}-search`;
  const latestRequest = useRef(0);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<{ search: string; contacts: ContactCandidate[] } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const outcome = await query(contactCandidatesQuery, { projectPath, iid, search: search.trim() || null });
      // An answer to an older search must not overwrite a newer one.
      if (request !== latestRequest.current) return;
      setResults({ search, contacts: outcome.data?.project?.issue?.rapportContactCandidates ?? [] });
      setErrors(outcome.errors);
    }, searchDelay);
    return () => clearTimeout(timer);
  }, [query, projectPath, iid, search, linkedKey]);

  const options = results?.contacts ?? [];
  const typed = search.trim();
  // Offered for a name or email no contact has, once the answer for it is in.
  const offerCreate = onCreate && typed && results?.search === search && options.length === 0;
  const choices: Choice[] = [
    ...options.map((contact) => ({ kind: 'contact', contact }) as const),
    ...(offerCreate ? [{ kind: 'create', text: typed } as const] : []),
  ];
  const combobox = useCombobox<Choice>({
    inputId,
    items: choices,
    itemKey: (choice) => (choice.kind === 'contact' ? choice.contact.id : 'create'),
    // The results stay in view while the picker is open; an empty answer collapses the list.
    open: true,
    onSelect: (choice) => {
      if (busy) return;
      if (choice.kind === 'contact') onSelect(choice.contact);
      else onCreate?.(choice.text);
    },
  });
  const { fieldRef } = combobox;
  useEffect(() => fieldRef.current?.focus(), [fieldRef]);

  return (
    <div className="mt-2 rounded-md border border-gray-300 bg-white p-2" data-testid="contact-picker">
      <label htmlFor={inputId} className={labelClass}>
        Search contacts
      </label>
      <input
        type="text"
        {...combobox.inputProps({
          value: search,
          onChange: (event) => setSearch(event.currentTarget.value),
          onKeyDown: (event) => {
            if (event.key === 'Escape') onClose();
          },
          'aria-describedby': `${id}-hint`,
        })}
        className={`mt-1 ${inputClass}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-gray-700">
        Active contacts not on this issue. Arrow keys choose, Enter adds, Escape closes.
      </p>
      <FormErrors errors={errors} />
      <ComboboxListbox combobox={combobox} label="Contacts to add" className="mt-2" resultCount={options.length}>
        {(choice) =>
          choice.kind === 'contact' ? (
            <>
              <span className="block font-medium">{contactName(choice.contact)}</span>
              <span className="block break-all text-gray-700">
                {[choice.contact.email, choice.contact.organization?.name].filter(Boolean).join(' · ')}
              </span>
            </>
          ) : (
            <span className="block font-medium break-all">Create contact &ldquo;{choice.text}&rdquo;</span>
          )
        }
      </ComboboxListbox>
      <p role="status" className="mt-2 text-sm text-gray-700 empty:hidden">
        {results === null ? 'Searching…' : options.length === 0 ? 'No matching contacts' : ''}
      </p>
    </div>
  );
}
