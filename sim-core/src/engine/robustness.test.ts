/** Random valid configs and random rotations: the engine always finishes with finite results. */
import { describe, expect, it } from 'vitest';
import { RotationError } from '../apl/errors.ts';
import { parseRotation } from '../apl/parser.ts';
import { specData, specs, specVocabulary } from '../specs/registry.ts';
import type { SimConfig, SpecId } from '../types.ts';
import { simulate } from './run.ts';
import { MIN_AUTO_SHOT_MS } from './sim.ts';

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

function randomRotation(spec: SpecId, rand: () => number): string {
  const v = specVocabulary(spec);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const conds = [
    () => `focus>${Math.floor(rand() * 120)}`,
    () => `cooldown.${pick(v.cooldowns)}.remains<${(rand() * 10).toFixed(1)}`,
    () => `buff.${pick(v.buffs)}.up`,
    () => `!buff.${pick(v.buffs)}.up`,
    () => `dot.${pick(v.dots)}.refreshable`,
    () => `time>${Math.floor(rand() * 60)}`,
    () => `target.health.pct<${Math.floor(rand() * 100)}`,
    () => `prev_gcd.1.${pick(v.actions)}`,
    () => `gcd.remains=0`,
  ];
  const lines: string[] = [];
  const n = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < n; i++) {
    const head = i === 0 ? 'actions=' : 'actions+=/';
    const r = rand();
    if (r < 0.1) lines.push(`${head}wait,sec=${(rand() * 2).toFixed(2)}`);
    else if (r < 0.15) lines.push(`${head}wait,sec=0.001`);
    else {
      let line = `${head}${pick(v.actions)}`;
      if (rand() < 0.7) line += `,if=${pick(conds)()}${rand() < 0.4 ? `&${pick(conds)()}` : ''}`;
      if (rand() < 0.15) line += `,line_cd=${Math.floor(rand() * 5)}`;
      if (rand() < 0.15) line += ',target_if=min:dot.' + pick(v.dots) + '.remains';
      lines.push(line);
    }
  }
  return lines.join('\n');
}

function randomConfig(rand: () => number): SimConfig {
  const spec = rand() < 0.5 ? specs[0]! : specs[1]!;
  const c = spec.defaultConfig();
  const s = c.player.stats;
  s.agility = Math.floor(rand() * 80_000);
  s.crit = Math.floor(rand() * 60_000);
  s.haste = Math.floor(rand() * 60_000);
  s.mastery = Math.floor(rand() * 60_000);
  s.versatility = Math.floor(rand() * 60_000);
  s.weaponDps = Math.floor(rand() * 4000);
  s.weaponSpeed = 1 + Math.floor(rand() * 40) / 10;
  c.player.talents = specData(spec.id)
    .talents.map((t) => t.key)
    .filter(() => rand() < 0.6);
  const cleave = rand() < 0.5;
  c.fight = {
    style: cleave ? 'cleave' : 'patchwerk',
    durationSeconds: 10 + Math.floor(rand() * 110),
    durationVariation: Math.floor(rand() * 50) / 100,
    targets: cleave ? 1 + Math.floor(rand() * 20) : 1,
    bloodlust: rand() < 0.5,
  };
  return c;
}

describe('engine robustness', () => {
  it('random valid configs with the default rotations run and give finite DPS', () => {
    const rand = lcg(11);
    for (let i = 0; i < 40; i++) {
      const c = randomConfig(rand);
      const r = simulate(c, { seed: i, seedOffset: 0, iterations: 3 });
      expect(
        r.samples.every((x) => Number.isFinite(x) && x >= 0),
        JSON.stringify(c.fight),
      ).toBe(true);
      expect(Number.isFinite(r.m2) && r.m2 >= 0).toBe(true);
    }
  }, 60_000);

  it('random rotations never hang or throw inside the engine', () => {
    const rand = lcg(5);
    let ran = 0;
    for (let i = 0; i < 200; i++) {
      const c = randomConfig(rand);
      c.fight.durationSeconds = 10 + Math.floor(rand() * 50);
      c.rotation = randomRotation(c.spec, rand);
      try {
        parseRotation(c.rotation, specVocabulary(c.spec));
      } catch (e) {
        if (e instanceof RotationError) continue;
        throw e;
      }
      const r = simulate(c, { seed: i, seedOffset: 0, iterations: 2 });
      expect(
        r.samples.every((x) => Number.isFinite(x) && x >= 0),
        c.rotation,
      ).toBe(true);
      ran++;
    }
    expect(ran).toBeGreaterThan(150);
  }, 180_000);

  it('Auto Shot never fires faster than MIN_AUTO_SHOT_MS before haste (1 s weapon, In the Rhythm −1 s)', () => {
    const c = specs.find((x) => x.id === 'mm-hunter')!.defaultConfig();
    c.player.stats = { ...c.player.stats, weaponSpeed: 1, haste: 0 };
    c.player.talents = ['in_the_rhythm'];
    c.fight = { ...c.fight, durationSeconds: 30, durationVariation: 0, bloodlust: false };
    c.rotation = 'actions=rapid_fire';
    const r = simulate(c, { seed: 1, seedOffset: 0, iterations: 1 });
    const autos = r.abilities.auto_shot!.hits;
    expect(autos).toBeGreaterThan(30); // In the Rhythm's faster shots happened
    expect(autos).toBeLessThanOrEqual((30_000 / MIN_AUTO_SHOT_MS) * 1.1);
  });
});
