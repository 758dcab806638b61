import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { securePageRequest } from './page-security';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The request headers the page will see: NextResponse.next() hands them on as `x-middleware-request-*`. */
function forwardedRequestHeaders(response: Response): Map<string, string | null> {
  const names = (response.headers.get('x-middleware-override-headers') ?? '').split(',').filter(Boolean);
  return new Map(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`)]));
}

const pageRequest = (headers: Record<string, string> = {}) => new NextRequest('http://localhost/groups/acme', { headers });

describe('securePageRequest', () => {
  it('gives the page a fresh nonce, in the response policy and in the request Next.js renders from', () => {
    const first = securePageRequest(pageRequest());
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const forwarded = forwardedRequestHeaders(first);
    expect(forwarded.get('content-security-policy')).toBe(policy);
    expect(forwarded.get('x-nonce')).toBe(nonce);
    expect(first.headers.get('x-frame-options')).toBe('DENY');

    const second = securePageRequest(pageRequest());
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
  });

  it('allows eval and inline styles only under next dev', () => {
    const production = securePageRequest(pageRequest()).headers.get('content-security-policy');
    expect(production).not.toMatch(/unsafe-(eval|inline)/);
    vi.stubEnv('NODE_ENV', 'development');
    const development = securePageRequest(pageRequest()).headers.get('content-security-policy');
    expect(development).toContain("'unsafe-eval'");
    expect(development).toMatch(/style-src 'self' 'unsafe-inline'/);
  });

  it('drops a client’s X-Forwarded-For unless a proxy is trusted', () => {
    const spoofed = { 'x-forwarded-for': '203.0.113.9' };
    expect(forwardedRequestHeaders(securePageRequest(pageRequest(spoofed))).has('x-forwarded-for')).toBe(false);
    vi.stubEnv('RAPPORT_TRUSTED_PROXY_COUNT', '1');
    expect(forwardedRequestHeaders(securePageRequest(pageRequest(spoofed))).get('x-forwarded-for')).toBe('203.0.113.9');
  });

  it('leaves the GraphQL endpoint to Yoga', () => {
    const response = securePageRequest(new NextRequest('http://localhost/api/graphql'));
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-middleware-override-headers')).toBeNull();
  });
});
