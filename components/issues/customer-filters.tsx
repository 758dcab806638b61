'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, useTransition } from 'react';
import { type IssueListQuery, issueListUrl } from '@/lib/issues/issue-list-url';
import { numericId } from '@/lib/routes';
import { ComboboxListbox, useCombobox } from '../ui/combobox';
import { inputClass, labelClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { customerFilterContactsQuery, customerFilterOrganizationsQuery } from './customer-filter-operations';

/** How long a filter waits after the last keystroke before it searches. */
const searchDelay = 200;

interface FilterOption {
  /** The numeric id the list's URL takes; empty for the option that clears the filter. */
  id: string;
  label: string;
  detail?: string;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * One searchable filter (a combobox): type to search, arrow keys move, Enter or a click chooses and
 * applies the filter at once; the first option clears it. Escape or leaving the field puts back the
 * name of the current filter.
 */
function SearchableFilter({
  id,
  label,
  noun,
  anyLabel,
  selectedName,
  search,
  onChoose,
}: {
  id: string;
  label: string;
  noun: string;
  anyLabel: string;
  selectedName: string | null;
  search: (text: string) => Promise<FilterOption[]>;
  onChoose: (option: FilterOption) => void;
}) {
  const [text, setText] = useState(selectedName ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<FilterOption[] | null>(null);
  const term = open ? (text === (selectedName ?? '') ? '' : text.trim()) : null;

  // Searches while the list is open, shortly after the last keystroke; a later answer wins.
  useEffect(() => {
    if (term === null) return;
    let current = true;
    const timer = setTimeout(async () => {
      const found = await search(term);
      if (current) setOptions(found);
    }, searchDelay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [term, search]);

  const anyOption: FilterOption = { id: '', label: anyLabel };
  const combobox = useCombobox({
    inputId: id,
    items: [anyOption, ...(options ?? [])],
    itemKey: (option) => option.id || 'any',
    open: open && options !== null,
    onOpenChange: (next) => {
      setOpen(next);
      if (!next) setText(selectedName ?? '');
    },
    onSelect: (option) => {
      setText(option.id ? option.label : '');
      setOpen(false);
      onChoose(option);
    },
  });

  return (
    <div className="min-w-48 flex-1 sm:w-56 sm:flex-none">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="relative mt-1">
        <input
          type="text"
          placeholder={anyLabel}
          autoComplete="off"
          {...combobox.inputProps({
            value: text,
            onChange: (event) => {
              setText(event.currentTarget.value);
              setOpen(true);
            },
            'aria-describedby': `${id}-hint`,
          })}
          className={inputClass}
        />
        <p id={`${id}-hint`} className="sr-only">
          Type to search, then choose with the arrow keys and Enter.
        </p>
        <ComboboxListbox
          combobox={combobox}
          label={`${label} options`}
          className="absolute z-10 mt-1 w-full min-w-0 rounded-md border border-gray-400 bg-white p-1 shadow-lg"
        >
          {(option) =>
            option.id ? (
              <>
                <span className="block font-medium break-words">{option.label}</span>
                {option.detail ? <span className="block text-xs break-all text-gray-700">{option.detail}</span> : null}
              </>
            ) : (
              <span className="italic">{option.label}</span>
            )
          }
        </ComboboxListbox>
        <p role="status" className="sr-only">
          {open && options !== null ? (options.length === 0 ? `No ${noun}s found` : `${plural(options.length, noun)} found`) : ''}
        </p>
      </div>
    </div>
  );
}

/**
 * The tier filter: one of the CRM group's tiers, highest first. A tier the URL names that the group
 * no longer has (renamed, deleted) stays chosen and listed, so the field shows what the list is
 * filtered by.
 */
function CustomerTierSelect({ tiers, selected, onChoose }: { tiers: readonly string[]; selected: string | null; onChoose: (tier: string) => void }) {
  const current = selected === null ? '' : (tiers.find((name) => name.toLowerCase() === selected.toLowerCase()) ?? selected);
  const options = current === '' || tiers.includes(current) ? tiers : [...tiers, current];
  return (
    <div className="min-w-40 flex-1 sm:w-48 sm:flex-none">
      <label htmlFor="issue-customer-tier" className={labelClass}>
        Customer tier
      </label>
      <select id="issue-customer-tier" defaultValue={current} onChange={(event) => onChoose(event.currentTarget.value)} className={`mt-1 w-full ${inputClass}`}>
        <option value="">Any tier</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The issue lists' customer filters: a contact and an organization of the CRM group, each chosen from
 * a searchable list, and a customer tier; each applied as soon as it is chosen (the list is URL-driven).
 */
export function CustomerFilters({
  listPath,
  crmGroupPath,
  query,
  contactName,
  organizationName,
  tiers,
}: {
  listPath: string;
  crmGroupPath: string;
  /** The list's filters, without its page cursor. */
  query: IssueListQuery;
  contactName: string | null;
  organizationName: string | null;
  /** The CRM group's tiers, highest first; without any (and no tier in the URL) there is no tier filter. */
  tiers: readonly string[];
}) {
  const { query: runQuery } = useGraphQL();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const apply = (change: Partial<IssueListQuery>) => {
    startTransition(() => router.push(issueListUrl(listPath, { ...query, ...change })));
  };

  const searchContacts = useCallback(
    async (text: string): Promise<FilterOption[]> => {
      const result = await runQuery(customerFilterContactsQuery, { fullPath: crmGroupPath, search: text || null });
      return (result.data?.group?.contacts?.nodes ?? []).map((contact) => ({
        id: numericId(contact.id),
        label: `${contact.firstName} ${contact.lastName}`,
        detail: [contact.email, contact.organization?.name].filter(Boolean).join(' · ') || undefined,
      }));
    },
    [runQuery, crmGroupPath],
  );
  const searchOrganizations = useCallback(
    async (text: string): Promise<FilterOption[]> => {
      const result = await runQuery(customerFilterOrganizationsQuery, { fullPath: crmGroupPath, search: text || null });
      return (result.data?.group?.organizations?.nodes ?? []).map((organization) => ({ id: numericId(organization.id), label: organization.name }));
    },
    [runQuery, crmGroupPath],
  );

  return (
    <div role="group" aria-label="Customer filters" aria-busy={pending || undefined} className="flex flex-wrap items-end gap-3">
      {/* Keyed by the applied filter: a change made elsewhere (a cleared chip, a tab) shows in the field. */}
      <SearchableFilter
        key={`contact-${contactName ?? ''}`}
        id="issue-contact-filter"
        label="Contact"
        noun="contact"
        anyLabel="Any contact"
        selectedName={contactName}
        search={searchContacts}
        onChoose={(option) => apply({ crmContactId: option.id || undefined })}
      />
      <SearchableFilter
        key={`organization-${organizationName ?? ''}`}
        id="issue-organization-filter"
        label="Organization"
        noun="organization"
        anyLabel="Any organization"
        selectedName={organizationName}
        search={searchOrganizations}
        onChoose={(option) => apply({ crmOrganizationId: option.id || undefined })}
      />
      {tiers.length > 0 || query.customerTier ? (
        <CustomerTierSelect
          key={`tier-${query.customerTier ?? ''}`}
          tiers={tiers}
          selected={query.customerTier ?? null}
          onChoose={(tier) => apply({ customerTier: tier || undefined })}
        />
      ) : null}
    </div>
  );
}
