import { randomBytes } from 'node:crypto';

/**
 * The security headers of every response: one list here, applied to pages by proxy.ts and to the
 * GraphQL API by a Yoga plugin (which holds wherever Yoga is hosted).
 */

/** Headers that do not depend on what is served. */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
  // Page URLs name groups, contacts and issues: other sites get no referrer at all.
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()',
};

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

// Built once: proxy.ts asks for a policy on every request.
const noncePlaceholder = '{nonce}';

function pagePolicy(development: boolean): string {
  return policy({
    'default-src': "'self'",
    'script-src': `'self' 'nonce-${noncePlaceholder}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    'style-src': development ? "'self' 'unsafe-inline'" : `'self' 'nonce-${noncePlaceholder}'`,
    'img-src': "'self' data: blob:",
    'font-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  });
}

const productionPagePolicy = pagePolicy(false);
const developmentPagePolicy = pagePolicy(true);

/**
 * Pages: scripts only with this response's nonce (Next.js reads it from the request's CSP header
 * and puts it on every script and inline style it renders), and whatever those scripts load
 * ('strict-dynamic'). Styles come from the stylesheet Tailwind builds; Radix positions its hover
 * card through element.style, which CSP does not govern, so no 'unsafe-inline' is needed.
 * `next dev` needs eval for React's debugging aids and injects its overlay's styles inline.
 */
export function pageContentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return (development ? developmentPagePolicy : productionPagePolicy).replaceAll(noncePlaceholder, nonce);
}

/** The API answers JSON: nothing in it may load, run or be framed. */
export const apiContentSecurityPolicy = policy({
  'default-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
});

/**
 * GraphiQL (development only): Yoga's page runs an inline script and loads its bundle, styles and
 * editor workers from unpkg.
 */
export const graphiqlContentSecurityPolicy = policy({
  'default-src': "'self'",
  'script-src': "'self' 'unsafe-inline' 'unsafe-eval' https://unpkg.com",
  'style-src': "'self' 'unsafe-inline' https://unpkg.com",
  'worker-src': "'self' blob: https://unpkg.com",
  'img-src': "'self' data: https://raw.githubusercontent.com",
  'font-src': "'self' data: https://unpkg.com",
  'connect-src': "'self' https://unpkg.com",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
});

/** 128 random bits, base64: what CSP nonces need to be unguessable. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}
