// Test helper (tests only): checks a random proc's observed rate against its chance.
import { expect } from 'vitest';

/** |observed − p| within 4 standard errors of a binomial proportion. */
export function expectRate(hits: number, n: number, p: number): void {
  expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
}
