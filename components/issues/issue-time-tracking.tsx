'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { formatDuration } from '@/lib/issues/time-tracking-format';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormattedDate } from '../ui/formatted-date';
import { buttonClass, focusRing } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { useModalDialog } from '../ui/use-modal-dialog';
import { AddTimeForm } from './add-time-form';
import { deleteTimelogMutation } from './issue-operations';

/** The page shows up to 100 entries, oldest first. */
export const issueTimeTrackingFragment = graphql(`
  fragment IssueTimeTracking on Issue {
    id timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent rapportCanTrackTime
    timelogs(first: 100) {
      nodes { id timeSpent spentAt summary user { name } userPermissions { adminTimelog } }
      pageInfo { hasNextPage }
    }
  }
`);

type TimeTracking = ResultOf<typeof issueTimeTrackingFragment>;
type Timelog = TimeTracking['timelogs']['nodes'][number];

/** Spent over estimate, capped at 100 % for the bar (GitLab shows the overrun in words). */
function progressOf(spent: number, estimate: number): number {
  return Math.min(100, Math.max(0, Math.round((spent / estimate) * 100)));
}

/**
 * The issue sidebar's time tracking (GitLab's widget): estimate, time spent and a progress bar, the
 * entries with a delete button where the viewer may delete them, and, for Reporters and above, a
 * dialog to add time through `timelogCreate`. The page is re-rendered on the server afterwards, so
 * the totals and the discussion's system note update together.
 */
export function IssueTimeTracking({ issue }: { issue: TimeTracking }) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Timelog | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const { timeEstimate, totalTimeSpent } = issue;
  const over = timeEstimate > 0 && totalTimeSpent > timeEstimate;

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    setDeleteError(null);
    const outcome = await mutate(deleteTimelogMutation, { input: { id: deleting.id } });
    const problems = [...outcome.errors, ...(outcome.data?.timelogDelete?.errors ?? [])];
    setBusy(false);
    if (problems.length > 0) {
      setDeleteError(problems.join(' '));
      return;
    }
    setDeleting(null);
    router.refresh();
  };

  return (
    <section aria-labelledby={headingId} data-testid="time-tracking">
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-gray-900">
          Time tracking
        </h2>
        {issue.rapportCanTrackTime ? (
          <button type="button" className={buttonClass} onClick={() => setAdding(true)}>
            Add time entry
          </button>
        ) : null}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-gray-700">Spent</dt>
        <dd className="text-gray-900" data-testid="time-spent">
          {issue.humanTotalTimeSpent ?? 'None'}
        </dd>
        <dt className="text-gray-700">Estimate</dt>
        <dd className="text-gray-900" data-testid="time-estimate">
          {issue.humanTimeEstimate ?? 'None'}
        </dd>
      </dl>
      {timeEstimate > 0 ? (
        <div className="mt-2">
          <div
            role="progressbar"
            aria-label="Time spent of the estimate"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progressOf(totalTimeSpent, timeEstimate)}
            aria-valuetext={`${progressOf(totalTimeSpent, timeEstimate)}% of the estimate spent`}
            className="h-2 w-full overflow-hidden rounded-full bg-gray-300"
          >
            <div className={`h-full ${over ? 'bg-red-700' : 'bg-blue-700'}`} style={{ width: `${progressOf(totalTimeSpent, timeEstimate)}%` }} />
          </div>
          {over ? <p className="mt-1 text-sm text-red-800">Over by {formatDuration(totalTimeSpent - timeEstimate)}</p> : null}
        </div>
      ) : null}
      {issue.timelogs.nodes.length > 0 ? (
        <ul aria-label="Time entries" className="mt-3 space-y-2 text-sm">
          {issue.timelogs.nodes.map((timelog) => (
            <li key={timelog.id} className="flex items-start justify-between gap-2 border-t border-gray-200 pt-2">
              <div className="min-w-0">
                <p className="text-gray-900">
                  <span className="font-medium">{formatDuration(timelog.timeSpent)}</span> by {timelog.user.name}
                  {timelog.spentAt ? (
                    <>
                      {' '}
                      on <FormattedDate value={timelog.spentAt} />
                    </>
                  ) : null}
                </p>
                {timelog.summary ? <p className="break-words text-gray-700">{timelog.summary}</p> : null}
              </div>
              {timelog.userPermissions.adminTimelog ? (
                <button
                  type="button"
                  className={`shrink-0 rounded-sm px-1 text-sm text-red-800 underline-offset-2 hover:underline ${focusRing}`}
                  onClick={() => {
                    setDeleteError(null);
                    setDeleting(timelog);
                  }}
                >
                  Delete<span className="sr-only"> time entry of {formatDuration(timelog.timeSpent)} by {timelog.user.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {issue.timelogs.pageInfo.hasNextPage ? <p className="mt-2 text-sm text-gray-700">Only the first {issue.timelogs.nodes.length} entries are shown.</p> : null}
      <AddTimeDialog
        open={adding}
        issueId={issue.id}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          router.refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete time entry?"
        confirmLabel="Delete"
        busy={busy}
        error={deleteError}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        {deleting ? `${formatDuration(deleting.timeSpent)} by ${deleting.user.name} will be removed from the time spent.` : null}
      </ConfirmDialog>
    </section>
  );
}

function AddTimeDialog({ open, issueId, onClose, onAdded }: { open: boolean; issueId: string; onClose: () => void; onAdded: () => void }) {
  const { dialogRef, onKeyDown } = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-gray-300 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-gray-900/40"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Add time entry
          </h2>
          <AddTimeForm issueId={issueId} onCancel={onClose} onAdded={onAdded} />
        </div>
      ) : null}
    </dialog>
  );
}
