'use client';

import { useEffect, useRef } from 'react';
import { useRegionNavigation } from '../ui/loading-region';
import { buttonClass, inputClass } from '../ui/styles';
import type { ListLocation } from './list-controls';
import { listHref } from '@/lib/crm/list-url';

export const searchDebounceMs = 300;

/**
 * The list's search box. Without JavaScript it is a plain GET form; with it, the list follows the
 * typing (300 ms after the last key) through the URL, so Back returns to the previous search.
 */
export function ListSearchForm({ location, label }: { location: ListLocation; label: string }) {
  const { basePath, query, defaults } = location;
  const navigate = useRegionNavigation();
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Searches this box sent, oldest first, whose page has not arrived yet.
  const pending = useRef<string[]>([]);

  // A search that arrives in the URL: one this box sent (leave the typing alone), or one from
  // elsewhere (Back, Forward, a link), which the box then shows.
  useEffect(() => {
    const sent = pending.current.indexOf(query.search);
    if (sent >= 0) {
      pending.current.splice(0, sent + 1);
      return;
    }
    pending.current = [];
    clearTimeout(timer.current);
    if (inputRef.current) inputRef.current.value = query.search;
  }, [query.search]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (search: string) => {
    clearTimeout(timer.current);
    if (search === query.search) return;
    pending.current.push(search);
    // A new search starts at the first page, keeping the tab and the sort.
    navigate(listHref(basePath, { search, state: query.state, sort: query.sort, tier: query.tier }, defaults), { scroll: false });
  };

  return (
    <form
      role="search"
      action={basePath}
      method="get"
      className="my-3 flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        go(inputRef.current?.value ?? '');
      }}
    >
      {query.state !== defaults.state ? <input type="hidden" name="state" value={query.state} /> : null}
      {query.sort !== defaults.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <label htmlFor="list-search" className="sr-only">
        {label}
      </label>
      <input
        ref={inputRef}
        id="list-search"
        type="search"
        name="search"
        defaultValue={query.search}
        placeholder={label}
        maxLength={255}
        autoComplete="off"
        onChange={(event) => {
          const search = event.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => go(search), searchDebounceMs);
        }}
        className={`${inputClass} max-w-md`}
      />
      <button type="submit" className={buttonClass}>
        Search
      </button>
    </form>
  );
}
