import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { IssueStateBadge } from '../issues/issue-state-badge';
import { FormattedDate } from '../ui/formatted-date';
import { graphql } from '@/lib/graphql';
import { linkClass } from '../ui/styles';
import { projectUrls } from '@/lib/routes';

/** Pieces both detail pages (contact, organization) are made of. */

export const linkedIssueFragment = graphql(`
  fragment LinkedIssueItem on Issue { id iid title state webUrl createdAt closedAt }
`);
export type LinkedIssueItem = ResultOf<typeof linkedIssueFragment>;

export const activityFragment = graphql(`
  fragment ActivityItem on RapportAuditEvent { id action createdAt actor { name username } changes { field text } }
`);
export type ActivityItem = ResultOf<typeof activityFragment>;

export function Breadcrumbs({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm text-gray-700">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex items-center gap-1">
            {index > 0 ? <span aria-hidden="true">/</span> : null}
            {item.href ? (
              <Link href={item.href} className={linkClass}>
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8 scroll-mt-4">
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A record's fields as a definition list; empty values say so instead of leaving a gap. */
export function FieldList({ fields }: { fields: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-md border border-gray-200 p-4 text-sm sm:grid-cols-[12rem_1fr]">
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-gray-700">{label}</dt>
          <dd className="break-words whitespace-pre-wrap text-gray-900">{value ?? <span className="text-gray-700">None</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "acme/website#3" from the issue's web URL. */
function issueReference(issue: LinkedIssueItem): string {
  const projectPath = issue.webUrl.replace(/^\//, '').replace(/\/-\/issues\/\d+$/, '');
  return `${projectPath}#${issue.iid}`;
}

export function LinkedIssues({ issues, total, noun }: { issues: LinkedIssueItem[]; total: number; noun: string }) {
  if (issues.length === 0) return <p className="text-sm text-gray-700">No issues are linked to this {noun}.</p>;
  return (
    <>
      <ul aria-label="Linked issues" className="divide-y divide-gray-200 rounded-md border border-gray-200">
        {issues.map((issue) => (
          <li key={issue.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
            <IssueStateBadge state={issue.state} />
            <Link href={issue.webUrl} className={`${linkClass} font-medium`}>
              {issue.title}
            </Link>
            <span className="text-gray-700">
              {issueReference(issue)} · {issue.closedAt ? 'closed' : 'opened'} <FormattedDate value={issue.closedAt ?? issue.createdAt} />
            </span>
          </li>
        ))}
      </ul>
      {total > issues.length ? (
        <p className="mt-2 text-sm text-gray-700">
          Showing the newest {issues.length} of {total} issues.
        </p>
      ) : null}
    </>
  );
}

const actionLabels: Record<string, string> = {
  contact_created: 'created the contact',
  contact_updated: 'updated the contact',
  contact_imported: 'imported the contact',
  contact_added_to_issue: 'added the contact to',
  contact_removed_from_issue: 'removed the contact from',
  contact_merged: 'merged a duplicate into the contact',
  organization_created: 'created the organization',
  organization_updated: 'updated the organization',
  organization_imported: 'imported the organization',
};

/** The fields an event shows, in the order the forms list them (contact, then organization). */
const fieldLabels = new Map<string, string>([
  ['mergedContact', 'Merged contact'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['organizationId', 'Organization'],
  ['name', 'Name'],
  ['defaultRate', 'Default rate'],
  ['description', 'Description'],
  ['state', 'State'],
]);
const fieldOrder = [...fieldLabels.keys()];

/** Every empty value reads the same: a blank, a null and a missing "before" alike. */
const emptyValue = 'none';

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return emptyValue;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A recorded value: text as is; `{ before, after }` as "before → after". */
function changeText(value: string | null): string {
  if (value === null || value === '') return emptyValue;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && 'before' in parsed && 'after' in parsed) {
      return `${shown(parsed.before)} → ${shown(parsed.after)}`;
    }
    if (typeof parsed === 'number' || typeof parsed === 'boolean') return String(parsed);
  } catch {
    // Plain text, not JSON.
  }
  return value;
}

/** "acme/website#3" as a link to the issue. */
function IssueReferenceLink({ reference }: { reference: string }) {
  const [, projectPath, iid] = /^(.+)#(\d+)$/.exec(reference) ?? [];
  if (!projectPath || !iid) return <span>{reference}</span>;
  return (
    <Link href={projectUrls.issue(projectPath, iid)} className={`${linkClass} underline`}>
      {reference}
    </Link>
  );
}

export function RecentActivity({ entries }: { entries: ActivityItem[] }) {
  if (entries.length === 0) return <p className="text-sm text-gray-700">No recorded activity.</p>;
  return (
    <ol aria-label="Recent activity" className="space-y-3">
      {entries.map((entry) => {
        const changes = entry.changes.filter((change) => fieldLabels.has(change.field)).sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field));
        const issue = entry.changes.find((change) => change.field === 'issue')?.text;
        return (
          <li key={entry.id} className="rounded-md border border-gray-200 px-4 py-3 text-sm">
            <p>
              <span className="font-medium">{entry.actor?.name ?? 'A deleted user'}</span> {actionLabels[entry.action] ?? entry.action.replaceAll('_', ' ')}
              {issue ? (
                <>
                  {' '}
                  <IssueReferenceLink reference={issue} />
                </>
              ) : null}{' '}
              <span className="text-gray-700">
                · <FormattedDate value={entry.createdAt} withTime />
              </span>
            </p>
            {changes.length > 0 ? (
              <ul className="mt-1 space-y-0.5 text-gray-800">
                {changes.map((change) => (
                  <li key={change.field} className="break-words">
                    <span className="text-gray-700">{fieldLabels.get(change.field)}:</span> {changeText(change.text)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
