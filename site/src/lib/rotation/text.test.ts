import { describe, expect, it } from 'vitest';
import { checkRotationMeta, lineCount, offsetOf } from './text';

describe('rotation text helpers', () => {
  const text = 'actions=a\nactions+=/b,if=x\n\nactions+=/c';

  it('maps 1-based line and column to an offset', () => {
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 12)).toBe(21);
    expect(text[offsetOf(text, 2, 12)]).toBe(',');
    expect(offsetOf(text, 4, 1)).toBe(text.lastIndexOf('actions'));
  });

  it('clamps past the end of a line or the text', () => {
    expect(offsetOf(text, 1, 99)).toBe(9);
    expect(offsetOf(text, 99, 1)).toBe(text.length);
  });

  it('counts lines', () => {
    expect(lineCount(text)).toBe(4);
    expect(lineCount('')).toBe(1);
  });

  it('lists every metadata problem', () => {
    expect(checkRotationMeta({ name: ' ', description: 'x'.repeat(4001), script: '' })).toHaveLength(3);
    expect(checkRotationMeta({ name: 'ok', description: '', script: 'actions=a' })).toEqual([]);
  });
});
