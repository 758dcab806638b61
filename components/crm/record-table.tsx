import Link from 'next/link';
import type { ReactNode } from 'react';
import { focusRing, linkClass } from '../ui/styles';

/** The padding of every record table's body cells. */
export const cell = 'px-3 py-2 align-top';

/**
 * A horizontally scrollable table frame that keyboard users can scroll too. It is `relative` so
 * that the screen-reader-only text in its cells is placed inside it: placed against the page, that
 * text would widen the whole page on a phone.
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto rounded-md border border-gray-200 ${focusRing}`}>
      {children}
    </div>
  );
}

/** A table of records in its frame: `caption` names it for screen readers, `headers` fill the header row. */
export function RecordTable({ label, caption, headers, children }: { label: string; caption: string; headers: ReactNode; children: ReactNode }) {
  return (
    <TableFrame label={label}>
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>{headers}</tr>
        </thead>
        <tbody className="divide-y divide-gray-200">{children}</tbody>
      </table>
    </TableFrame>
  );
}

export function ColumnHeader({ align = 'left', children }: { align?: 'left' | 'right'; children: ReactNode }) {
  return (
    <th scope="col" className={`px-3 py-2 font-semibold ${align === 'right' ? 'text-right' : 'text-left'}`}>
      {children}
    </th>
  );
}

/** The one row of an empty list, across all its columns. */
export function NoRecordsRow({ columnCount, children }: { columnCount: number; children: string }) {
  return (
    <tr>
      <td colSpan={columnCount} className="px-3 py-8 text-center text-gray-700">
        {children}
      </td>
    </tr>
  );
}

/** A list row's last cell: the record's linked issues, and its Edit button for people who may edit. */
export function RecordRowActions({ href, name, editButton }: { href: string; name: string; editButton: ReactNode }) {
  return (
    <td className={`${cell} whitespace-nowrap`}>
      <div className="flex items-center gap-3">
        <Link href={`${href}#issues`} className={linkClass}>
          View issues<span className="sr-only"> of {name}</span>
        </Link>
        {editButton}
      </div>
    </td>
  );
}

/** The header of the row actions' column, named for screen readers only. */
export function ActionsHeader() {
  return (
    <ColumnHeader>
      <span className="sr-only">Actions</span>
    </ColumnHeader>
  );
}
