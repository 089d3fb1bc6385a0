/**
 * Golden tests of the talents on the main pet's basic attack (./pet-basic-attack.ts): Brutal
 * Companion (386870: a Barbed Shot that brings Frenzy to 3 stacks, #1, makes the pet attack at once
 * for +50 %, #2) and Aspect of the Beast (191384 #1: Claw / Bite / Smack +30 %). Configs isolate
 * the talents (./test-support.ts: no crit, no ratings); spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM, BM_DATA } from './data.ts';
import { A, P } from './indices.ts';
import { AGILITY, bmSim, casts, damage, hits, physical, recordHits, run, STABLE } from './test-support.ts';

const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
/** Barbed Shot as often as Barbed Scales lets it (−2 s a Cobra Shot), so Frenzy reaches 3 stacks. */
const ROTATION = 'actions=barbed_shot\nactions+=/cobra_shot';

describe('Brutal Companion (386870)', () => {
  it('each Barbed Shot that finds Frenzy at 2 or 3 stacks (so leaves it at 3, #1) adds a free Claw at +50 % (#2)', () => {
    const sim = bmSim({ talents: ['brutal_companion', 'barbed_scales'], rotation: ROTATION, seconds: 120 });
    let expected = 0;
    const logic = sim.logic as unknown as { execute(a: number, t: number): void };
    const execute = logic.execute.bind(logic);
    logic.execute = (a, t) => {
      if (a === A.bs && sim.petBuffs.stack(P.frenzy, sim.now) >= 2) expected++;
      execute(a, t);
    };
    run(sim, 5);
    expect(casts(sim, 'barbed_shot')).toBeGreaterThan(40);
    expect(expected).toBeGreaterThan(5);
    expect(hits(sim, 'claw_brutal_companion')).toBe(expected);
    // 16827 #1: 0.26 × the pet's AP (STABLE: 0.6 AP share, −6 %, mastery), × 1.5; no Wild Hunt
    expect(damage(sim, 'claw_brutal_companion')).toBe(
      expected * physical(BM.petBasicAttackAp * AGILITY * STABLE * 1.5),
    );
  });

  it('leaves the pet’s own basic attacks alone (no cost, no cooldown): the same Claws as without it', () => {
    const claws = (talents: string[]) => {
      const sim = bmSim({ talents, rotation: ROTATION, seconds: 120 });
      const out: Array<[number, number]> = [];
      const hit = sim.hit.bind(sim);
      const claw = src('claw');
      sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
        if (s === claw) out.push([sim.now, amount]);
        return hit(s, target, amount, phys, critBonus, critDamage);
      };
      run(sim, 1);
      return out;
    };
    const base = claws(['barbed_scales']);
    expect(base.length).toBeGreaterThan(20);
    expect(claws(['brutal_companion', 'barbed_scales'])).toEqual(base);
  });

  it('nothing without the talent', () => {
    const sim = bmSim({ talents: ['barbed_scales'], rotation: ROTATION, seconds: 120 });
    run(sim, 1);
    expect(hits(sim, 'claw_brutal_companion')).toBe(0);
  });
});

describe('Aspect of the Beast (191384)', () => {
  it('every basic attack × 1.3 (#1), Brutal Companion’s too; nothing else changes', () => {
    const record = (talents: string[]) => {
      const sim = bmSim({ talents, rotation: ROTATION, seconds: 120 });
      const out = recordHits(sim);
      run(sim, 1);
      return out;
    };
    const without = record(['brutal_companion', 'barbed_scales']);
    const withIt = record(['aspect_of_the_beast', 'brutal_companion', 'barbed_scales']);
    expect(withIt.map(([s, t]) => [s, t])).toEqual(without.map(([s, t]) => [s, t]));
    const basic = new Set([src('claw'), src('claw_brutal_companion')]);
    let n = 0;
    withIt.forEach(([s, , amount], i) => {
      const ratio = amount / without[i]![2];
      if (basic.has(s)) {
        expect(ratio).toBeCloseTo(1.3, 12);
        n++;
      } else expect(ratio).toBe(1);
    });
    expect(n).toBeGreaterThan(30);
    // the first Claw at the pull: full focus (100 > 50), so Wild Hunt's × 2 (62762 #1) too
    const first = withIt.find(([s]) => s === src('claw'))!;
    expect(first[2]).toBeCloseTo(BM.petBasicAttackAp * AGILITY * STABLE * 2 * 1.3, 9);
  });
});

describe('a pasted talent string', () => {
  it('taking Brutal Companion (node 102350) and Aspect of the Beast (102351) no longer lists them as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 253, talents: [{ nodeId: 102350 }, { nodeId: 102351 }] }),
    );
    expect(r.ignored.map((t) => t.name)).toEqual([]);
    expect(r.modelled.map((t) => [t.key, t.spellId]).sort()).toEqual([
      ['aspect_of_the_beast', 191384],
      ['brutal_companion', 386870],
    ]);
  });
});
