import { describe, expect, it } from 'vitest';
import { formatAgo, formatDps, formatDuration, formatPercent } from './format';

describe('format', () => {
  it('formats durations at each scale', () => {
    expect(formatDuration(4.4)).toBe('4 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3840)).toBe('1 h 4 min');
    expect(formatDuration(null)).toBe('—');
  });

  it('formats DPS with grouping and percents with one decimal', () => {
    expect(formatDps(123456.7)).toBe('123,457');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatDps(Number.NaN)).toBe('—');
  });

  it('formats relative times against an injected clock', () => {
    const now = Date.parse('2026-01-01T00:10:00Z');
    expect(formatAgo('2026-01-01T00:09:55Z', now)).toBe('just now');
    expect(formatAgo('2026-01-01T00:05:00Z', now)).toBe('5 min 0 s ago');
    expect(formatAgo(null, now)).toBe('never');
  });
});
