import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeClientAddress, trustedProxyCount } from './client-address';

describe('clientAddress', () => {
  const forwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value });

  it('without a trusted proxy, takes the last entry: the socket address Next.js adds once proxy.ts dropped the client’s header', () => {
    expect(clientAddress(forwardedFor('127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientAddress(forwardedFor('10.9.9.9, 127.0.0.1'), 0)).toBe('127.0.0.1');
  });

  it('behind n trusted proxies, takes the address the outermost one saw, never what the client wrote left of it', () => {
    expect(clientAddress(forwardedFor('6.6.6.6, 203.0.113.5'), 1)).toBe('203.0.113.5');
    expect(clientAddress(forwardedFor('6.6.6.6, 203.0.113.5, 10.0.0.2'), 2)).toBe('203.0.113.5');
  });

  it('counts a missing or unreadable address as one shared "unknown" client', () => {
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
    expect(clientAddress(forwardedFor('203.0.113.5'), 2)).toBe('unknown');
    expect(clientAddress(forwardedFor('not-an-address'), 0)).toBe('unknown');
  });
});

describe('normalizeClientAddress', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::9', '2001:db8:1:2::/64'],
    ['[2001:db8::1]', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeClientAddress(input)).toBe(expected);
  });
});

describe('trustedProxyCount', () => {
  it('defaults to no proxy and refuses anything but a small whole number', () => {
    expect(trustedProxyCount({})).toBe(0);
    expect(trustedProxyCount({ RAPPORT_TRUSTED_PROXY_COUNT: ' 2 ' })).toBe(2);
    expect(() => trustedProxyCount({ RAPPORT_TRUSTED_PROXY_COUNT: 'yes' })).toThrow(/RAPPORT_TRUSTED_PROXY_COUNT/);
    expect(() => trustedProxyCount({ RAPPORT_TRUSTED_PROXY_COUNT: '-1' })).toThrow(/RAPPORT_TRUSTED_PROXY_COUNT/);
  });
});
