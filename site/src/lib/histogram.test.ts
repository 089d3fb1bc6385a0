import { describe, expect, it } from 'vitest';
import { histogramBars, ticks, xOf, type Layout } from './histogram';

const layout: Layout = { width: 110, height: 60, left: 5, right: 5, top: 0, bottom: 10 };
const h = { min: 1000, max: 2000, binWidth: 100, counts: [0, 1, 2, 4, 8, 4, 2, 1, 0, 0] };

describe('histogram geometry', () => {
  it('makes one bar per bin spanning the plot width, tallest bin full height', () => {
    const bars = histogramBars(h, layout);
    expect(bars).toHaveLength(10);
    expect(bars[0]!.x).toBe(5);
    expect(bars[9]!.x + bars[9]!.width).toBeCloseTo(105);
    expect(bars[4]!.height).toBe(50);
    expect(bars[4]!.y).toBe(0);
    expect(bars[3]!.height).toBe(25);
    expect(bars[0]!.height).toBe(0);
    expect(bars[3]!.from).toBe(1300);
    expect(bars[3]!.to).toBe(1400);
  });

  it('maps values to x and clamps outside values', () => {
    expect(xOf(1500, h, layout)).toBe(55);
    expect(xOf(0, h, layout)).toBe(5);
    expect(xOf(99999, h, layout)).toBe(105);
  });

  it('handles an all-zero histogram without NaN', () => {
    const bars = histogramBars({ min: 5, max: 5, binWidth: 0, counts: [0, 0] }, layout);
    expect(bars.every((b) => b.height === 0 && Number.isFinite(b.x))).toBe(true);
    expect(Number.isFinite(xOf(5, { min: 5, max: 5, binWidth: 0, counts: [0, 0] }, layout))).toBe(true);
  });

  it('picks round ticks inside the range', () => {
    expect(ticks(1000, 2000, 5)).toEqual([1000, 1250, 1500, 1750, 2000]);
    const t = ticks(1234, 5678, 5);
    expect(t[0]!).toBeGreaterThanOrEqual(1234);
    expect(t[t.length - 1]!).toBeLessThanOrEqual(5678);
    expect(t.every((v) => v % 1000 === 0)).toBe(true);
  });
});
