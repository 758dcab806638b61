import type { ReactNode } from 'react';

/** The page's one h1, with optional actions to its right. */
export function PageHeading({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 pb-3">
      {/* A single very long word (a name, say) wraps rather than widening the page on a phone. */}
      <h1 className="min-w-0 text-2xl font-semibold text-gray-900 [overflow-wrap:anywhere]">{children}</h1>
      {actions}
    </div>
  );
}
