// A small LRU cache with a time-to-live, for sim configs fetched by hash.
// Map keeps insertion order: the first key is the least recently used one.

export interface LruCacheOptions {
  maxEntries: number;
  ttlMs: number;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class LruCache<V> {
  private readonly map = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: LruCacheOptions) {
    if (!(opts.maxEntries >= 1)) throw new RangeError('maxEntries must be at least 1');
    if (!(opts.ttlMs > 0)) throw new RangeError('ttlMs must be positive');
    this.maxEntries = Math.floor(opts.maxEntries);
    this.ttlMs = opts.ttlMs;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    // Refresh recency (not the expiry: a config is re-fetched at least once per TTL).
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  delete(key: string): boolean {
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}
