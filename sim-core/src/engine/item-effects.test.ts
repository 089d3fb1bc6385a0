/**
 * The item effects of config `gear` (specs/gear.ts, engine/item-effects.ts): Culminating
 * Blasphemite, Dawnthread Lining and Reshii Wraps, each isolated on a spec's default config with
 * everything else switched off, against a hand computation from the cited spell data.
 */
import { describe, expect, it } from 'vitest';
import {
  BLASPHEMITE_CRIT_PER_COLOUR,
  DAWNTHREAD_CRIT_RATING,
  DAWNTHREAD_UPTIME,
  noGear,
  NETHERPRISM_SOURCE,
  RESHII_DAMAGE_COEFFICIENT,
  RESHII_SOURCE,
} from '../specs/gear.ts';
import { damageSecondaryBudget, itemBudget, trinketRating } from '../specs/item-levels.ts';
import { WEAPON_ENCHANTS } from '../specs/weapon-enchants.ts';
import { PET_SOURCES } from '../specs/pet-sources.ts';
import type { Gear, SimConfig } from '../types.ts';
import { CRIT_MULTIPLIER, deriveStats } from './ratings.ts';
import { createSim, simulate } from './run.ts';
import { freshSim, mechanicConfig } from './test-support.ts';

const MM_ROTATION = 'actions=aimed_shot\nactions+=/steady_shot';
const BM_ROTATION = 'actions=kill_command\nactions+=/cobra_shot';

function withGear(spec: 'mm-hunter' | 'bm-hunter', gear: Partial<Gear>, seconds = 100): SimConfig {
  const c = mechanicConfig(spec, [], spec === 'mm-hunter' ? MM_ROTATION : BM_ROTATION, { seconds });
  c.gear = { ...noGear(), ...gear };
  return c;
}

describe('item effects (config gear)', () => {
  it('Culminating Blasphemite: the hunter’s crit multiplier × (1 + 0.0015 × colours), the pets’ unchanged', () => {
    expect(BLASPHEMITE_CRIT_PER_COLOUR).toBe(0.0015); // 435500 #1: 0.15 (%)
    for (const spec of ['mm-hunter', 'bm-hunter'] as const) {
      const plain = createSim(withGear(spec, {}));
      const meta = createSim(withGear(spec, { blasphemiteColours: 4 }));
      plain.data.sources.forEach((s, i) => {
        const want = PET_SOURCES.has(s.key) ? CRIT_MULTIPLIER : CRIT_MULTIPLIER * 1.006;
        expect(plain.srcCritMultiplier[i], s.key).toBe(CRIT_MULTIPLIER);
        expect(meta.srcCritMultiplier[i], s.key).toBeCloseTo(want, 15);
      });
    }
    // the same draws: each crit of a shot deals × 2.012 / 2 of the plain one, other hits the same
    const c = withGear('mm-hunter', {});
    const a = simulate(c, { seed: 3, seedOffset: 0, iterations: 20 });
    const b = simulate(
      { ...c, gear: { ...noGear(), blasphemiteColours: 4 } },
      { seed: 3, seedOffset: 0, iterations: 20 },
    );
    const steady = (r: typeof a) => r.abilities.steady_shot!;
    expect(steady(b).hits).toBe(steady(a).hits);
    expect(steady(b).crits).toBe(steady(a).crits);
    expect(steady(b).damage).toBeGreaterThan(steady(a).damage);
  });

  it('Dawnthread Lining: 755.9994 crit rating per lining, up at the pull, then up 70 % of the time', () => {
    expect(DAWNTHREAD_CRIT_RATING).toBeCloseTo(0.131628 * 3828.969615 * 1.5, 9); // 457665 #1, level-80 scaling × 1.5
    expect(Math.round(DAWNTHREAD_CRIT_RATING)).toBe(756);
    const c = withGear('mm-hunter', { dawnthreadLinings: 2 }, 60);
    const sim = createSim(c);
    const base = deriveStats(sim.ratings).critChance;
    const lined = deriveStats({
      ...sim.ratings,
      crit: sim.ratings.crit + 2 * DAWNTHREAD_CRIT_RATING,
    }).critChance;
    const buff = sim.data.buffs.findIndex((b) => b.key === 'dawnthread_lining');
    // the pull: up; the fight's end state of each iteration: up about 70 % of the time (each ends
    // after several re-rolls, every ~10 s: a sample of the chain's steady state)
    let up = 0;
    const n = 1500;
    for (let k = 0; k < n; k++) {
      sim.runIteration(9, k);
      const isUp = sim.buffs.up(buff, sim.now);
      if (isUp) up++;
      expect(sim.baseCrit).toBeCloseTo(isUp ? lined : base, 12);
    }
    const sd = Math.sqrt((DAWNTHREAD_UPTIME * (1 - DAWNTHREAD_UPTIME)) / n);
    expect(Math.abs(up / n - DAWNTHREAD_UPTIME)).toBeLessThan(4 * sd);
    // at the pull, before any re-roll: up, with its first check Gauss(10 s, 2.5 s) later
    const pull = freshSim(withGear('mm-hunter', { dawnthreadLinings: 1 }, 60));
    pull.extras.reset();
    expect(pull.buffs.up(buff, 0)).toBe(true);
    expect(pull.baseCrit).toBeCloseTo(
      deriveStats({ ...pull.ratings, crit: pull.ratings.crit + DAWNTHREAD_CRIT_RATING }).critChance,
      12,
    );
    // none worn: the crit of the ratings alone, no buff
    const none = createSim(withGear('mm-hunter', {}, 60));
    none.runIteration(9, 0);
    expect(none.buffs.up(buff, none.now)).toBe(false);
    expect(none.baseCrit).toBe(base);
  });

  it('Reshii Wraps: 58.56765 × the item level’s budget arcane damage, × versatility and crit; RPPM 2 hasted, 3 with Reshii Grace', () => {
    expect(damageSecondaryBudget(730)).toBeCloseTo(27120.20508, 5); // rand_prop_points.inc, damage_secondary
    expect(damageSecondaryBudget(723)).toBeCloseTo(24740.8457, 4);
    const amount = RESHII_DAMAGE_COEFFICIENT * damageSecondaryBudget(730)!;
    expect(Math.round(amount)).toBe(1_588_367);
    for (const spec of ['mm-hunter', 'bm-hunter'] as const) {
      // no raid buffs, no Hunter's Mark in these rotations: a hit is the amount × versatility
      // (above 35 % health) or × 1.2 more (at or below), × the crit multiplier when it crits
      const c = withGear(spec, { reshiiWrapsItemLevel: 730 }, 300);
      const vers = createSim(c).versatility;
      const iterations = 40;
      const r = simulate(c, { seed: 4, seedOffset: 0, iterations });
      const a = r.abilities[RESHII_SOURCE.key]!;
      expect(a.hits, spec).toBeGreaterThan(0);
      const values = [1, 1.2].flatMap((x) => [
        Math.round(amount * vers * x),
        Math.round(amount * vers * x * CRIT_MULTIPLIER),
      ]);
      // damage = Σ over hits of one of the four values: the non-crits' and crits' split fits exactly
      let fits = false;
      for (let low = 0; low <= a.hits && !fits; low++)
        for (let lowCrit = 0; lowCrit <= Math.min(low, a.crits) && !fits; lowCrit++) {
          const high = a.hits - low;
          const highCrit = a.crits - lowCrit;
          if (highCrit < 0 || highCrit > high) continue;
          const d =
            (low - lowCrit) * values[0]! +
            lowCrit * values[1]! +
            (high - highCrit) * values[2]! +
            highCrit * values[3]!;
          fits = d === a.damage;
        }
      expect(fits, `${spec}: ${a.damage} from ${a.hits} hits, ${a.crits} crits`).toBe(true);
      // RPPM 2 × haste per minute (the rotations' hits come often enough that attempts are ~continuous)
      const perMinute = a.hits / iterations / 5;
      expect(perMinute, spec).toBeGreaterThan(1.6);
      expect(perMinute, spec).toBeLessThan(3);
      const grace = simulate(
        { ...c, gear: { ...c.gear!, reshiiGrace: true } },
        { seed: 4, seedOffset: 0, iterations },
      );
      const ratio = grace.abilities[RESHII_SOURCE.key]!.hits / a.hits;
      expect(ratio, spec).toBeGreaterThan(1.3);
      expect(ratio, spec).toBeLessThan(1.7);
    }
  });

  it('Reshii Wraps: the pets’ hits never trigger it; the hunter’s Auto Shot and periodic damage do', () => {
    const sim = createSim(withGear('bm-hunter', { reshiiWrapsItemLevel: 700 }));
    const bits = (key: string) => sim.srcProc[sim.data.sources.findIndex((s) => s.key === key)]!;
    for (const key of ['kill_command', 'pet_melee', 'dire_beast']) expect(bits(key), key).toBe(0);
    for (const key of ['cobra_shot', 'auto_shot', 'barbed_shot']) expect(bits(key), key).not.toBe(0);
    expect(bits(RESHII_SOURCE.key)).toBe(0); // its own damage does not proc it
    const without = createSim(withGear('bm-hunter', {}));
    expect(without.hitProcs).toBe(0);
  });

  it('Authority of Radiant Power (rank 3): 243 500 holy damage on the target hit and 2 230 agility for 15 s, RPPM 1.5 unhasted', () => {
    expect(WEAPON_ENCHANTS.authority_of_radiant_power!.model).toMatchObject({
      rppm: 1.5,
      hasted: false,
      damage: [170_450, 206_975, 243_500], // 448710/448714/448716 #1 × 2 557.760973
      agility: [1560, 1895, 2230], // #2 × 3 828.969615
      buffMs: 15_000,
    });
    for (const spec of ['mm-hunter', 'bm-hunter'] as const) {
      const c = withGear(spec, { weaponEnchant: 'authority_of_radiant_power_3' }, 300);
      const sim = createSim(c);
      const vers = sim.versatility;
      const iterations = 60;
      const r = simulate(c, { seed: 8, seedOffset: 0, iterations });
      const a = r.abilities.radiant_power!;
      // every hit the amount × versatility, × the crit multiplier when it crits (no mark, no raid buffs)
      const hit = Math.round(243_500 * vers);
      const crit = Math.round(243_500 * vers * CRIT_MULTIPLIER);
      expect(a.damage, spec).toBe((a.hits - a.crits) * hit + a.crits * crit);
      // about 1.5 a minute with bad-luck protection (SimC's rules: ≈ 1.66)
      const perMinute = a.hits / iterations / 5;
      expect(perMinute, spec).toBeGreaterThan(1.4);
      expect(perMinute, spec).toBeLessThan(1.95);
    }
    // the buff's agility: the sheet's + 2 230 while up (not through the sheet's multipliers: as every agility buff here)
    const sim = createSim(withGear('bm-hunter', { weaponEnchant: 'authority_of_radiant_power_3' }, 60));
    const buff = sim.data.buffs.findIndex((b) => b.key === 'radiant_power');
    const seen = new Set<boolean>();
    for (let k = 0; k < 40; k++) {
      sim.runIteration(3, k);
      const up = sim.buffs.up(buff, sim.now);
      seen.add(up);
      expect(sim.agility).toBe(sim.baseAgility + (up ? 2230 : 0));
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it("Council's Guile (rank 3): 3 910 crit rating for 12 s, rolled on SimC's 5.25 s heartbeat (RPPM 2), never on hits", () => {
    expect(WEAPON_ENCHANTS.councils_guile!.model).toMatchObject({
      rppm: 2,
      rating: [2735, 3325, 3910],
      buffMs: 12_000,
    });
    const c = withGear('mm-hunter', { weaponEnchant: 'councils_guile_3' }, 120);
    const sim = createSim(c);
    // no hit tries it
    expect(Array.from(sim.srcProc).every((b) => b === 0)).toBe(true);
    const buff = sim.data.buffs.findIndex((b) => b.key === 'keen_prowess');
    const base = deriveStats(sim.ratings).critChance;
    const up = deriveStats({ ...sim.ratings, crit: sim.ratings.crit + 3910 }).critChance;
    let ups = 0;
    const n = 1200;
    for (let k = 0; k < n; k++) {
      sim.runIteration(6, k);
      const isUp = sim.buffs.up(buff, sim.now);
      if (isUp) ups++;
      expect(sim.baseCrit).toBeCloseTo(isUp ? up : base, 12);
    }
    // SimC's rules give about 26 % uptime (1.46 procs a minute of 12 s)
    expect(ups / n).toBeGreaterThan(0.2);
    expect(ups / n).toBeLessThan(0.32);
  });

  it('Authority of Storms (rank 3): 291 692 nature damage split between the targets, RPPM 2 hasted', () => {
    const c = withGear('mm-hunter', { weaponEnchant: 'authority_of_storms_3' }, 120);
    c.fight = { ...c.fight, style: 'cleave', targets: 4 };
    const vers = createSim(c).versatility;
    const r = simulate(c, { seed: 2, seedOffset: 0, iterations: 20 });
    const a = r.abilities.authority_of_storms!;
    expect(a.hits % 4).toBe(0); // each proc hits all four targets
    const hit = Math.round((291_692 / 4) * vers);
    const crit = Math.round((291_692 / 4) * vers * CRIT_MULTIPLIER);
    expect(a.damage).toBe((a.hits - a.crits) * hit + a.crits * crit);
  });

  it('Authority of Air and of Fiery Resolve do nothing in a damage sim (SimC models neither)', () => {
    const plain = simulate(withGear('bm-hunter', {}), { seed: 1, seedOffset: 0, iterations: 5 });
    for (const weaponEnchant of ['authority_of_air_3', 'authority_of_fiery_resolve_1'])
      expect(
        simulate(withGear('bm-hunter', { weaponEnchant }), { seed: 1, seedOffset: 0, iterations: 5 }).samples,
      ).toEqual(plain.samples);
  });

  it('Astral Antenna (723): stacks of 5 851 crit rating, 10 s each, from RPPM 2.5 on the heartbeat and on casts; never on hits', () => {
    const perStack = trinketRating(1.466488, 723)!; // 1234714 #1 × p_epic[0](723) × the trinket rating multiplier
    expect(Math.round(perStack)).toBe(5851);
    const c = withGear('mm-hunter', { astralAntennaItemLevel: 723 }, 120);
    const sim = createSim(c);
    expect(Array.from(sim.srcProc).every((b) => b === 0)).toBe(true);
    expect(sim.castProcs).toBe(1);
    const levels = Array.from(
      { length: 11 },
      (_, k) => deriveStats({ ...sim.ratings, crit: sim.ratings.crit + k * perStack }).critChance,
    );
    let sum = 0;
    const n = 1500;
    for (let k = 0; k < n; k++) {
      sim.runIteration(5, k);
      const stacks = levels.findIndex((x) => Math.abs(x - sim.baseCrit) < 1e-12);
      expect(stacks, `iteration ${k}: crit ${sim.baseCrit}`).toBeGreaterThanOrEqual(0);
      sum += stacks;
    }
    // about 2.5 procs a minute (more with bad-luck protection), each 10 s: ≈ 0.45 stacks on average
    expect(sum / n).toBeGreaterThan(0.3);
    expect(sum / n).toBeLessThan(0.65);
    // not worn: no cast procs
    expect(createSim(withGear('mm-hunter', {})).castProcs).toBe(0);
  });

  it("Astral Antenna: a pickup that leaves orbs behind brings one more (SimC's stack callback on the decrement), and every pickup gives its stack", () => {
    const sim = freshSim(withGear('mm-hunter', { astralAntennaItemLevel: 723 }));
    const items = (
      sim.extras as unknown as { items: { orbs: number; orbEnds: Float64Array; antennaStacks: number } }
    ).items;
    const PICKUP = 2; // item-effects.ts EV_ITEM kind
    // two orbs out (two procs, each with its pickup pending)
    items.orbs = 2;
    items.orbEnds.set([20_000, 21_000]);
    const pending = () => sim.q.size;
    const before = pending();
    sim.extras.itemEvent(PICKUP); // the first orb's pickup: a stack; an orb is left, so one more pickup
    expect([items.antennaStacks, items.orbs]).toEqual([1, 1]);
    expect(pending()).toBe(before + 2); // the stack's end and the extra pickup
    sim.extras.itemEvent(PICKUP); // a pickup takes the last orb: no more
    expect([items.antennaStacks, items.orbs]).toEqual([2, 0]);
    expect(pending()).toBe(before + 3); // only the stack's end
    sim.extras.itemEvent(PICKUP); // the second orb's own pickup, with no orb left: still a stack
    expect([items.antennaStacks, items.orbs]).toEqual([3, 0]);
  });

  it('Unyielding Netherprism (723): 19.3357 × the damage budget cosmic damage on an ability hit at most every 10 s, one Latent Energy each, up to 18', () => {
    const amount = 19.3357 * damageSecondaryBudget(723)!; // 1233553 #1, scaling class -9
    expect(Math.round(amount)).toBe(478_382);
    const c = withGear('mm-hunter', { netherprismItemLevel: 723 }, 300);
    const sim = createSim(c);
    const bits = (key: string) => sim.srcProc[sim.data.sources.findIndex((x) => x.key === key)]!;
    // proc flags Yellow Melee/Ranged, Hostile Spell: the abilities' hits, not Auto Shot or periodic damage
    for (const key of ['aimed_shot', 'steady_shot', 'arcane_shot']) expect(bits(key) & 32, key).toBe(32);
    for (const key of ['auto_shot', 'bleak_arrows', 'black_arrow_dot', NETHERPRISM_SOURCE.key])
      expect(bits(key) & 32, key).toBe(0);
    const latent = sim.data.buffs.findIndex((b) => b.key === 'latent_energy');
    const iterations = 20;
    let hits = 0;
    for (let k = 0; k < iterations; k++) {
      const before = sim.srcHits[sim.data.sources.findIndex((x) => x.key === NETHERPRISM_SOURCE.key)]!;
      sim.runIteration(6, k);
      const n = sim.srcHits[sim.data.sources.findIndex((x) => x.key === NETHERPRISM_SOURCE.key)]! - before;
      // a proc as soon as 10 s have passed and an ability hits (several a second here): ~29 in 300 s
      expect(n).toBeGreaterThanOrEqual(27);
      expect(n).toBeLessThanOrEqual(30);
      expect(sim.buffs.stacks[latent]).toBe(18); // never used: capped
      hits += n;
    }
    // no raid buffs, no Hunter's Mark: a hit is the amount × versatility, × 2 when it crits
    const vers = sim.versatility;
    const r = simulate(c, { seed: 6, seedOffset: 0, iterations });
    const a = r.abilities[NETHERPRISM_SOURCE.key]!;
    expect(a.hits).toBe(hits);
    expect(a.damage).toBe(
      (a.hits - a.crits) * Math.round(amount * vers) + a.crits * Math.round(amount * vers * CRIT_MULTIPLIER),
    );
    // four targets: split between them, +30 % per target beyond the first (#3, up to 5: #4)
    const four = { ...c, fight: { ...c.fight, style: 'cleave' as const, targets: 4 } };
    const r4 = simulate(four, { seed: 6, seedOffset: 0, iterations: 5 });
    const a4 = r4.abilities[NETHERPRISM_SOURCE.key]!;
    expect(a4.hits % 4).toBe(0);
    const share = (amount * 1.9) / 4;
    expect(a4.damage).toBe(
      (a4.hits - a4.crits) * Math.round(share * vers) + a4.crits * Math.round(share * vers * CRIT_MULTIPLIER),
    );
  });

  it('Unyielding Netherprism: its use turns every Latent Energy into 0.233531 × the budget agility for 20 s; with none it does nothing', () => {
    const perStack = 0.233531 * itemBudget(723)!; // 1233553 #2, scaling class -1 (no rating multiplier)
    expect(Math.round(perStack)).toBe(3686);
    const sim = freshSim(withGear('mm-hunter', { netherprismItemLevel: 723 }));
    const use = sim.data.actions.findIndex((x) => x.key === 'unyielding_netherprism');
    const latent = sim.data.buffs.findIndex((b) => b.key === 'latent_energy');
    const buff = sim.data.buffs.findIndex((b) => b.key === 'unyielding_netherprism');
    expect(sim.data.actions[use]!.gcd).toBe(false); // 1233556: no global cooldown, 20 s cooldown
    expect(sim.data.actions[use]!.cooldownMs).toBe(20_000);
    const agility = sim.agility;
    sim.execute(use, 0); // no stack: nothing
    expect(sim.buffs.up(buff, sim.now)).toBe(false);
    expect(sim.agility).toBe(agility);
    sim.applyBuff(latent, 7, 1e9);
    sim.execute(use, 0);
    expect(sim.buffs.up(latent, sim.now)).toBe(false);
    expect(sim.buffs.stacks[buff]).toBe(7);
    expect(sim.buffs.remainsMs(buff, sim.now)).toBe(20_000);
    expect(sim.extraAgility).toBeCloseTo(7 * perStack, 6);
    sim.removeBuff(buff);
    expect(sim.extraAgility).toBe(0);
    expect(sim.agility).toBe(agility);
  });

  it('Unyielding Netherprism in a rotation: use_item,name= and SimC’s use_items lines read this_trinket, other_trinket, trinket.1/2, equipped; not worn, never used', () => {
    const run = (rotation: string, worn: boolean) =>
      simulate(
        {
          ...withGear('mm-hunter', worn ? { netherprismItemLevel: 700 } : {}, 120),
          rotation: `${rotation}\nactions+=/aimed_shot\nactions+=/steady_shot`,
        },
        { seed: 8, seedOffset: 0, iterations: 10 },
      ).abilities.unyielding_netherprism?.casts ?? 0;
    const byName = 'actions=use_item,name=unyielding_netherprism,if=buff.latent_energy.stack>=5';
    expect(run(byName, true)).toBe(10 * 2); // 5 stacks take ~50 s: 2 uses in 120 s
    expect(run(byName, false)).toBe(0);
    // what SimC's default lists read in a use_items line: the modelled trinket counts as trinket 1,
    // the other slot as a trinket without a use
    const simcStyle =
      'actions=use_items,slots=trinket1:trinket2,check_existing=0,if=this_trinket.is.unyielding_netherprism' +
      '&this_trinket.has_use_buff&!this_trinket.has_use_damage&this_trinket_slot=1' +
      '&this_trinket.cooldown.duration=20&!other_trinket.has_use_buff&other_trinket.cooldown.remains=0' +
      '&equipped.unyielding_netherprism&trinket.1.has_use_buff&!trinket.2.has_use_buff' +
      '&trinket.1.is.unyielding_netherprism&buff.latent_energy.stack>=5';
    expect(run(simcStyle, true)).toBe(run(byName, true));
    expect(run(simcStyle, false)).toBe(0);
    // use_item,slot=trinket1 is the modelled trinket; another name or slot is a no-op
    expect(run(byName.replace('name=unyielding_netherprism', 'slot=trinket1'), true)).toBe(run(byName, true));
    expect(run(byName.replace('name=unyielding_netherprism', 'slot=trinket2'), true)).toBe(0);
    // trinket.1 reads 0 when the trinket is not worn (equipped × the property)
    const steady = (worn: boolean) =>
      simulate(
        {
          ...withGear('mm-hunter', worn ? { netherprismItemLevel: 700 } : {}, 60),
          rotation:
            'actions=steady_shot,if=trinket.1.has_use_buff&equipped.unyielding_netherprism\nactions+=/aimed_shot',
        },
        { seed: 8, seedOffset: 0, iterations: 3 },
      ).abilities.steady_shot?.casts ?? 0;
    expect(steady(true)).toBeGreaterThan(0);
    expect(steady(false)).toBe(0);
  });
});
