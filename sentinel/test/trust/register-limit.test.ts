// The per-address registration limiter, with an injected clock.
import { describe, expect, it } from 'vitest';
import { clientAddress, RegisterLimiter } from '../../src/trust/register-limit.ts';

describe('RegisterLimiter', () => {
  it('allows N registrations per address per hour, then again after the window', () => {
    let now = 1_000_000;
    const limiter = new RegisterLimiter(2, () => now);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]).toEqual([true, true, false]);
    expect(limiter.allow('b')).toBe(true);
    now += 3_599_999;
    expect(limiter.allow('a')).toBe(false);
    now += 1;
    expect(limiter.allow('a')).toBe(true);
  });

  it('stays bounded under a flood of distinct addresses', () => {
    const limiter = new RegisterLimiter(1, () => 0);
    for (let i = 0; i < 120_000; i++) limiter.allow(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(
      50_000,
    );
  });
});

describe('clientAddress', () => {
  it('uses the configured proxy header’s first address, else the socket address', () => {
    const req = { ip: '127.0.0.1', headers: { 'fly-client-ip': '198.51.100.7, 10.0.0.1' } };
    expect(clientAddress(req, { clientIpHeader: 'fly-client-ip' })).toBe('198.51.100.7');
    expect(clientAddress(req, { clientIpHeader: null })).toBe('127.0.0.1');
    expect(clientAddress({ ip: '::1', headers: {} }, { clientIpHeader: 'fly-client-ip' })).toBe('::1');
  });
});
