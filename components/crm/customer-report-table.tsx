'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { numericId } from '@/lib/routes';
import { buttonClass, focusRing, linkClass } from '../ui/styles';
import { toCsv } from '@/lib/crm/csv';
import { cell, TableFrame } from './record-table';

export interface ReportTableRow {
  organizationId: string;
  name: string;
  defaultRate: number | null;
  linkedIssues: number;
  issuesOpened: number;
  issuesClosed: number;
  hours: number;
  billableAmount: number | null;
  sharedIssues: number;
}

export interface ReportTotals {
  linkedIssues: number;
  issuesOpened: number;
  issuesClosed: number;
  hours: number;
  billableAmount: number;
  sharedIssues: number;
}

type SortKey = Exclude<keyof ReportTableRow, 'organizationId'>;

const columns: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Organization', numeric: false },
  { key: 'linkedIssues', label: 'Linked issues', numeric: true },
  { key: 'issuesOpened', label: 'Opened', numeric: true },
  { key: 'issuesClosed', label: 'Closed', numeric: true },
  { key: 'hours', label: 'Hours', numeric: true },
  { key: 'defaultRate', label: 'Default rate', numeric: true },
  { key: 'billableAmount', label: 'Billable amount', numeric: true },
  { key: 'sharedIssues', label: 'Shared issues', numeric: true },
];

const money = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function display(row: ReportTableRow, key: SortKey): string {
  const value = row[key];
  if (key === 'defaultRate' || key === 'billableAmount') return money(value as number | null);
  if (key === 'hours') return (value as number).toFixed(2);
  return String(value);
}

function compare(a: ReportTableRow, b: ReportTableRow, key: SortKey): number {
  const left = a[key];
  const right = b[key];
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return typeof left === 'string' ? left.localeCompare(right as string) : (left as number) - (right as number);
}

/**
 * The report's table: every column sorts (a button in its header; `aria-sort` says how), the
 * totals sit in the footer, each name opens the organization's drill-down, and "Download CSV"
 * saves the rows as shown.
 */
export function CustomerReportTable({
  rows,
  totals,
  period,
  reportHref,
  fileName,
}: {
  rows: ReportTableRow[];
  totals: ReportTotals;
  period: { from: string; to: string };
  /** This report's URL (its period); a row's drill-down adds `organization=<id>`. */
  reportHref: string;
  fileName: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({ key: 'hours', direction: 'descending' });
  const sorted = useMemo(() => {
    const ordered = [...rows].sort((a, b) => compare(a, b, sort.key) || a.name.localeCompare(b.name));
    return sort.direction === 'ascending' ? ordered : ordered.reverse();
  }, [rows, sort]);

  const download = () => {
    const csv = toCsv([
      ['Organization', 'From', 'To', ...columns.slice(1).map((column) => column.label)],
      ...sorted.map((row) => [row.name, period.from, period.to, row.linkedIssues, row.issuesOpened, row.issuesClosed, row.hours, row.defaultRate, row.billableAmount, row.sharedIssues]),
      ['Total', period.from, period.to, totals.linkedIssues, totals.issuesOpened, totals.issuesClosed, totals.hours, null, totals.billableAmount, totals.sharedIssues],
    ]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <button type="button" className={buttonClass} onClick={download}>
          Download CSV
        </button>
      </div>
      <TableFrame label="Customer report table">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Hours and billable amount per organization, {period.from} to {period.to}</caption>
          <thead className="bg-gray-50">
            <tr>
              {columns.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th key={column.key} scope="col" aria-sort={active ? sort.direction : undefined} className={`px-3 py-2 font-semibold ${column.numeric ? 'text-right' : 'text-left'}`}>
                    <button
                      type="button"
                      className={`rounded-sm font-semibold ${focusRing}`}
                      onClick={() =>
                        setSort({ key: column.key, direction: active && sort.direction === 'descending' ? 'ascending' : active ? 'descending' : column.numeric ? 'descending' : 'ascending' })
                      }
                    >
                      {column.label}
                      <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-200">
            {sorted.map((row) => (
              <tr key={row.organizationId}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <Link href={`${reportHref}&organization=${numericId(row.organizationId)}`} className={linkClass}>
                    {row.name}
                  </Link>
                </th>
                {columns.slice(1).map((column) => (
                  <td key={column.key} className={`${cell} text-right tabular-nums`}>
                    {display(row, column.key)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-gray-400 bg-gray-50 font-semibold">
            <tr>
              <th scope="row" className={`${cell} text-left`}>
                Total
              </th>
              <td className={`${cell} text-right tabular-nums`}>{totals.linkedIssues}</td>
              <td className={`${cell} text-right tabular-nums`}>{totals.issuesOpened}</td>
              <td className={`${cell} text-right tabular-nums`}>{totals.issuesClosed}</td>
              <td className={`${cell} text-right tabular-nums`}>{totals.hours.toFixed(2)}</td>
              <td className={`${cell} text-right`} />
              <td className={`${cell} text-right tabular-nums`}>{money(totals.billableAmount)}</td>
              <td className={`${cell} text-right tabular-nums`}>{totals.sharedIssues}</td>
            </tr>
          </tfoot>
        </table>
      </TableFrame>
    </div>
  );
}
