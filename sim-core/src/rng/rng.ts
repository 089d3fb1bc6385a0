/**
 * Seeded random numbers: xoshiro128** (128-bit state, 32-bit integer math only), seeded per
 * iteration from (job seed, iteration index) through a SplitMix32-style mixer, so iteration k's
 * stream depends on nothing else. Exact and identical in every JS engine.
 */

/**
 * 2^32. The draws write it as a checked literal (`4294967296 satisfies typeof TWO_32`): Node 20's V8
 * loads a module-level constant and checks it at every use, where a division by a literal power of
 * two compiles to a multiplication (the site's production build leaves this one a variable too).
 */
const TWO_32 = 4294967296;

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export class Rng {
  /**
   * The four state words as int32 (the same bits as the algorithm's uint32 words: every operation
   * on them is a 32-bit integer one). A typed array keeps them raw 32-bit integers; as object
   * fields, words of 2^30 and above would be stored as boxed doubles.
   */
  private readonly s = new Int32Array(4);

  /**
   * Re-seed for iteration `k` of a job with seed `seed` (both safe integers >= 0). `stream` > 0
   * gives an independent stream for the same iteration (stream 0 is the main one).
   */
  seed(seed: number, k: number, stream = 0): void {
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / TWO_32) >>> 0;
    const kLo = k >>> 0;
    const kHi = Math.floor(k / TWO_32) >>> 0;
    let h = mix32(seedLo ^ 0x9e3779b9);
    h = mix32(h ^ seedHi ^ 0x85ebca6b);
    h = mix32(h ^ kLo ^ 0xc2b2ae35);
    h = mix32(h ^ kHi ^ 0x27d4eb2f);
    if (stream !== 0) h = mix32(h ^ stream ^ 0x165667b1);
    let x = h;
    x = (x + 0x9e3779b9) >>> 0;
    this.s[0] = mix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.s[1] = mix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.s[2] = mix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.s[3] = mix32(x) | 1; // never the all-zero state
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.s;
    const s1 = s[1]!;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2]! ^ s[0]!;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s[0]! ^ s3;
    s[2] = s2 ^ t;
    s[3] = rotl(s3, 11);
    return r;
  }

  /**
   * Uniform in [0, 1) with 32 bits of resolution: nextU32() / 2^32, with nextU32's body written out
   * (the hottest call of the engine; one call level less, and no boxed 32-bit integer between).
   */
  next(): number {
    const s = this.s;
    const s1 = s[1]!;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2]! ^ s[0]!;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s[0]! ^ s3;
    s[2] = s2 ^ t;
    s[3] = rotl(s3, 11);
    return r / (4294967296 satisfies typeof TWO_32);
  }

  /**
   * Approximately normal (mean, sd): the sum of 4 uniforms, centred and scaled to unit variance
   * (Irwin–Hall, bounded to ±2√3 sd). Only + − × ÷, so every JS engine gives the same bits
   * (Math.log/cos are not exact); 4 draws keep it cheap on the hot path (one per action).
   */
  gauss(mean: number, sd: number): number {
    // next() four times, the state held in locals between the draws (one read and one write of
    // the array instead of four); the sum is added in the same order.
    const st = this.s;
    let s0 = st[0]!;
    let s1 = st[1]!;
    let s2 = st[2]!;
    let s3 = st[3]!;
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      sum += r / (4294967296 satisfies typeof TWO_32);
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    return mean + (sum - 2) * 1.7320508075688772 /* √3 */ * sd;
  }

  /** Exponential with mean `mean` (inverse transform with an exactly computed log). */
  exponential(mean: number): number {
    return -mean * lnExact(1 - this.next());
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextU32() / (4294967296 satisfies typeof TWO_32) < p;
  }
}

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/** Natural log of x > 0 with + − × ÷ only (range reduction by 2, then the atanh series). */
export function lnExact(x: number): number {
  let e = 0;
  while (x >= 2) {
    x /= 2;
    e++;
  }
  while (x < 1) {
    x *= 2;
    e--;
  }
  if (x > SQRT2) {
    x /= 2;
    e++;
  }
  const z = (x - 1) / (x + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let n = 1; n < 30; n += 2) {
    const next = sum + term / n;
    // The terms only shrink and keep one sign, and rounding is monotonic: once one leaves the sum
    // unchanged, so would every later one (the same bits as adding all 15).
    if (next === sum) break;
    sum = next;
    term *= z2;
  }
  return 2 * sum + e * LN2;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
