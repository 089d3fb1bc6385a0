/**
 * MarksmanshipCrit's Bullseye health test answers without a health read while its answer is known
 * (latched below, or surely above before a time or a damage taken): here it is compared with the
 * health read it replaces, sim.healthPct() < 20, at every Bullseye check of whole fights, in each
 * health model (from damage, linear, adds).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { TIMING_DEFAULTS } from '../../config/timing.ts';
import { createSim } from '../../engine/run.ts';
import { specs } from '../registry.ts';
import type { SimConfig } from '../../types.ts';
import type { MarksmanshipCrit } from './crit.ts';
import { MM } from './numbers.ts';

function config(edit: (c: SimConfig) => void): SimConfig {
  const c = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
  c.fight.durationSeconds = 120;
  edit(c);
  return c;
}

/** Every Bullseye health test of `iterations` iterations: [below, above, mismatches]. */
function audit(c: SimConfig, iterations: number): { below: number; above: number; mismatches: string[] } {
  const sim = createSim(parseConfig(c));
  const crit = (sim.logic as unknown as { critModel: MarksmanshipCrit }).critModel as unknown as {
    belowBullseye(): boolean;
  };
  const test = crit.belowBullseye.bind(crit);
  let below = 0;
  let above = 0;
  const mismatches: string[] = [];
  crit.belowBullseye = () => {
    const kept = test();
    const read = sim.healthPct() < MM.bullseyeBelowPct;
    if (kept !== read) mismatches.push(`${sim.now} ms: ${kept} for ${sim.healthPct()} %`);
    if (read) below++;
    else above++;
    return kept;
  };
  for (let k = 0; k < iterations; k++) sim.runIteration(5, k);
  return { below, above, mismatches };
}

describe("Bullseye's kept health test", () => {
  const cases: Array<[string, (c: SimConfig) => void]> = [
    ['health from damage (the default)', () => {}],
    ['linear health', (c) => (c.timing = { ...TIMING_DEFAULTS, targetHealth: 'linear' })],
    ['adds (the main target from damage, the adds linear)', (c) => (c.fight.style = 'adds')],
    [
      'adds with linear health (dynamic checks of a linear main target)',
      (c) => {
        c.fight.style = 'adds';
        c.timing = { ...TIMING_DEFAULTS, targetHealth: 'linear' };
      },
    ],
  ];
  for (const [name, edit] of cases)
    it(`${name}: the health read's answer at every check`, () => {
      const r = audit(config(edit), 12);
      expect(r.mismatches).toEqual([]);
      expect(r.below).toBeGreaterThan(100); // both answers are asked many times
      expect(r.above).toBeGreaterThan(100);
    });
});
