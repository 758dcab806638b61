import { type NextRequest, NextResponse } from 'next/server';
import { trustedProxyCount } from '../auth/client-address';
import { publicPath } from '@/lib/routes';
import { pageUrlHeader } from './retry-page';
import { apiContentSecurityPolicy, baseSecurityHeaders, createNonce, pageContentSecurityPolicy } from './security-headers';

/** Yoga sets the API's own headers (a JSON-only policy), wherever it is hosted. */
const graphqlEndpoint = '/api/graphql';

/**
 * What proxy.ts does before every page, server action, static file and 404: gives the response
 * its security headers and a fresh CSP nonce, which Next.js reads from the request's CSP header
 * and puts on every script it renders; and serves a GitLab page URL from its internal `route`.
 */
export function securePageRequest(request: NextRequest, route?: string): NextResponse {
  if (request.nextUrl.pathname === graphqlEndpoint) return NextResponse.next();

  const nonce = createNonce();
  const contentSecurityPolicy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', contentSecurityPolicy);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(pageUrlHeader, publicPath(request.nextUrl.pathname) + request.nextUrl.search);
  // With no proxy of ours in front, X-Forwarded-For is whatever the client wrote: dropping it makes
  // Next.js fill it with the socket's address, which sign-in throttling then counts by.
  if (trustedProxyCount() === 0) requestHeaders.delete('x-forwarded-for');

  const forwarded = { request: { headers: requestHeaders } };
  const response = route ? NextResponse.rewrite(withPathname(request, route), forwarded) : NextResponse.next(forwarded);
  response.headers.set('Content-Security-Policy', contentSecurityPolicy);
  for (const [name, value] of Object.entries(baseSecurityHeaders)) response.headers.set(name, value);
  return response;
}

/** The request's own URL (origin, query) with another path: a rewrite Next serves in-process. */
function withPathname(request: NextRequest, pathname: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return url;
}

/** A refusal answered by the proxy itself (no scripts of Next's) still carries every security header. */
export function secureRefusal(response: Response): Response {
  response.headers.set('Content-Security-Policy', apiContentSecurityPolicy);
  for (const [name, value] of Object.entries(baseSecurityHeaders)) response.headers.set(name, value);
  return response;
}
