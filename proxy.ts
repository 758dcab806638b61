import type { NextRequest } from 'next/server';
import { internalRoute, notFound, notFoundRoute } from './lib/routes';
import { guardPageRequest } from './server/http/page-guard';
import { securePageRequest, secureRefusal } from './server/http/page-security';

/** The API and Next's own assets need no database; everything else is a page or a form post. */
const unguardedPaths = /^\/(?:api\/|_next\/|icon\.svg$|favicon\.ico$)/;

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  if (unguardedPaths.test(pathname)) return securePageRequest(request);
  const refusal = await guardPageRequest(request);
  if (refusal) return secureRefusal(refusal);
  // GitLab's page URLs are served by internal routes (lib/routes.ts).
  const route = internalRoute(pathname);
  return securePageRequest(request, route === notFound ? notFoundRoute : (route ?? undefined));
}
