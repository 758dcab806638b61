import { isIPv4, isIPv6 } from 'node:net';

/**
 * How many reverse proxies stand in front of the app (`RAPPORT_TRUSTED_PROXY_COUNT`, default 0).
 * With 0, a client's own X-Forwarded-For is thrown away (see proxy.ts) and Next.js fills the header
 * with the socket's address; with n, the n-th address from the right end of X-Forwarded-For is the
 * one the outermost trusted proxy saw, and everything left of it is the client's to invent.
 */
export function trustedProxyCount(env: Readonly<Record<string, string | undefined>> = process.env): number {
  // Read on every request by proxy.ts: a plain check, not a schema built each time.
  const value = env.RAPPORT_TRUSTED_PROXY_COUNT?.trim() || '0';
  if (!/^(?:10|\d)$/.test(value)) throw new Error('Invalid environment: RAPPORT_TRUSTED_PROXY_COUNT: expected a whole number from 0 to 10');
  return Number(value);
}

/**
 * The address to throttle by. IPv6 clients usually hold a whole /64, so they are counted by it;
 * IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 */
export function normalizeClientAddress(address: string | undefined): string {
  const value = address?.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '') ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return `${ipv6Groups(value).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

/** The client's address from the request headers as they reach the app (see `trustedProxyCount`). */
export function clientAddress(headers: Headers, proxies = trustedProxyCount()): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return normalizeClientAddress(forwarded[forwarded.length - Math.max(proxies, 1)]);
}
