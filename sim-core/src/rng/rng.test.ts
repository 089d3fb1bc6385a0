import { describe, expect, it } from 'vitest';
import { lnExact, Rng } from './rng.ts';

function stream(seed: number, k: number, n: number): number[] {
  const r = new Rng();
  r.seed(seed, k);
  return Array.from({ length: n }, () => r.nextU32());
}

describe('Rng', () => {
  it('replays the same stream for the same (seed, iteration)', () => {
    expect(stream(42, 7, 100)).toEqual(stream(42, 7, 100));
    expect(stream(2 ** 53 - 1, 2 ** 40, 10)).toEqual(stream(2 ** 53 - 1, 2 ** 40, 10));
  });

  it('gives different streams for neighbouring seeds and iterations, and high seed bits matter', () => {
    const base = stream(42, 7, 8);
    expect(stream(43, 7, 8)).not.toEqual(base);
    expect(stream(42, 8, 8)).not.toEqual(base);
    expect(stream(42 + 2 ** 32, 7, 8)).not.toEqual(base);
  });

  it('is uniform enough: mean, variance and bucket counts', () => {
    const r = new Rng();
    r.seed(1, 0);
    const n = 200_000;
    const buckets = new Array<number>(10).fill(0);
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
      buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sq / n - (sum * sum) / n / n - 1 / 12)).toBeLessThan(0.002);
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan(600);
  });
});

describe('Rng timing draws', () => {
  it('lnExact matches Math.log to 1e-14 across the range uniforms give', () => {
    for (const x of [2 ** -32, 1e-6, 0.01, 0.3, 0.5, 0.70710678, 0.9999, 1, 1.5, 3, 1234.5])
      expect(Math.abs(lnExact(x) - Math.log(x))).toBeLessThan(1e-14 * Math.max(1, Math.abs(Math.log(x))));
  });

  it('lnExact gives the bits of the whole 15-term series (its early stop changes nothing)', () => {
    // the series as first written: range reduction, then all 15 terms
    const full = (x: number): number => {
      let e = 0;
      while (x >= 2) {
        x /= 2;
        e++;
      }
      while (x < 1) {
        x *= 2;
        e--;
      }
      if (x > Math.SQRT2) {
        x /= 2;
        e++;
      }
      const z = (x - 1) / (x + 1);
      let term = z;
      let sum = 0;
      for (let n = 1; n < 30; n += 2) {
        sum += term / n;
        term *= z * z;
      }
      return 2 * sum + e * 0.6931471805599453;
    };
    const r = new Rng();
    r.seed(5, 0);
    const xs = [2 ** -32, 1 - 2 ** -32, 0.5, Math.SQRT1_2, 1, 1234.5];
    for (let i = 0; i < 200_000; i++) xs.push(1 - r.next());
    expect(xs.filter((x) => !Object.is(lnExact(x), full(x)))).toEqual([]);
  });

  it('gauss is the sum of the next four uniforms, centred and scaled, bit for bit', () => {
    const a = new Rng();
    const b = new Rng();
    a.seed(11, 7, 1);
    b.seed(11, 7, 1);
    let differ = 0;
    for (let i = 0; i < 10_000; i++) {
      const s = b.next() + b.next() + b.next() + b.next();
      if (!Object.is(a.gauss(250, 62.5), 250 + (s - 2) * Math.sqrt(3) * 62.5)) differ++;
    }
    expect(differ).toBe(0);
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('gauss and exponential have the asked mean and spread; a stream > 0 is independent of stream 0', () => {
    const r = new Rng();
    r.seed(9, 3, 1);
    const n = 100_000;
    let g = 0;
    let g2 = 0;
    let e = 0;
    for (let i = 0; i < n; i++) {
      const x = r.gauss(250, 62.5);
      g += x;
      g2 += x * x;
      e += r.exponential(250);
    }
    const mean = g / n;
    expect(Math.abs(mean - 250)).toBeLessThan(1);
    expect(Math.abs(Math.sqrt(g2 / n - mean * mean) - 62.5)).toBeLessThan(1);
    expect(Math.abs(e / n - 250)).toBeLessThan(3);
    expect(stream(9, 3, 4)).toEqual(stream(9, 3, 4));
    const other = new Rng();
    other.seed(9, 3, 1);
    expect(Array.from({ length: 4 }, () => other.nextU32())).not.toEqual(stream(9, 3, 4));
  });
});
