/**
 * Seeded random numbers: xoshiro128** (128-bit state, 32-bit integer math only), seeded per
 * iteration from (job seed, iteration index) through a SplitMix32-style mixer, so iteration k's
 * stream depends on nothing else. Exact and identical in every JS engine.
 */

const TWO_32 = 4294967296;

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** Re-seed for iteration `k` of a job with seed `seed` (both safe integers >= 0). */
  seed(seed: number, k: number): void {
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / TWO_32) >>> 0;
    const kLo = k >>> 0;
    const kHi = Math.floor(k / TWO_32) >>> 0;
    let h = mix32(seedLo ^ 0x9e3779b9);
    h = mix32(h ^ seedHi ^ 0x85ebca6b);
    h = mix32(h ^ kLo ^ 0xc2b2ae35);
    h = mix32(h ^ kHi ^ 0x27d4eb2f);
    let x = h;
    x = (x + 0x9e3779b9) >>> 0;
    this.s0 = mix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.s1 = mix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.s2 = mix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.s3 = mix32(x) | 1; // never the all-zero state
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextU32() / TWO_32;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextU32() / TWO_32 < p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
