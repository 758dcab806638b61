'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';
import { updateIssueStateMutation } from './issue-operations';

/** "Close issue" / "Reopen issue", for people who may update the issue. */
export function IssueStateButton({ projectPath, iid, state }: { projectPath: string; iid: string; state: string }) {
  const router = useRouter();
  const { mutate } = useGraphQL();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const closing = state !== 'closed';

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setErrors([]);
    const outcome = await mutate(updateIssueStateMutation, {
      input: { projectPath, iid, stateEvent: closing ? 'CLOSE' : 'REOPEN' },
    });
    const problems = [...outcome.errors, ...(outcome.data?.updateIssue?.errors ?? [])];
    setBusy(false);
    if (problems.length > 0) setErrors(problems);
    else router.refresh();
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={toggle} disabled={busy} className={buttonClass}>
        {closing ? 'Close issue' : 'Reopen issue'}
      </button>
      {errors.length > 0 ? (
        <p role="alert" className="text-sm text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
