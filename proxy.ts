import type { NextRequest } from 'next/server';
import { guardPageRequest } from './server/http/page-guard';
import { securePageRequest, secureRefusal } from './server/http/page-security';

/** The API and Next's own assets need no database; everything else is a page or a form post. */
const unguardedPaths = /^\/(?:api\/|_next\/|icon\.svg$|favicon\.ico$)/;

export async function proxy(request: NextRequest): Promise<Response> {
  const refusal = unguardedPaths.test(request.nextUrl.pathname) ? null : await guardPageRequest(request);
  return refusal ? secureRefusal(refusal) : securePageRequest(request);
}
