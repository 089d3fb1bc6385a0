/**
 * Golden tests of Cobra Senses (378244, ./spec-talents.ts): Cobra Shot costs 5 focus less (#1:
 * 35 → 30) and deals 35 % more (#2), Snakeskin Quiver's free Cobra Shot too (the same spell).
 * Configs isolate the talent (./test-support.ts: no crit, no ratings); spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM } from './data.ts';
import { A } from './indices.ts';
import { AGILITY, bmSim, casts, damage, hits, OWN_MASTERY, physical, run } from './test-support.ts';

/** Cobra Shot: 193455's AP coefficient, the spec aura (137015 #1, −6 %) and Master of Beasts (76657 #5). */
const COBRA = BM.cobraShotAp * AGILITY * (1 + BM.specAuraSpells) * OWN_MASTERY;

describe('Cobra Senses (378244)', () => {
  it('Cobra Shot costs 30 focus (#1) and hits for × 1.35 (#2)', () => {
    const sim = bmSim({ talents: ['cobra_senses'], rotation: 'actions=cobra_shot', seconds: 60 });
    expect(sim.cost(A.cobra)).toBe(30);
    const spent: number[] = [];
    const spend = sim.spendFocus.bind(sim);
    sim.spendFocus = (f: number) => {
      spent.push(f);
      spend(f);
    };
    run(sim, 1);
    const n = casts(sim, 'cobra_shot');
    expect(n).toBeGreaterThan(10);
    expect(spent).toEqual(new Array(n).fill(30));
    expect(damage(sim, 'cobra_shot')).toBe(hits(sim, 'cobra_shot') * physical(COBRA * 1.35));
  });

  it('without it: 35 focus and the plain hit; with it more Cobra Shots fit in the same focus', () => {
    const without = bmSim({ talents: [], rotation: 'actions=cobra_shot', seconds: 60 });
    expect(without.cost(A.cobra)).toBe(35);
    run(without, 1);
    expect(damage(without, 'cobra_shot')).toBe(hits(without, 'cobra_shot') * physical(COBRA));
    const withIt = bmSim({ talents: ['cobra_senses'], rotation: 'actions=cobra_shot', seconds: 60 });
    run(withIt, 1);
    expect(casts(withIt, 'cobra_shot')).toBeGreaterThan(casts(without, 'cobra_shot'));
  });

  it('Snakeskin Quiver’s Cobra Shot (193455 too) × 1.35', () => {
    const sim = bmSim({
      talents: ['cobra_senses', 'snakeskin_quiver'],
      rotation: 'actions=kill_command',
      seconds: 120,
    });
    run(sim, 10);
    expect(hits(sim, 'cobra_shot_snakeskin_quiver')).toBeGreaterThan(10);
    expect(damage(sim, 'cobra_shot_snakeskin_quiver')).toBe(
      hits(sim, 'cobra_shot_snakeskin_quiver') * physical(COBRA * 1.35),
    );
  });
});

describe('a pasted talent string', () => {
  it('taking Cobra Senses (node 102344, its second option) no longer lists it as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 253, talents: [{ nodeId: 102344, spellId: 378244 }] }),
    );
    expect(r.ignored.map((t) => t.name)).not.toContain('Cobra Senses');
    expect(r.modelled).toMatchObject([{ key: 'cobra_senses', spellId: 378244, nodeId: 102344 }]);
  });
});
