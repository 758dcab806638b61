'use client';

import { buttonClass } from '@/components/ui/styles';

/**
 * A page that failed while rendering, usually because the database went away mid-request (the
 * requests after it answer 503 until it is back). The details stay in the server log.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main-content" className="mx-auto w-full max-w-2xl flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-gray-900">Temporarily unavailable</h1>
      <p className="mt-2 text-gray-700">This page could not be loaded just now. Nothing you saved is lost; try again in a moment.</p>
      <p className="mt-6">
        <button type="button" className={buttonClass} onClick={reset}>
          Try again
        </button>
      </p>
    </main>
  );
}
