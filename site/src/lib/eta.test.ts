import { describe, expect, it } from 'vitest';
import { etaSeconds, progressFraction, pushSample, rate, type ProgressSample } from './eta';

describe('eta', () => {
  it('has no rate or ETA from a single sample', () => {
    const s = pushSample([], { t: 0, done: 0 });
    expect(rate(s)).toBeNull();
    expect(etaSeconds(s, 1000)).toBeNull();
  });

  it('computes the rate over the window and the remaining time', () => {
    let s: ProgressSample[] = [];
    s = pushSample(s, { t: 0, done: 0 });
    s = pushSample(s, { t: 2000, done: 1000 });
    s = pushSample(s, { t: 4000, done: 2000 });
    expect(rate(s)).toBe(500);
    expect(etaSeconds(s, 10_000)).toBe(16);
  });

  it('drops samples older than the window but keeps two', () => {
    let s: ProgressSample[] = [];
    s = pushSample(s, { t: 0, done: 0 }, 5000);
    s = pushSample(s, { t: 10_000, done: 100 }, 5000);
    expect(s).toHaveLength(2);
    s = pushSample(s, { t: 12_000, done: 300 }, 5000);
    expect(s.map((x) => x.t)).toEqual([10_000, 12_000]);
    expect(rate(s)).toBe(100);
  });

  it('ignores samples that go backwards (a chunk reset to pending)', () => {
    let s: ProgressSample[] = [];
    s = pushSample(s, { t: 0, done: 500 });
    s = pushSample(s, { t: 2000, done: 200 });
    expect(s).toEqual([{ t: 2000, done: 200 }]);
  });

  it('returns null rate when nothing progressed', () => {
    expect(
      rate([
        { t: 0, done: 10 },
        { t: 5000, done: 10 },
      ]),
    ).toBeNull();
  });

  it('clamps the progress fraction', () => {
    expect(progressFraction(5, 10)).toBe(0.5);
    expect(progressFraction(20, 10)).toBe(1);
    expect(progressFraction(1, 0)).toBe(0);
  });
});
