/**
 * Golden tests of Envenomed Fangs (472524, Pack Leader, ./pack-leader.ts): the Bear's Rend Flesh
 * (471999, up to 8 enemies, #2) consumes the Serpent Sting (271788) of each enemy it reaches, and
 * 472525 deals the sting's remaining damage at once as Nature (#2: 100 %), as SimC's
 * rend_flesh_t::impact: the sting's tick × its fractional ticks left, no crit (attribute 93), no
 * caster modifiers on top (221). BM's Serpent Sting comes from Poisoned Barbs (1217535). Configs
 * isolate the mechanic (../bm-hunter/test-support.ts: no crit, no ratings, 40,000 agility);
 * spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from '../../engine/run.ts';
import type { Sim } from '../../engine/sim.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM } from '../bm-hunter/data.ts';
import { AGILITY, bmSim } from '../bm-hunter/test-support.ts';

/** A Serpent Sting tick before versatility: 0.206 × AP (271788 #2), the spec aura (137015 #2, −6 %). */
const STING_TICK = 0.206 * AGILITY * (1 + BM.specAuraSpells);
const STING_MS = 18_000; // 271788: duration 18 s
const STING_TICK_MS = 3000; // 271788 #2: every 3 s (hasted)
/**
 * The Bear is ready at 150 s (the howl's cooldown at 0 s, the Wyvern ready at 30 s and unused, so
 * the cooldown again at 60 s, the Boar at 90 s, the cooldown at 120 s: ./pack-leader.test.ts) and
 * Kill Command summons it then; one Barbed Shot at 140 s gives the Serpent Stings (when it explodes).
 */
const ROTATION =
  'actions=kill_command,if=buff.howl_of_the_pack_leader_bear.up\nactions+=/barbed_shot,if=time>=140&time<141';

interface Hit {
  t: number;
  src: string;
  target: number;
  /** What the source was given (Sim.hit: before versatility; Sim.hitReplicated: all but the target's). */
  amount: number;
}

/** Records every hit of `sim`: Sim.hit's and Sim.hitReplicated's. */
function record(sim: Sim): Hit[] {
  const hits: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (s, target, amount, physical, critBonus, critDamage) => {
    hits.push({ t: sim.now, src: sim.data.sources[s]!.key, target, amount });
    return hit(s, target, amount, physical, critBonus, critDamage);
  };
  const replicated = sim.hitReplicated.bind(sim);
  sim.hitReplicated = (s, target, amount, physical) => {
    hits.push({ t: sim.now, src: sim.data.sources[s]!.key, target, amount });
    return replicated(s, target, amount, physical);
  };
  return hits;
}

/**
 * The first iteration (of seed 7) whose Barbed Shot exploded (Poisoned Barbs, 30 %), its hits
 * recorded, and the same iteration without Envenomed Fangs.
 */
function fight(opts: { fangs: boolean; targets: number; haste?: number; versatility?: number }): {
  sim: Sim;
  hits: Hit[];
  iteration: number;
} {
  const sim = bmSim({
    talents: ['howl_of_the_pack_leader', 'poisoned_barbs', ...(opts.fangs ? ['envenomed_fangs'] : [])],
    rotation: ROTATION,
    seconds: 175,
    targets: opts.targets,
  });
  const hits = record(sim);
  for (let k = 0; k < 50; k++) {
    hits.length = 0;
    sim.runIteration(7, k);
    if (hits.some((h) => h.src === 'poisoned_barbs')) return { sim, hits, iteration: k };
  }
  throw new Error('no Barbed Shot exploded in 50 iterations');
}

const of = (hits: Hit[], src: string, target?: number) =>
  hits.filter((h) => h.src === src && (target === undefined || h.target === target));

describe('Envenomed Fangs (472524)', () => {
  it("two targets: the Bear's Rend Flesh at 150 s consumes both stings, 3 ticks left each (143, 146, 149 s paid; 152, 155, 158 s not)", () => {
    const { hits } = fight({ fangs: true, targets: 2 });
    const kc = of(hits, 'kill_command');
    expect(kc.map((h) => h.t)).toEqual([150_000]);
    for (const t of [0, 1]) {
      // the sting lands with the blast at 140 s; its dot ends at 158 s; ticks at 143, 146, 149 s
      const sting = of(hits, 'serpent_sting', t);
      expect(sting.map((h) => h.t)).toEqual([140_000, 143_000, 146_000, 149_000]);
      const fangs = of(hits, 'envenomed_fangs', t);
      expect(fangs.map((h) => h.t)).toEqual([150_000]);
      // (158 − 149 s) / 3 s = 3 ticks left, × 0.206 AP × 0.94 (versatility 1)
      expect(fangs[0]!.amount).toBeCloseTo(3 * STING_TICK, 9);
    }
  });

  it('deals what the ticks left would have: without the talent the same stings tick 3 more times', () => {
    const withFangs = fight({ fangs: true, targets: 2 });
    const without = fight({ fangs: false, targets: 2 });
    expect(withFangs.iteration).toBe(without.iteration);
    for (const t of [0, 1]) {
      const later = of(without.hits, 'serpent_sting', t).filter((h) => h.t > 150_000);
      expect(later.map((h) => h.t)).toEqual([152_000, 155_000, 158_000]);
      const rest = later.reduce((s, h) => s + h.amount, 0);
      expect(of(withFangs.hits, 'envenomed_fangs', t)[0]!.amount).toBeCloseTo(rest, 6);
    }
    expect(of(without.hits, 'envenomed_fangs')).toEqual([]);
  });

  it('the damage dealt: the amount rounded, no crit roll, Nature (magic, no armor)', () => {
    const { sim } = fight({ fangs: true, targets: 2 });
    const src = sim.data.sources.findIndex((s) => s.key === 'envenomed_fangs');
    expect(sim.srcHits[src]).toBe(2);
    expect(sim.srcCrits[src]).toBe(0);
    expect(sim.srcDamage[src]).toBe(2 * Math.round(3 * STING_TICK));
  });

  it('ten targets: Rend Flesh reaches 8 (471999 #2), so the stings of the last two keep ticking', () => {
    const { hits } = fight({ fangs: true, targets: 10 });
    expect(of(hits, 'envenomed_fangs').map((h) => h.target)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (let t = 0; t < 10; t++) {
      const after = of(hits, 'serpent_sting', t).filter((h) => h.t > 150_000);
      expect(after.length, `target ${t}`).toBe(t < 8 ? 0 : 3);
    }
  });

  it('a target without Serpent Sting: nothing (one target, no Barbed Shot)', () => {
    const sim = bmSim({
      talents: ['howl_of_the_pack_leader', 'poisoned_barbs', 'envenomed_fangs'],
      rotation: 'actions=kill_command,if=buff.howl_of_the_pack_leader_bear.up',
      seconds: 175,
    });
    sim.runIteration(7, 0);
    const rend = sim.data.sources.findIndex((s) => s.key === 'rend_flesh');
    const src = sim.data.sources.findIndex((s) => s.key === 'envenomed_fangs');
    expect(sim.srcHits[rend]).toBeGreaterThan(0);
    expect(sim.srcHits[src]).toBe(0);
  });
});

describe('Envenomed Fangs: fractional ticks left and versatility', () => {
  it('hasted sting (shortened last tick): ticks left = (end − last tick) / tick time, × versatility, as the ticks would pay', () => {
    // haste and versatility ratings: the sting ticks every round(3000 / haste) ms, 18 s is no
    // whole number of them (the last tick is short), and its hits carry versatility
    const run = (fangs: boolean) => {
      const c = mechanicConfig(
        'bm-hunter',
        ['howl_of_the_pack_leader', 'poisoned_barbs', ...(fangs ? ['envenomed_fangs'] : [])],
        ROTATION,
        {
          seconds: 175,
          targets: 2,
          stats: { agility: AGILITY, crit: 0, haste: 2000, mastery: 0, versatility: 1500 },
        },
      );
      const sim = createSim(c);
      (sim as unknown as { baseCrit: number }).baseCrit = -10;
      return sim;
    };
    const withFangs = run(true);
    const without = run(false);
    // the same seed and iteration, both recorded
    const a = record(withFangs);
    const b = record(without);
    let k = 0;
    for (; k < 50; k++) {
      a.length = 0;
      b.length = 0;
      withFangs.runIteration(7, k);
      without.runIteration(7, k);
      if (a.some((h) => h.src === 'poisoned_barbs')) break;
    }
    expect(k).toBeLessThan(50);
    const haste = withFangs.haste;
    const vers = withFangs.versatility;
    expect(haste).toBeGreaterThan(1);
    expect(vers).toBeGreaterThan(1);
    const tick = Math.round(STING_TICK_MS / haste);
    const T = of(a, 'kill_command')[0]!.t;
    for (const t of [0, 1]) {
      const sting = of(a, 'serpent_sting', t);
      const landed = sting[0]!.t;
      const last = sting[sting.length - 1]!.t;
      expect(last).toBe(landed + tick * Math.floor((T - landed) / tick));
      const left = (landed + STING_MS - last) / tick;
      expect(left % 1).not.toBe(0);
      const fangs = of(a, 'envenomed_fangs', t);
      expect(fangs[0]!.amount).toBeCloseTo(left * STING_TICK * vers, 6);
      // the ticks without the talent (Sim.hit's amount is before versatility): the same in total
      const rest = of(b, 'serpent_sting', t)
        .filter((h) => h.t > T)
        .reduce((s, h) => s + h.amount, 0);
      expect(fangs[0]!.amount).toBeCloseTo(rest * vers, 6);
    }
  });
});

describe('a pasted talent string', () => {
  it('taking Envenomed Fangs (node 94972, option 472524) with Pack Leader no longer lists it as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({
        specId: 253,
        heroTree: 'Pack Leader',
        talents: [{ nodeId: 94972, spellId: 472524 }],
      }),
    );
    expect(r.heroTree).toBe('Pack Leader');
    expect(r.ignored.map((t) => t.name)).not.toContain('Envenomed Fangs');
    expect(r.modelled).toContainEqual(expect.objectContaining({ key: 'envenomed_fangs', spellId: 472524 }));
  });
});
