'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { ComboboxListbox, useCombobox } from '../ui/combobox';
import { describedBy, FieldMessages } from '../ui/form-field';
import { inputClass, labelClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { organizationOptionsQuery } from './crm-operations';

export const organizationOptionFragment = graphql(`
  fragment OrganizationOption on CustomerRelationsOrganization { id name }
`);
export type OrganizationOption = ResultOf<typeof organizationOptionFragment>;

const noOrganization: OrganizationOption = { id: '', name: 'No organization' };
const hint = 'Type to search the organizations of this group.';

/**
 * A searchable select of the group's active organizations: type to search the API, arrows to
 * move, Enter to choose, Escape to close the list. "No organization" always comes first.
 */
export function OrganizationSelect({
  id,
  groupPath,
  value,
  onChange,
  errors,
}: {
  id: string;
  groupPath: string;
  value: OrganizationOption | null;
  onChange: (value: OrganizationOption | null) => void;
  errors?: string[];
}) {
  const { query } = useGraphQL();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<OrganizationOption[]>([]);
  const [searched, setSearched] = useState<string | null>(null);
  const search = open ? (text === (value?.name ?? '') ? '' : text) : null;

  // Looks organizations up while the list is open, 200 ms after the last keystroke.
  useEffect(() => {
    if (search === null || search === searched) return;
    const timer = setTimeout(async () => {
      const result = await query(organizationOptionsQuery, { fullPath: groupPath, search: search.trim() || null });
      setOptions(result.data?.group?.organizations?.nodes ?? []);
      setSearched(search);
    }, 200);
    return () => clearTimeout(timer);
  }, [search, searched, groupPath, query]);

  const combobox = useCombobox({
    inputId: id,
    items: [noOrganization, ...options],
    itemKey: (option) => option.id || 'none',
    open,
    onOpenChange: (next) => {
      setOpen(next);
      if (!next) setText(value?.name ?? '');
    },
    onSelect: (option) => {
      const chosen = option.id ? option : null;
      onChange(chosen);
      setText(chosen?.name ?? '');
      setOpen(false);
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
            'aria-invalid': errors?.length ? true : undefined,
            'aria-describedby': describedBy(id, errors, hint),
          })}
          className={`${inputClass} ${errors?.length ? 'border-red-700' : ''}`}
        />
        <ComboboxListbox
          combobox={combobox}
          label="Organizations"
          className="absolute z-10 mt-1 w-full rounded-md border border-gray-400 bg-white p-1 shadow-lg"
        >
          {(option) => (option.id ? option.name : <span className="italic">{option.name}</span>)}
        </ComboboxListbox>
      </div>
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}
