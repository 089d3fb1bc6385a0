import { describe, expect, it } from 'vitest';
import { simulate, specs, ENGINE_VERSION } from '@wowlab/sim-core';
import { encodeSamples, toWireResult, type ChunkResultWire } from 'wowlab-node/protocol';
import { checkChunkResult } from '../../src/completion/validate-result.ts';

const config = specs[0]!.defaultConfig();
config.fight.durationSeconds = 10;
const values = simulate(config, { seed: 3, seedOffset: 2000, iterations: 50 });
const real = toWireResult(values);
const expected = { iterations: 50, seedOffset: 2000, engineVersion: ENGINE_VERSION };

describe('chunk result plausibility', () => {
  it('accepts a real sim-core result', () => {
    expect(checkChunkResult(real, expected)).toBeNull();
  });

  it('names the first implausible field', () => {
    const cases: Array<[Partial<ChunkResultWire>, RegExp]> = [
      [{ iterations: 49 }, /iterations/],
      [{ seedOffset: 0 }, /seedOffset/],
      [{ engineVersion: 'x' }, /engineVersion/],
      [{ n: 49 }, /n must equal/],
      [{ samples: encodeSamples(values.samples.slice(0, 49)) }, /one value per iteration/],
      [{ samples: real.samples.slice(0, -1) }, /base64url .* float64/],
      [{ samples: JSON.stringify(values.samples) }, /base64url .* float64/],
      [{ mean: Infinity }, /finite/],
      [{ mean: real.max + 1 }, /min <= mean <= max/],
      [{ min: real.min - 1 }, /min\/max do not match/],
      [{ mean: (real.mean + real.max) / 2 }, /mean does not match/],
      [{ m2: real.m2 * 2 + 10 }, /m2 does not match/],
      [{ samples: encodeSamples(values.samples.map((s, i) => (i === 3 ? NaN : s))) }, /finite/],
      [{ samples: encodeSamples(values.samples.map((s, i) => (i === 3 ? Infinity : s))) }, /finite/],
      [{ abilities: { kill_command: { damage: 1, casts: 1, hits: 1, crits: 2 } } }, /crits <= hits/],
    ];
    for (const [patch, problem] of cases) {
      expect(checkChunkResult({ ...real, ...patch }, expected), JSON.stringify(Object.keys(patch))).toMatch(
        problem,
      );
    }
  });
});
