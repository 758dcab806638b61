'use client';

import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useGraphQL } from '../ui/use-graphql';
import { contactName } from './contact-picker';
import { contactCandidatesQuery } from './issue-operations';

export interface SuggestedContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface ContactAutocompleteSource {
  projectPath: string;
  iid: string;
  /** The issue's contacts: what `/remove_contacts` can name. */
  issueContacts: SuggestedContact[];
}

interface Trigger {
  mode: 'add' | 'remove';
  /** Where the typed part of the email starts (just after `[contact:`). */
  start: number;
  caret: number;
  query: string;
}

/** `/add_contacts … [contact:ali` with the caret at its end: the line so far, up to the caret. */
const triggerPattern = /^\/(add|remove)_contacts\b.*\[contact:([^\]\s]*)$/i;

export function findTrigger(text: string, caret: number): Trigger | null {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1;
  const match = triggerPattern.exec(text.slice(lineStart, caret));
  if (!match?.[1]) return null;
  const query = match[2] ?? '';
  return { mode: match[1].toLowerCase() === 'add' ? 'add' : 'remove', start: caret - query.length, caret, query };
}

function matches(contact: SuggestedContact, query: string): boolean {
  const needle = query.toLowerCase();
  return [contact.firstName, contact.lastName, contact.email ?? ''].some((value) => value.toLowerCase().includes(needle));
}

/**
 * Suggestions after `[contact:` in the comment box (SPEC §6): for `/add_contacts`, active contacts
 * of the CRM group not on the issue yet (searched on the server); for `/remove_contacts`, the
 * issue's own contacts. Arrow keys move, Enter or Tab inserts the email, Escape dismisses.
 */
export function useContactAutocomplete(
  source: ContactAutocompleteSource | null,
  textareaRef: RefObject<HTMLTextAreaElement | null>,
  setText: (text: string) => void,
) {
  const { query } = useGraphQL();
  const listId = useId();
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  // Escape hides the suggestions until the typed part changes.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [found, setFound] = useState<{ query: string; contacts: SuggestedContact[] } | null>(null);
  const [active, setActive] = useState(0);
  const latestRequest = useRef(0);

  const addQuery = source && trigger?.mode === 'add' ? trigger.query : null;
  const projectPath = source?.projectPath;
  const iid = source?.iid;
  useEffect(() => {
    if (addQuery === null || projectPath === undefined || iid === undefined) return;
    const request = ++latestRequest.current;
    const timer = setTimeout(async () => {
      const outcome = await query(contactCandidatesQuery, { projectPath, iid, search: addQuery || null });
      if (request !== latestRequest.current) return;
      setFound({ query: addQuery, contacts: outcome.data?.project?.issue?.rapportContactCandidates ?? [] });
      setActive(0);
    }, 200);
    return () => clearTimeout(timer);
  }, [addQuery, projectPath, iid, query]);

  const open = source !== null && trigger !== null && dismissed !== `${trigger.start}:${trigger.query}`;
  const suggestions: SuggestedContact[] = !open
    ? []
    : trigger.mode === 'remove'
      ? source.issueContacts.filter((contact) => contact.email && matches(contact, trigger.query))
      : found?.query === trigger.query
        ? found.contacts.filter((contact) => contact.email)
        : [];
  const activeIndex = Math.min(active, Math.max(suggestions.length - 1, 0));
  const expanded = suggestions.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  /** Call after every change of the text or the caret. */
  const update = (text: string, caret: number) => {
    const next = findTrigger(text, caret);
    setTrigger(next);
    if (next?.start !== trigger?.start) setActive(0);
  };

  const insert = (contact: SuggestedContact) => {
    const textarea = textareaRef.current;
    if (!textarea || !trigger || !contact.email) return;
    const text = textarea.value;
    // Replace what was typed of the email (and any rest of it after the caret) with the full reference.
    const restEnd = trigger.caret + (/^[^\]\s]*/.exec(text.slice(trigger.caret))?.[0].length ?? 0);
    const closing = text[restEnd] === ']' ? '' : ']';
    const inserted = `${contact.email}${closing}`;
    const next = `${text.slice(0, trigger.start)}${inserted}${text.slice(restEnd)}`;
    const caret = trigger.start + inserted.length + (closing ? 0 : 1);
    setText(next);
    setTrigger(null);
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(caret, caret);
    });
  };

  /** Returns true when the key was used by the suggestions. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!expanded || !trigger) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
      const chosen = suggestions[activeIndex];
      if (!chosen) return false;
      insert(chosen);
    } else if (event.key === 'Escape') {
      setDismissed(`${trigger.start}:${trigger.query}`);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  // Only people who may change contacts get suggestions; for others the box is a plain textbox.
  const textareaProps = source
    ? {
        'aria-autocomplete': 'list' as const,
        'aria-controls': expanded ? listId : undefined,
        'aria-activedescendant': expanded ? optionId(activeIndex) : undefined,
      }
    : {};

  const listbox = expanded ? (
    <ul
      id={listId}
      role="listbox"
      aria-label={trigger?.mode === 'remove' ? 'Contacts on this issue' : 'Contacts to add'}
      data-testid="contact-suggestions"
      className="max-h-56 overflow-y-auto rounded-md border border-gray-300 bg-white p-1 shadow-md"
    >
      {suggestions.map((contact, index) => (
        <li
          key={contact.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => setActive(index)}
          onClick={() => insert(contact)}
          className={`cursor-pointer rounded-sm px-2 py-1 text-sm text-gray-900 ${index === activeIndex ? 'bg-blue-100' : ''}`}
        >
          <span className="font-medium">{contactName(contact)}</span> <span className="text-gray-700">{contact.email}</span>
        </li>
      ))}
    </ul>
  ) : null;

  return { update, onKeyDown, textareaProps, listbox };
}
