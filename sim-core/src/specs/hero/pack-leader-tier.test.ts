/**
 * Golden tests of The War Within season 3 hunter set's Pack Leader bonuses (Beast Mastery):
 * 2-piece 1236372, 4-piece 1236373. Each config isolates one mechanic (no raid buffs, consumables,
 * timing delays or ratings); the figures are worked out by hand from the cited spell data
 * (11.2.0.63003) and SimC's rules (sc_hunter.cpp 50d415071f), and the engine must give exactly them.
 */
import { describe, expect, it } from 'vitest';
import { parseRotation } from '../../apl/parser.ts';
import { BASE_CRIT, BASE_MASTERY_POINTS, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { createSim, simulate } from '../../engine/run.ts';
import type { Sim } from '../../engine/sim.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import type { SimConfig } from '../../types.ts';
import { DARK_RANGER_TALENTS } from './dark-ranger-data.ts';
import { specs, specVocabulary } from '../registry.ts';
import { SET_BONUSES } from '../tier-sets.ts';
import { PACK_LEADER_TIER } from './pack-leader-data.ts';
import type { PackLeaderTier } from './pack-leader-tier.ts';

const AP = 40_000;
const PTS = BASE_MASTERY_POINTS;
/** Master of Beasts, 1.9 % per point (76657 #1 pets, #3 Boar Charge and Stampede, #4 guardians). */
const mastery = (points: number) => 1 + (points * 1.9) / 100;
const MASTERY = mastery(PTS);
/** Grizzled Fur: +6 mastery points (1236564 #1). */
const MASTERY_FUR = mastery(PTS + 6);
const STABLE = 0.6 * (1 - 0.06) * MASTERY; // a stable pet: 0.6 AP (SimC), 137015 #3, mastery
const PET_SWING = (AP * 2) / 6;
const TWO = ['thewarwithin_season_3_2pc'];
const BOTH = [...SET_BONUSES];
const PL = 'howl_of_the_pack_leader';
const LFTF = 'lead_from_the_front';
const kcOn = (ready: string) => `actions=kill_command,if=buff.howl_of_the_pack_leader_${ready}.up`;

interface Hit {
  t: number;
  src: string;
  target: number;
  amount: number;
  crit: number;
  mastery: number;
  haste: number;
}

function config(
  talents: string[],
  rotation: string,
  seconds: number,
  sets: string[],
  targets = 1,
): SimConfig {
  return mechanicConfig('bm-hunter', talents, rotation, {
    seconds,
    targets,
    setBonuses: sets,
    stats: { agility: AP, crit: 0, haste: 0, mastery: 0, versatility: 0 },
  });
}

/** Iteration 0: the hits (amount before crit/versatility/armor, the stats then), landings, buffs applied. */
function run(c: SimConfig, noCrit = false, before?: (sim: Sim) => void) {
  const sim = createSim(c);
  const hits: Hit[] = [];
  const landed: Array<{ t: number; src: string; target: number }> = [];
  const buffs: Array<{ t: number; key: string }> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
    const s = sim.data.sources[src]!.key;
    hits.push({
      t: sim.now,
      src: s,
      target,
      amount,
      crit: sim.critChance,
      mastery: sim.masteryPct,
      haste: sim.haste,
    });
    return hit(src, target, amount, physical, critBonus, critDamage);
  };
  const land = sim.land.bind(sim);
  sim.land = (slot) => {
    landed.push({
      t: sim.now,
      src: sim.data.sources[sim.inFlight.src[slot]!]!.key,
      target: sim.inFlight.target[slot]!,
    });
    land(slot);
  };
  const applyBuff = sim.applyBuff.bind(sim);
  sim.applyBuff = (buff, stacks, ms) => {
    buffs.push({ t: sim.now, key: sim.data.buffs[buff]!.key });
    applyBuff(buff, stacks, ms);
  };
  // no crits: the rating's chance far below 0 (the set's 6 % is added to it)
  if (noCrit) (sim as unknown as { baseCrit: number }).baseCrit = -10;
  before?.(sim);
  sim.runIteration(1, 0);
  return { sim, hits, landed, buffs };
}

const of = (hits: Hit[], src: string) => hits.filter((h) => h.src === src);
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
const applied = (buffs: Array<{ t: number; key: string }>, key: string) =>
  buffs.filter((b) => b.key === key).map((b) => b.t);

describe('Pack Leader set, 2-piece (1236372)', () => {
  it('pets +5 % (#1, BM; #2 is Survival): the main pet, not without the set, not for Dark Ranger', () => {
    const idle = 'actions=bestial_wrath,if=time>999';
    const melee = (talents: string[], sets: string[]) =>
      of(run(config(talents, idle, 20, sets)).hits, 'pet_melee');
    const worn = melee([PL], TWO);
    expect(worn.length).toBeGreaterThan(5);
    for (const h of worn) expect(same(h.amount, PET_SWING * STABLE * 1.05)).toBe(true);
    for (const h of melee([PL], [])) expect(same(h.amount, PET_SWING * STABLE)).toBe(true);
    // Dark Ranger wears the same set: Pack Leader's bonuses do nothing for it
    const dr = DARK_RANGER_TALENTS.map((t) => t.key);
    for (const h of melee(dr, BOTH)) expect(same(h.amount, PET_SWING * STABLE)).toBe(true);
  });

  it('Wyvern: Sharpened Fangs, crit +6 % (1236566 #1) for 8 s from the summon', () => {
    const { hits, buffs } = run(config([PL], kcOn('wyvern'), 59, TWO));
    const T = of(hits, 'kill_command')[0]!.t;
    expect(T).toBeGreaterThanOrEqual(30_000);
    expect(applied(buffs, 'sharpened_fangs')).toEqual([T]);
    expect(applied(buffs, 'hasted_hooves')).toEqual([]);
    expect(applied(buffs, 'grizzled_fur')).toEqual([]);
    // the Kill Command's own hit came before the Wyvern; the buff falls off at T + 8 s (its expiry first)
    const up = (t: number) => t > T && t < T + 8000;
    expect(hits.some((h) => up(h.t))).toBe(true);
    for (const h of hits) expect(h.crit, `${h.src} at ${h.t}`).toBe(up(h.t) ? BASE_CRIT + 0.06 : BASE_CRIT);
    for (const h of hits) expect(h.mastery).toBe(PTS * 1.9);
  });

  it('Boar: Boar Charge +15 % (#5 on 471936, #4 on 471938) and Hasted Hooves, haste +6 % (1236565 #1) for 8 s', () => {
    const { hits, buffs } = run(config([PL], kcOn('boar'), 110, TWO, 3));
    const T = of(hits, 'kill_command')[0]!.t;
    expect(T).toBeGreaterThanOrEqual(90_000);
    expect(applied(buffs, 'hasted_hooves')).toEqual([T]);
    const m = AP * (1 - 0.06) * MASTERY; // 137015 #1, 76657 #3
    const impact = of(hits, 'boar_charge');
    expect(impact.map((h) => h.t)).toEqual([T, T + 3000, T + 6000]);
    for (const h of impact) expect(same(h.amount, 4 * m * 1.15)).toBe(true);
    const cleave = of(hits, 'boar_charge_cleave');
    expect(cleave).toHaveLength(9);
    for (const h of cleave) expect(same(h.amount, 1.6 * m * 1.15)).toBe(true);
    // haste multiplies by 1.06 while it is up (SimC divides the attack haste by 1 + 6 %)
    // (at T the hits before the Kill Command's summon have none; the first charge comes after it, as
    // SimC's ground effect pulses in its own event)
    const up = (t: number) => t > T && t < T + 8000;
    for (const h of hits)
      if (h.t !== T || h.src.startsWith('boar'))
        expect(h.haste, `${h.src} at ${h.t}`).toBe(up(h.t) || h.t === T ? 1.06 : 1);
    // the pet swings 2 s / 1.06 apart while it is up
    const swings = of(hits, 'pet_melee').filter((h) => up(h.t) && h.t > T + 2000);
    expect(swings[1]!.t - swings[0]!.t).toBe(Math.round(2000 / 1.06));
  });

  it('Bear: Bear Summon −20 + 15 (#3, label 4690), Grizzled Fur +6 mastery points (1236564 #1) for 8 s after Rend Flesh', () => {
    const { hits, buffs } = run(config([PL], kcOn('bear'), 170, TWO, 2));
    const T = of(hits, 'kill_command')[0]!.t;
    expect(T).toBeGreaterThanOrEqual(150_000);
    expect(applied(buffs, 'grizzled_fur')).toEqual([T]);
    const summon = 1 - 0.2 + 0.15; // 1225858 #1 with 137015 #9 and 1236372 #3
    const guardian = (pts: number) => (1 - 0.06) * mastery(pts); // 137015 #4, 76657 #4
    const bear = of(hits, 'bear_melee');
    expect(bear.map((h) => h.t)).toEqual(Array.from({ length: 8 }, (_, k) => T + 1500 * k));
    // the swings read the mastery when they hit: Grizzled Fur's for those before T + 8 s
    for (const h of bear) {
      const pts = h.t < T + 8000 ? PTS + 6 : PTS;
      expect(same(h.amount, ((AP * 1.5) / 6) * 7 * guardian(pts) * summon), `bear at ${h.t}`).toBe(true);
    }
    // SimC bear_t::summon casts Rend Flesh before Grizzled Fur comes: its ticks keep the base mastery
    const rend = of(hits, 'rend_flesh');
    expect(rend).toHaveLength(20);
    for (const h of rend) expect(same(h.amount, 0.4 * AP * (1 - 0.06) * guardian(PTS) * summon)).toBe(true);
    expect(MASTERY_FUR).toBe(mastery(PTS + 6));
    const furUp = hits.filter((h) => h.t > T && h.t < T + 8000);
    expect(furUp.length).toBeGreaterThan(0);
    for (const h of furUp) expect(h.mastery).toBe((PTS + 6) * 1.9);
  });

  it('with the set and no Pack Leader, no Stampede; with Pack Leader, more DPS than without it', () => {
    const run100 = (talents: string[], sets: string[]) => {
      const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
      c.fight.durationSeconds = 120;
      if (talents.length > 0) c.player.talents = talents;
      c.setBonuses = sets;
      return simulate(c, { seed: 3, seedOffset: 0, iterations: 30 });
    };
    const dr = [
      ...specs
        .find((s) => s.id === 'bm-hunter')!
        .defaultConfig()
        .player.talents.filter((k) => !k.includes('pack')),
      ...DARK_RANGER_TALENTS.map((t) => t.key),
    ].filter((k) => k !== PL);
    // Dark Ranger's own set acts then (dark-ranger-set.test.ts), Pack Leader's does not
    expect(run100(dr, BOTH).abilities.stampede?.damage ?? 0).toBe(0);
    const withSet = run100([], BOTH);
    const without = run100([], []);
    expect(withSet.mean).toBeGreaterThan(without.mean);
    expect(without.abilities.stampede?.damage ?? 0).toBe(0);
  });
});

describe('Pack Leader set, 4-piece (1236373): Stampede', () => {
  const SETUP = [`actions=bestial_wrath,if=time<1`, `actions+=/${kcOn('wyvern').slice(8)}`];
  /** 201594 #1 (3 AP), 137015 #1 (−6 %) and #12 (−55 %), 76657 #3, Bestial Wrath, Wyvern's Cry's 10 %. */
  const HIT = 3 * AP * (1 - 0.06) * (1 - 0.55) * MASTERY * 1.3 * 1.1;

  it('a beast summoned under Lead From the Front: 3 ticks (0, 2, 4 s) of 3 hits landing 0.6 / 0.9 / 1.2 s later, 9 × 201594 #1 on each enemy', () => {
    // Bestial Wrath at 0 s: Lead From the Front (12 s) and the Wyvern ready; Kill Command after the GCD
    const { hits, landed, sim } = run(config([PL, LFTF], SETUP.join('\n'), 20, BOTH, 3), true);
    const T = of(hits, 'kill_command')[0]!.t;
    expect(T).toBe(1500);
    const st = of(hits, 'stampede');
    const ticks = [T, T + 2000, T + 4000];
    expect(st.map((h) => [h.t, h.target])).toEqual(
      ticks.flatMap((t) => [0, 1, 2, 0, 1, 2, 0, 1, 2].map((x) => [t, x])),
    );
    for (const h of st) expect(same(h.amount, HIT), `stampede at ${h.t}`).toBe(true);
    const lands = landed.filter((l) => l.src === 'stampede');
    expect(lands.map((l) => [l.t, l.target])).toEqual(
      ticks.flatMap((t) => [600, 900, 1200].flatMap((d) => [0, 1, 2].map((x) => [t + d, x]))),
    );
    // per enemy: 1236373 #3 (9) hits of 201594 #1, each rounded as the engine deals it (no crit, armor)
    expect(PACK_LEADER_TIER.stampedeHits).toBe(9);
    const idx = sim.data.sources.findIndex((s) => s.key === 'stampede');
    expect(sim.srcHits[idx]).toBe(3 * 9);
    expect(sim.srcDamage[idx]).toBe(3 * 9 * Math.round(HIT * PHYSICAL_MULTIPLIER));
    expect(sim.srcCrits[idx]).toBe(0);
    expect(sim.srcCasts[idx]).toBe(1);
  });

  it('only under Lead From the Front, only with the 4-piece', () => {
    const none = (c: SimConfig) => of(run(c, true).hits, 'stampede');
    // the Wyvern at 30 s without Bestial Wrath: no Lead From the Front
    expect(none(config([PL, LFTF], kcOn('wyvern'), 40, BOTH))).toEqual([]);
    // Bestial Wrath without the talent: no Lead From the Front, no beast from it
    expect(none(config([PL], SETUP.join('\n'), 40, BOTH))).toEqual([]);
    // the 2-piece alone
    expect(none(config([PL, LFTF], SETUP.join('\n'), 20, TWO))).toEqual([]);
    // the 4-piece alone: Stampede, no stat buff
    const four = run(config([PL, LFTF], SETUP.join('\n'), 20, ['thewarwithin_season_3_4pc']), true);
    expect(of(four.hits, 'stampede')).toHaveLength(9);
    expect(applied(four.buffs, 'sharpened_fangs')).toEqual([]);
  });

  it("hits every enemy, not 1236373 #4's 8: SimC's default bugs=1 (stampede_t: aoe -1)", () => {
    const { hits } = run(config([PL, LFTF], SETUP.join('\n'), 20, BOTH, 12), true);
    const first = of(hits, 'stampede').filter((h) => h.t === 1500);
    expect(first.map((h) => h.target)).toEqual(
      [0, 1, 2].flatMap(() => Array.from({ length: 12 }, (_, t) => t)),
    );
  });

  it('a second Stampede while one runs refreshes it (pandemic), ticks at once and keeps the 2 s schedule (SimC dot_t)', () => {
    // a Cobra Shot at 3 s stands for a second summon: Stampede again on the target
    const rotation = [...SETUP, 'actions+=/cobra_shot,if=time>2&time<3.5'].join('\n');
    let cobraAt = -1;
    const { hits } = run(config([PL, LFTF], rotation, 20, BOTH), true, (sim) => {
      const tier = (sim.logic as unknown as { pl: { tier: PackLeaderTier } }).pl.tier;
      const execute = sim.logic.execute.bind(sim.logic);
      sim.logic.execute = (a, target) => {
        execute(a, target);
        if (sim.data.actions[a]!.key === 'cobra_shot') {
          cobraAt = sim.now;
          tier.stampede(target);
        }
      };
    });
    const S = 1500;
    expect(cobraAt).toBe(3000);
    // first: 1.5 s to 5.5 s; at 3 s 2.5 s are left, 1.2 s (30 % of 4 s) kept: ends at 3 + 4 + 1.2 = 8.2 s
    const ticks = [S, cobraAt, S + 2000, S + 4000, S + 6000, cobraAt + 4000 + 1200];
    const st = of(hits, 'stampede');
    expect([...new Set(st.map((h) => h.t))]).toEqual(ticks);
    expect(st).toHaveLength(ticks.length * 3);
  });

  it('buff.grizzled_fur, hasted_hooves, sharpened_fangs and stampede are real buffs to the rotation', () => {
    const names = ['grizzled_fur', 'hasted_hooves', 'sharpened_fangs', 'stampede'];
    const text = names.map((n, i) => `actions${i ? '+' : ''}=cobra_shot,if=buff.${n}.up`).join('\n');
    expect(parseRotation(text, specVocabulary('bm-hunter')).warnings).toEqual([]);
    // Cobra Shot only while the Stampede runs (1.5 s to 5.5 s)
    const c = config([PL, LFTF], [...SETUP, 'actions+=/cobra_shot,if=buff.stampede.up'].join('\n'), 12, [
      'thewarwithin_season_3_4pc',
    ]);
    const cobra = of(run(c, true).hits, 'cobra_shot').map((h) => h.t);
    expect(cobra.length).toBeGreaterThan(0);
    for (const t of cobra) expect(t >= 1500 && t < 5500, `cobra at ${t}`).toBe(true);
  });
});
