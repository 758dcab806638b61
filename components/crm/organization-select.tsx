'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { ComboboxListbox, skipDownshift, useCombobox } from '../ui/combobox';
import { describedBy, FieldMessages } from '../ui/form-field';
import { inputClass, labelClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { organizationOptionsQuery } from './crm-operations';

export const organizationOptionFragment = graphql(`
  fragment OrganizationOption on CustomerRelationsOrganization { id name }
`);
export type OrganizationOption = ResultOf<typeof organizationOptionFragment>;

/** What the list offers: no organization (before any typing), an organization, or creating the typed name. */
type Choice = { kind: 'none' } | { kind: 'organization'; organization: OrganizationOption } | { kind: 'create'; name: string };

const hint = 'Type to search the organizations of this group.';

function choiceKey(choice: Choice): string {
  return choice.kind === 'organization' ? choice.organization.id : choice.kind;
}

function ChoiceLabel({ choice }: { choice: Choice }) {
  if (choice.kind === 'organization') return choice.organization.name;
  if (choice.kind === 'none') return <span className="italic">No organization</span>;
  return (
    <span className="font-medium">
      Create organization <span className="break-all">&ldquo;{choice.name}&rdquo;</span>
    </span>
  );
}

/**
 * A searchable select of the group's active organizations: type to search the API, arrows to
 * move, Enter to choose, Escape to close the list. Before any typing "No organization" comes
 * first; once a name is typed its matches are listed (Enter takes the best one) or, with
 * `onCreate` and no match, creating an organization of that name.
 */
export function OrganizationSelect({
  id,
  groupPath,
  value,
  onChange,
  onCreate,
  errors,
}: {
  id: string;
  groupPath: string;
  value: OrganizationOption | null;
  onChange: (value: OrganizationOption | null) => void;
  onCreate?: (name: string) => void;
  errors?: string[];
}) {
  const { query } = useGraphQL();
  const [text, setText] = useState(value?.name ?? '');
  const [shownValue, setShownValue] = useState(value);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<OrganizationOption[]>([]);
  const [searched, setSearched] = useState<string | null>(null);
  // Enter pressed before the answer to the typed name arrived: choose its best match when it does.
  const [chooseOnAnswer, setChooseOnAnswer] = useState(false);
  const search = open ? (text === (value?.name ?? '') ? '' : text) : null;
  const typed = search?.trim() ?? '';

  // A value chosen from outside (an organization just created) shows in the field.
  if (value?.id !== shownValue?.id) {
    setShownValue(value);
    setText(value?.name ?? '');
  }

  const choose = (organization: OrganizationOption | null) => {
    setChooseOnAnswer(false);
    onChange(organization);
    setText(organization?.name ?? '');
    setOpen(false);
  };

  // Looks organizations up while the list is open, 200 ms after the last keystroke.
  useEffect(() => {
    if (search === null || search === searched) return;
    const timer = setTimeout(async () => {
      const result = await query(organizationOptionsQuery, { fullPath: groupPath, search: search.trim() || null });
      const found = result.data?.group?.organizations?.nodes ?? [];
      setOptions(found);
      setSearched(search);
      if (!chooseOnAnswer || !found[0]) return;
      setChooseOnAnswer(false);
      onChange(found[0]);
      setText(found[0].name);
      setOpen(false);
    }, 200);
    return () => clearTimeout(timer);
  }, [search, searched, groupPath, query, chooseOnAnswer, onChange]);

  // While a new answer is on its way, the previous one is narrowed to what still matches.
  const matches = typed ? options.filter((option) => option.name.toLowerCase().includes(typed.toLowerCase())) : options;
  const choices: Choice[] = typed
    ? [
        ...matches.map((organization) => ({ kind: 'organization', organization }) as const),
        ...(onCreate && matches.length === 0 && search === searched ? [{ kind: 'create', name: typed } as const] : []),
      ]
    : [{ kind: 'none' }, ...options.map((organization) => ({ kind: 'organization', organization }) as const)];

  const combobox = useCombobox<Choice>({
    inputId: id,
    items: choices,
    itemKey: choiceKey,
    open,
    onOpenChange: (next) => {
      setOpen(next);
      if (!next) {
        setChooseOnAnswer(false);
        setText(value?.name ?? '');
      }
    },
    onSelect: (choice) => {
      if (choice.kind !== 'create') return choose(choice.kind === 'organization' ? choice.organization : null);
      setOpen(false);
      setText(value?.name ?? '');
      onCreate?.(choice.name);
    },
  });

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        Organization
      </label>
      <div className="relative mt-1">
        <input
          type="text"
          placeholder="No organization"
          {...combobox.inputProps({
            value: text,
            onChange: (event) => setText(event.currentTarget.value),
            onKeyDown: (event) => {
              // Enter must neither submit the form nor choose from an outdated list.
              if (event.key === 'Enter' && typed && search !== searched) {
                event.preventDefault();
                skipDownshift(event);
                setChooseOnAnswer(true);
              }
            },
            'aria-invalid': errors?.length ? true : undefined,
            'aria-describedby': describedBy(id, errors, hint),
          })}
          className={`${inputClass} ${errors?.length ? 'border-red-700' : ''}`}
        />
        <ComboboxListbox
          combobox={combobox}
          label="Organizations"
          resultCount={matches.length}
          className="absolute z-10 mt-1 w-full rounded-md border border-gray-400 bg-white p-1 shadow-lg"
        >
          {(choice) => <ChoiceLabel choice={choice} />}
        </ComboboxListbox>
      </div>
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
