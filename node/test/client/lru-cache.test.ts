import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/client/lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = new LruCache<number>({ maxEntries: 3, ttlMs: 1_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a becomes most recent
    cache.set('d', 4); // evicts b
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.get('d')).toBe(4);
    expect(cache.size).toBe(3);
  });

  it('expires entries after the TTL', () => {
    let now = 0;
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 3_600_000, now: () => now });
    cache.set('h', 'config');
    now = 3_599_999;
    expect(cache.get('h')).toBe('config');
    now = 3_600_000;
    expect(cache.get('h')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds 1,000 entries as the node uses it', () => {
    const cache = new LruCache<number>({ maxEntries: 1_000, ttlMs: 60_000 });
    for (let i = 0; i < 1_500; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(1_000);
    expect(cache.get('k499')).toBeUndefined();
    expect(cache.get('k500')).toBe(500);
    expect(cache.get('k1499')).toBe(1_499);
  });

  it('re-setting a key refreshes it and its expiry', () => {
    let now = 0;
    const cache = new LruCache<number>({ maxEntries: 2, ttlMs: 100, now: () => now });
    cache.set('a', 1);
    cache.set('b', 2);
    now = 50;
    cache.set('a', 10);
    cache.set('c', 3); // evicts b (a was refreshed)
    expect(cache.has('b')).toBe(false);
    now = 120;
    expect(cache.get('a')).toBe(10);
    expect(cache.delete('a')).toBe(true);
    expect(cache.get('a')).toBeUndefined();
  });

  it('rejects nonsensical limits', () => {
    expect(() => new LruCache({ maxEntries: 0, ttlMs: 1 })).toThrow(RangeError);
    expect(() => new LruCache({ maxEntries: 1, ttlMs: 0 })).toThrow(RangeError);
  });
});
