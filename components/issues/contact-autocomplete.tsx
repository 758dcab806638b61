'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { type TextareaHTMLAttributes, useEffect, useRef, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { ComboboxListbox, skipDownshift, useCombobox } from '../ui/combobox';
import { useGraphQL } from '../ui/use-graphql';
import { contactName } from './contact-picker';
import { contactCandidatesQuery } from './issue-operations';

/** What the comment box suggests of a contact; choosing one inserts its email. */
export const suggestedContactFragment = graphql(`
  fragment SuggestedContact on CustomerRelationsContact { id firstName lastName email }
`);
export type SuggestedContact = ResultOf<typeof suggestedContactFragment>;

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
export function useContactAutocomplete({
  source,
  inputId,
  setText,
}: {
  source: ContactAutocompleteSource | null;
  inputId: string;
  setText: (text: string) => void;
}) {
  const { query } = useGraphQL();
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  // Escape hides the suggestions until the typed part changes.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [found, setFound] = useState<{ query: string; contacts: SuggestedContact[] } | null>(null);
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
    }, 200);
    return () => clearTimeout(timer);
  }, [addQuery, projectPath, iid, query]);

  const triggerKey = trigger && `${trigger.start}:${trigger.query}`;
  const open = source !== null && trigger !== null && dismissed !== triggerKey;
  const suggestions: SuggestedContact[] = !open
    ? []
    : trigger.mode === 'remove'
      ? source.issueContacts.filter((contact) => contact.email && matches(contact, trigger.query))
      : found?.query === trigger.query
        ? found.contacts.filter((contact) => contact.email)
        : [];

  const combobox = useCombobox<SuggestedContact, HTMLTextAreaElement>({
    inputId,
    items: suggestions,
    itemKey: (contact) => contact.id,
    open,
    onSelect: insert,
  });

  /** Call after every change of the text or the caret. */
  const update = (text: string, caret: number) => setTrigger(findTrigger(text, caret));

  function insert(contact: SuggestedContact) {
    const textarea = combobox.fieldRef.current;
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
  }

  const textareaProps = (own: TextareaHTMLAttributes<HTMLTextAreaElement>) => {
    // A textarea keeps its textbox role (a combobox role and aria-expanded are not allowed on it).
    const { role: _role, 'aria-expanded': _expanded, ...props } = combobox.inputProps({
      ...own,
      onKeyDown: (event) => {
        own.onKeyDown?.(event);
        // With no suggestions showing, and for Ctrl+Enter (send), the keys are the textarea's.
        if (!combobox.expanded || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          skipDownshift(event);
        } else if (event.key === 'Escape') {
          setDismissed(triggerKey);
        } else if (event.key === 'Tab') {
          event.preventDefault();
          const chosen = suggestions[combobox.highlightedIndex];
          if (chosen) insert(chosen);
        }
      },
    });
    // Only people who may change contacts get suggestions; for others the box is a plain textbox.
    return source ? props : { ...props, 'aria-autocomplete': undefined, 'aria-controls': undefined, 'aria-activedescendant': undefined };
  };

  const listbox = (
    <ComboboxListbox
      combobox={combobox}
      label={trigger?.mode === 'remove' ? 'Contacts on this issue' : 'Contacts to add'}
      testId="contact-suggestions"
      className="rounded-md border border-gray-300 bg-white p-1 shadow-md"
    >
      {(contact) => (
        <>
          <span className="font-medium">{contactName(contact)}</span> <span className="text-gray-700">{contact.email}</span>
        </>
      )}
    </ComboboxListbox>
  );

  const focus = () => combobox.fieldRef.current?.focus();

  return { focus, update, textareaProps, listbox };
}
