'use client';

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { FormErrors } from '../ui/form-field';
import { inputClass, labelClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import { contactCandidatesQuery } from './issue-operations';

/** How long the picker waits after the last keystroke before it searches. */
const searchDelay = 250;

/** What the picker shows of a contact that may be added to the issue. */
export const contactCandidateFragment = graphql(`
  fragment ContactCandidate on CustomerRelationsContact {
    id firstName lastName email
    organization { name }
  }
`);
type ContactCandidate = ResultOf<typeof contactCandidateFragment>;

export function contactName(contact: { firstName: string; lastName: string }): string {
  return `${contact.firstName} ${contact.lastName}`;
}

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
  onClose,
}: {
  projectPath: string;
  iid: string;
  linkedKey: string;
  busy: boolean;
  onSelect: (contact: ContactCandidate) => void;
  onClose: () => void;
}) {
  const { query } = useGraphQL();
  const id = useId();
  const inputId = `${id}-search`;
  const listId = `${id}-results`;
  const inputRef = useRef<HTMLInputElement>(null);
  const latestRequest = useRef(0);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<ContactCandidate[] | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => inputRef.current?.focus(), []);

  useEffect(() => {
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const outcome = await query(contactCandidatesQuery, { projectPath, iid, search: search.trim() || null });
      // An answer to an older search must not overwrite a newer one.
      if (request !== latestRequest.current) return;
      setResults(outcome.data?.project?.issue?.rapportContactCandidates ?? []);
      setErrors(outcome.errors);
      setActive(0);
    }, searchDelay);
    return () => clearTimeout(timer);
  }, [query, projectPath, iid, search, linkedKey]);

  const options = results ?? [];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const expanded = options.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Home' && expanded && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && expanded && event.ctrlKey) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[activeIndex];
      if (chosen && !busy) onSelect(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  useEffect(() => {
    if (expanded) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  return (
    <div className="mt-2 rounded-md border border-gray-300 bg-white p-2" data-testid="contact-picker">
      <label htmlFor={inputId} className={labelClass}>
        Search contacts
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={onKeyDown}
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-hint`}
        className={`mt-1 ${inputClass}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-gray-700">
        Active contacts not on this issue. Arrow keys choose, Enter adds, Escape closes.
      </p>
      <FormErrors errors={errors} />
      {expanded ? (
        <ul id={listId} role="listbox" aria-label="Contacts to add" className="mt-2 max-h-64 overflow-y-auto">
          {options.map((contact, index) => (
            <li
              key={contact.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Keeps focus in the search box, so the keyboard flow goes on after a click.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => !busy && onSelect(contact)}
              className={`cursor-pointer rounded-sm px-2 py-1 text-sm ${index === activeIndex ? 'bg-blue-100 text-gray-900' : 'text-gray-900'}`}
            >
              <span className="block font-medium">{contactName(contact)}</span>
              <span className="block break-all text-gray-700">
                {contact.email}
                {contact.organization ? ` · ${contact.organization.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="mt-2 text-sm text-gray-700 empty:hidden">
        {results === null ? 'Searching…' : options.length === 0 ? 'No matching contacts' : <span className="sr-only">{`${options.length} contacts found`}</span>}
      </p>
    </div>
  );
}
