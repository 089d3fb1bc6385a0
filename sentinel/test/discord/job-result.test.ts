import { describe, expect, it } from 'vitest';
import { readJobResult } from '../../src/discord/handlers/job-result.ts';

describe('readJobResult', () => {
  it("reads a smart sim's stop reasons and per-variant iterations", () => {
    const r = readJobResult({
      mean: 100,
      iterations: 800,
      stopped: 'cap',
      variants: [
        { name: 'a', dps: 90, iterations: 300, stopped: 'eliminated' },
        { name: 'b', dps: 110, iterations: 800, stopped: 'target' },
      ],
    });
    expect(r?.stopped).toBe('cap');
    expect(r?.variants.map((v) => [v.name, v.iterations, v.stopped])).toEqual([
      ['b', 800, 'target'],
      ['a', 300, 'eliminated'],
    ]);
  });

  it('a fixed-iteration job or a hand-written row has no stop reason, and unknown reasons are dropped', () => {
    const r = readJobResult({ mean: 100, stopped: 'bored', variants: [{ name: 'a', dps: 1, stopped: 7 }] });
    expect(r?.stopped).toBeNull();
    expect(r?.variants[0]).toMatchObject({ iterations: null, stopped: null });
    expect(readJobResult({ mean: 'x' })).toBeNull();
  });
});
