import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { GraphQLProvider } from '@/components/ui/graphql-provider';
import { buttonClass, focusRing } from '@/components/ui/styles';
import { userSettingsUrls } from '@/lib/routes';
import { getPageViewer } from '@/server/auth/page-viewer';
import { anonymousViewer } from '@/server/auth/viewer';
import { signOutAction } from '@/server/auth/session-actions';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Rapport', template: '%s · Rapport' },
  description: 'Customer relations for your issue tracker.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Without the database the header shows no one; the page itself shows why (app/error.tsx).
  const { user, csrfToken } = await getPageViewer().catch(() => anonymousViewer);
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        {/* As in Rails: scripts and tests acting for the signed-in person read the token here. */}
        {csrfToken ? <meta name="csrf-token" content={csrfToken} /> : null}
        <a
          href="#main-content"
          className={`sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-blue-700 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 ${focusRing}`}
        >
          Skip to main content
        </a>
        {/* The palette is mirrored in dark mode (globals.css); the header stays dark in both. */}
        <header className="border-b border-gray-300 bg-gray-900 text-white dark:bg-gray-50 dark:text-gray-900">
          <div className="flex h-12 items-center justify-between gap-4 px-4">
            <Link href="/" className={`rounded-sm text-lg font-semibold tracking-tight hover:text-gray-200 dark:hover:text-gray-700 ${focusRing} focus-visible:outline-white dark:focus-visible:outline-gray-900`}>
              Rapport<span className="sr-only"> home</span>
            </Link>
            {user ? (
              <div className="flex items-center gap-3 text-sm">
                <span>
                  <span className="sr-only">Signed in as </span>
                  {user.name}
                </span>
                <Link
                  href={userSettingsUrls.personalAccessTokens}
                  className={`rounded-sm underline-offset-2 hover:underline ${focusRing} focus-visible:outline-white`}
                >
                  Access tokens
                </Link>
                <form action={signOutAction}>
                  <button type="submit" className={`${buttonClass} py-1`}>
                    Sign out
                  </button>
                </form>
              </div>
            ) : (
              <Link href="/users/sign_in" className={`rounded-sm text-sm font-medium underline-offset-2 hover:underline ${focusRing} focus-visible:outline-white dark:focus-visible:outline-gray-900`}>
                Sign in
              </Link>
            )}
          </div>
        </header>
        <GraphQLProvider>{children}</GraphQLProvider>
      </body>
    </html>
  );
}
