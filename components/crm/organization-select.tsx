'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { describedBy, FieldMessages } from '../ui/form-field';
import { inputClass, labelClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { organizationOptionsQuery } from './crm-operations';

export interface OrganizationOption {
  id: string;
  name: string;
}

const noOrganization: OrganizationOption = { id: '', name: 'No organization' };

/**
 * A searchable select of the group's active organizations (ARIA 1.2 combobox with a list popup):
 * type to search the API, arrows to move, Enter to choose, Escape to close the list. "No
 * organization" always comes first.
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
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<OrganizationOption[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
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

  const choices = [noOrganization, ...options];
  const activeIndex = Math.min(active, choices.length - 1);

  useEffect(() => {
    if (open) listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex]);

  const choose = (option: OrganizationOption) => {
    const chosen = option.id ? option : null;
    onChange(chosen);
    setText(chosen?.name ?? '');
    setOpen(false);
  };

  const close = () => {
    setOpen(false);
    setText(value?.name ?? '');
  };

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        Organization
      </label>
      <div className="relative mt-1">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, errors, 'Type to search the organizations of this group.')}
          autoComplete="off"
          placeholder="No organization"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onBlur={close}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              if (!open) {
                setOpen(true);
                return;
              }
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((activeIndex + step + choices.length) % choices.length);
            } else if (event.key === 'Enter' && open) {
              event.preventDefault();
              const option = choices[activeIndex];
              if (option) choose(option);
            } else if (event.key === 'Escape' && open) {
              // Closes the list only, not the drawer around it.
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
          className={`${inputClass} ${errors?.length ? 'border-red-700' : ''}`}
        />
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label="Organizations"
          hidden={!open}
          className="absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-gray-400 bg-white py-1 text-sm shadow-lg"
        >
          {choices.map((option, index) => (
            <li
              key={option.id || 'none'}
              id={`${listId}-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseMove={() => setActive(index)}
              className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? 'bg-blue-700 text-white' : 'text-gray-900'} ${option.id ? '' : 'italic'}`}
            >
              {option.name}
            </li>
          ))}
        </ul>
      </div>
      <FieldMessages id={id} errors={errors} hint="Type to search the organizations of this group." />
    </div>
  );
}
