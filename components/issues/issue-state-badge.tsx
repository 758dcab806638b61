export function IssueStateBadge({ state }: { state: string }) {
  const closed = state === 'closed';
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ${
        closed ? 'bg-blue-100 text-blue-900' : 'bg-green-100 text-green-900'
      }`}
    >
      {closed ? 'Closed' : 'Open'}
    </span>
  );
}
