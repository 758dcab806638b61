import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

/** Set by proxy.ts on every page request (overwriting what a client sent): the page's own path and query. */
export const pageUrlHeader = 'x-rapport-page-url';

/**
 * A page whose database went away while it rendered cannot set its own status: the browser is sent
 * to ask for the page again, and the proxy, which has seen the failure, answers that with the 503
 * page (or with the page, once the database is back).
 */
export async function retryThisPage(): Promise<never> {
  redirect(await currentPageUrl());
}

/** The page's own path and query as the browser asked for it (before the proxy's rewrite to an internal route). */
export async function currentPageUrl(): Promise<string> {
  const url = (await headers()).get(pageUrlHeader) ?? '/';
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}
