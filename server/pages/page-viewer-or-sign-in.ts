import 'server-only';
import { redirect } from 'next/navigation';
import { getPageViewer } from '../auth/page-viewer';
import type { User, Viewer } from '../auth/viewer';

export type SignedInViewer = Viewer & { user: User };

/**
 * Pages that need a person: anonymous visitors go to the sign-in form and come back afterwards.
 * (Signed-in people without access get a 404 from the page itself.)
 */
export async function pageViewerOrSignIn(returnTo: string): Promise<SignedInViewer> {
  const viewer = await getPageViewer();
  if (!viewer.user) redirect(`/users/sign_in?redirect_to=${encodeURIComponent(returnTo)}`);
  return viewer as SignedInViewer;
}

type SearchParamValue = string | string[] | undefined;
export type SearchParams = Record<string, SearchParamValue>;

/** The first value of a query parameter, or undefined. */
export function firstParam(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The page's own path and query, to come back to after signing in. */
export function currentPath(pathname: string, params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  }
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}
