import type { NextRequest } from 'next/server';
import { guardPageRequest } from './server/http/page-guard';

/** Pages only: the API answers its own errors, and static files need no database. */
export async function proxy(request: NextRequest): Promise<Response | undefined> {
  return (await guardPageRequest(request)) ?? undefined;
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
