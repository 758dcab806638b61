import 'server-only';
import { redirect } from 'next/navigation';
import { getPageViewer } from '../auth/page-viewer';
import type { User, Viewer } from '../auth/viewer';
import { DatabaseUnavailableError } from '../db/errors';
import { currentPageUrl } from '../http/retry-page';

export type SignedInViewer = Viewer & { user: User };

/**
 * The page's viewer, signed in or not. When the database has just gone away the page cannot set
 * its own status, so the browser is sent to ask for `currentUrl` again: the failure is recorded,
 * and the proxy answers the retry with the 503 page (or with the page, once the database is back).
 */
export async function pageViewerIfAny(currentUrl: string): Promise<Viewer> {
  return getPageViewer().catch((error: unknown) => {
    if (error instanceof DatabaseUnavailableError) redirect(currentUrl);
    throw error;
  });
}

/**
 * Pages that need a person: anonymous visitors go to the sign-in form and come back afterwards.
 * (Signed-in people without access get a 404 from the page itself.)
 */
export async function pageViewerOrSignIn(): Promise<SignedInViewer> {
  const returnTo = await currentPageUrl();
  const viewer = await pageViewerIfAny(returnTo);
  if (!viewer.user) redirect(`/users/sign_in?redirect_to=${encodeURIComponent(returnTo)}`);
  return viewer as SignedInViewer;
}
