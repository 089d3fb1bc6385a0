/**
 * Golden tests of the Pack Leader hero tree (Beast Mastery): each config isolates one mechanic
 * (no raid buffs, consumables, timing delays or ratings), the figures are worked out by hand from
 * the cited spell data (11.2.0.63003), and the engine must give exactly them (amounts before
 * crit/versatility/armor, and the hits' times).
 */
import { describe, expect, it } from 'vitest';
import { parseRotation } from '../../apl/parser.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import { BASE_MASTERY_POINTS } from '../../engine/ratings.ts';
import { createSim } from '../../engine/run.ts';
import type { Sim } from '../../engine/sim.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { REAL } from '../../talents/test-strings.ts';
import type { SimConfig } from '../../types.ts';
import { BM, BM_DATA } from '../bm-hunter/data.ts';
import { specs, specVocabulary } from '../registry.ts';
import { PACK_LEADER_TALENTS } from './pack-leader.ts';

const AP = 40_000;
/** Mastery: Master of Beasts, 1.9 % per point (76657 #1 pets, #3 Boar Charge, #4 guardians), base points only. */
const MASTERY = 1 + (BASE_MASTERY_POINTS * 1.9) / 100;
/** A stable pet: 0.6 × AP (SimC), 137015 #3 (−6 %), mastery. */
const STABLE = 0.6 * (1 - 0.06) * MASTERY;
/** A guardian (the bear): 137015 #4 (−6 %), mastery. */
const GUARDIAN = (1 - 0.06) * MASTERY;
const PET_SWING = (AP * 2) / 6; // pet AP × 2 s / 6 per swing, before the pet's multipliers
const KILL_COMMAND = 1.333 * AP * STABLE; // 83381 #1
const WYVERN_READY = 'howl_of_the_pack_leader_wyvern';
const BOAR_READY = 'howl_of_the_pack_leader_boar';
const BEAR_READY = 'howl_of_the_pack_leader_bear';

interface Hit {
  t: number;
  src: string;
  target: number;
  amount: number;
}

function config(talents: string[], rotation: string, seconds: number, targets = 1): SimConfig {
  return mechanicConfig('bm-hunter', talents, rotation, {
    seconds,
    targets,
    stats: { agility: AP, crit: 0, haste: 0, mastery: 0, versatility: 0 },
  });
}

/** Runs iteration 0, recording hits (amount before crit/versatility/armor) and buff applications. */
function run(c: SimConfig): { sim: Sim; hits: Hit[]; buffs: Array<{ t: number; key: string }> } {
  const sim = createSim(c);
  const hits: Hit[] = [];
  const buffs: Array<{ t: number; key: string }> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus) => {
    hits.push({ t: sim.now, src: sim.data.sources[src]!.key, target, amount });
    return hit(src, target, amount, physical, critBonus);
  };
  const applyBuff = sim.applyBuff.bind(sim);
  sim.applyBuff = (buff, stacks, ms) => {
    buffs.push({ t: sim.now, key: sim.data.buffs[buff]!.key });
    applyBuff(buff, stacks, ms);
  };
  sim.runIteration(1, 0);
  return { sim, hits, buffs };
}

const of = (hits: Hit[], src: string) => hits.filter((h) => h.src === src);
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
const howl = (buffs: Array<{ t: number; key: string }>) =>
  buffs.filter((b) => b.key.startsWith('howl_of_the_pack_leader')).map((b) => `${b.key.slice(24)}@${b.t}`);
/** Kill Command whenever the given beast is ready (and nothing else). */
const kcOn = (ready: string) => `actions=kill_command,if=buff.${ready}.up`;

describe('Pack Leader: Howl of the Pack Leader (471876)', () => {
  it('every 30 s (471877) a beast is ready for 30 s (471878 / 472324 / 472325): Wyvern, Boar, Bear in turn', () => {
    // Nothing summons: each readiness runs out after 30 s and the cooldown starts again.
    const { buffs } = run(config(['howl_of_the_pack_leader'], 'actions=bestial_wrath,if=time>999', 215));
    expect(howl(buffs)).toEqual([
      'cooldown@0',
      'wyvern@30000',
      'cooldown@60000',
      'boar@90000',
      'cooldown@120000',
      'bear@150000',
      'cooldown@180000',
      'wyvern@210000',
    ]);
  });

  it("Kill Command summons the Wyvern: Wyvern's Cry, 10 × 1 % (471876 #3, 471881) for 15 s on Auto Shot and the pets", () => {
    const { hits, buffs } = run(config(['howl_of_the_pack_leader'], kcOn(WYVERN_READY), 59));
    const kc = of(hits, 'kill_command');
    expect(kc.length).toBe(1);
    const T = kc[0]!.t;
    expect(T).toBeGreaterThanOrEqual(30_000);
    expect(same(kc[0]!.amount, KILL_COMMAND)).toBe(true); // the pet attacks before the Wyvern comes
    // the readiness ends with the summon: the cooldown starts again at once
    expect(howl(buffs)).toEqual(['cooldown@0', 'wyvern@30000', `cooldown@${T}`]);
    const up = (t: number) => t > T && t < T + 15_000;
    const autos = of(hits, 'auto_shot');
    const base = autos[0]!.amount; // 0 s: no Wyvern, no Bestial Wrath
    expect(autos.some((h) => up(h.t))).toBe(true);
    for (const h of autos) expect(same(h.amount, base * (up(h.t) ? 1.1 : 1)), `auto at ${h.t}`).toBe(true);
    const melee = of(hits, 'pet_melee');
    expect(melee.some((h) => up(h.t))).toBe(true);
    for (const h of melee)
      expect(same(h.amount, PET_SWING * STABLE * (up(h.t) ? 1.1 : 1)), `pet at ${h.t}`).toBe(true);
  });

  it('Kill Command summons the Boar: 3 charges 3 s apart (471876 #2, 472020), 4 AP on the target, 1.6 AP on up to 8', () => {
    // Wyvern unused (30–60 s), cooldown 60–90 s, Boar ready at 90 s. 3 targets.
    const { hits } = run(config(['howl_of_the_pack_leader'], kcOn(BOAR_READY), 110, 3));
    const T = of(hits, 'kill_command')[0]!.t;
    expect(T).toBeGreaterThanOrEqual(90_000);
    // a hunter ability: 137015 #1 (−6 %), 76657 #3 (1.9 % per point); Physical
    const m = AP * (1 - 0.06) * MASTERY;
    const impact = of(hits, 'boar_charge');
    expect(impact.map((h) => [h.t, h.target])).toEqual([
      [T, 0],
      [T + 3000, 0],
      [T + 6000, 0],
    ]);
    for (const h of impact) expect(same(h.amount, 4 * m)).toBe(true); // 471936 #1
    const cleave = of(hits, 'boar_charge_cleave');
    // SimC: the cleave hits the primary target too (boar_charge_t::cleave_t, "currently hits primary")
    expect(cleave.map((h) => [h.t, h.target])).toEqual(
      [T, T + 3000, T + 6000].flatMap((t) => [
        [t, 0],
        [t, 1],
        [t, 2],
      ]),
    );
    for (const h of cleave) expect(same(h.amount, 1.6 * m)).toBe(true); // 471938 #1
  });

  it('Dire Frenzy (385810, rank 2): the Bear, a dire critter in SimC, lasts 12 + 2 s (#1) and deals +60 % (#2), Rend Flesh too', () => {
    const { hits } = run(config(['howl_of_the_pack_leader', 'dire_frenzy'], kcOn(BEAR_READY), 170, 2));
    const T = of(hits, 'kill_command')[0]!.t;
    const bear = of(hits, 'bear_melee');
    expect(bear.map((h) => h.t)).toEqual(Array.from({ length: 10 }, (_, k) => T + 1500 * k));
    const swing = ((AP * 1.5) / 6) * 7 * GUARDIAN * (1 - 0.2) * 1.6;
    for (const h of bear) expect(same(h.amount, swing)).toBe(true);
    const tick = 0.4 * AP * (1 - 0.06) * GUARDIAN * (1 - 0.2) * 1.6;
    const rend = of(hits, 'rend_flesh');
    expect(rend).toHaveLength(20);
    for (const h of rend) expect(same(h.amount, tick)).toBe(true);
  });

  it('Kill Command summons the Bear (471993): 12 s of 1.5 s swings, 1 × AP × 1.5 / 6 × 7, −20 % (137015 #9); Rend Flesh on every target', () => {
    // Wyvern 30–60 s, Boar 90–120 s unused; Bear ready at 150 s. 2 targets, no haste.
    const { hits } = run(config(['howl_of_the_pack_leader'], kcOn(BEAR_READY), 170, 2));
    const T = of(hits, 'kill_command')[0]!.t;
    expect(T).toBeGreaterThanOrEqual(150_000);
    const bear = of(hits, 'bear_melee');
    expect(bear.map((h) => h.t)).toEqual(Array.from({ length: 8 }, (_, k) => T + 1500 * k));
    const swing = ((AP * 1.5) / 6) * 7 * GUARDIAN * (1 - 0.2);
    for (const h of bear) expect(same(h.amount, swing)).toBe(true);
    // 471999: 0.4 AP every 1 s for 10 s on up to 8 enemies; a pet spell: 137015 #2 (−6 %), the
    // guardian aura and mastery, Bear Summon's −20 %
    const rend = of(hits, 'rend_flesh');
    expect(rend.map((h) => [h.t, h.target])).toEqual(
      Array.from({ length: 10 }, (_, k) => [
        [T + 1000 * (k + 1), 0],
        [T + 1000 * (k + 1), 1],
      ]).flat(),
    );
    const tick = 0.4 * AP * (1 - 0.06) * GUARDIAN * (1 - 0.2);
    for (const h of rend) expect(same(h.amount, tick)).toBe(true);
  });
});

describe('Pack Leader talents', () => {
  it('Pack Mentality (472358 #1): Kill Command +50 % while a beast is ready, added to Alpha Predator’s +15 %', () => {
    const talents = ['howl_of_the_pack_leader', 'pack_mentality', 'alpha_predator'];
    const rotation = `${kcOn(WYVERN_READY)}\nactions+=/kill_command,if=time>45`;
    const { hits } = run(config(talents, rotation, 50));
    const [first, ...rest] = of(hits, 'kill_command');
    // SimC adds them: × (1 + 0.15 + 0.5) = 1.65, not 1.15 × 1.5; the later ones have no beast ready
    // (and the Wyvern's 10 % on the pet)
    expect(same(first!.amount, KILL_COMMAND * 1.65)).toBe(true);
    expect(rest.length).toBeGreaterThan(0);
    for (const h of rest)
      expect(same(h.amount, KILL_COMMAND * 1.15 * (h.t < first!.t + 15_000 ? 1.1 : 1))).toBe(true);
  });

  it('Dire Summons (472352 #1): each Kill Command takes 1 s off the howl’s cooldown', () => {
    const { hits, buffs } = run(
      config(['howl_of_the_pack_leader', 'dire_summons'], 'actions=kill_command', 40),
    );
    const ready = buffs.find((b) => b.key === `${WYVERN_READY}`)!.t;
    const before = of(hits, 'kill_command').filter((h) => h.t < ready).length;
    expect(before).toBeGreaterThanOrEqual(3);
    expect(ready).toBe(30_000 - 1000 * before);
  });

  it('Lead From the Front (472741, 472743): Bestial Wrath brings a beast at once and the pets deal +15 % for 12 s', () => {
    const talents = ['howl_of_the_pack_leader', 'lead_from_the_front'];
    const { hits, buffs } = run(config(talents, 'actions=bestial_wrath,if=time<1', 40));
    // the Wyvern at once, and the cycle goes on: the Boar after the first cooldown; the unused
    // Wyvern's readiness runs out at 30 s too, with no cooldown running: a new one starts
    expect(howl(buffs)).toEqual(['cooldown@0', 'wyvern@0', 'boar@30000', 'cooldown@30000']);
    // pet melee: Bestial Wrath (186254, 15 s) × Lead From the Front (12 s); the 0 s swing came first
    for (const h of of(hits, 'pet_melee')) {
      const m = h.t === 0 ? 1 : (h.t < 15_000 ? 1.3 : 1) * (h.t < 12_000 ? 1.15 : 1);
      expect(same(h.amount, PET_SWING * STABLE * m), `pet at ${h.t}`).toBe(true);
    }
  });

  it('Lead From the Front on the Bear: Bear Summon −20 + 25 % (472743 #3), Rend Flesh +25 % (#2) and Bestial Wrath (19574 #4)', () => {
    // Bestial Wrath whenever ready (Barbed Wrath shortens it): each one brings the next beast with
    // Lead From the Front up; Kill Command only for a Bear under Lead From the Front.
    const talents = ['howl_of_the_pack_leader', 'lead_from_the_front', 'barbed_wrath'];
    const rotation = [
      'actions=bestial_wrath',
      'actions+=/kill_command,if=buff.howl_of_the_pack_leader_bear.up&buff.lead_from_the_front.up',
      'actions+=/barbed_shot',
    ].join('\n');
    const { hits } = run(config(talents, rotation, 200, 1));
    const bear = of(hits, 'bear_melee');
    expect(bear.length).toBeGreaterThan(0);
    const T = bear[0]!.t;
    const summon = 1 - 0.2 + 0.25; // 1225858 #1 with 137015 #9 and 472743 #3
    const swing = ((AP * 1.5) / 6) * 7 * GUARDIAN * summon;
    for (const h of bear.filter((b) => b.t < T + 12_000)) expect(same(h.amount, swing)).toBe(true);
    // Rend Flesh snapshots at the summon: Bestial Wrath (cast at most a GCD before) and Lead From the Front
    const tick = 0.4 * AP * (1 - 0.06) * GUARDIAN * summon * 1.3 * 1.25;
    const rend = of(hits, 'rend_flesh').filter((h) => h.t > T && h.t <= T + 10_000);
    expect(rend.length).toBe(10);
    for (const h of rend) expect(same(h.amount, tick)).toBe(true);
  });

  it('Fury of the Wyvern (472550): each pet swing adds a stack (to 20), Kill Command adds 1 s (#2)', () => {
    const talents = ['howl_of_the_pack_leader', 'fury_of_the_wyvern'];
    const { hits } = run(config(talents, kcOn(WYVERN_READY), 60));
    const T = of(hits, 'kill_command')[0]!.t;
    // 10 stacks at T; the swings after it add one each, after their own damage; 16 s with the Kill Command's 1 s
    let stacks = 10;
    for (const h of of(hits, 'pet_melee')) {
      if (h.t <= T || h.t >= T + 16_000) {
        expect(same(h.amount, PET_SWING * STABLE), `pet at ${h.t}`).toBe(true);
        continue;
      }
      expect(same(h.amount, PET_SWING * STABLE * (1 + stacks / 100)), `pet at ${h.t}`).toBe(true);
      stacks = Math.min(20, stacks + 1);
    }
    expect(stacks).toBeGreaterThan(12);
  });

  it("Fury of the Wyvern's 10 s (472550 #4) counts every Kill Command since Wyvern's Cry last fell off, up or not (SimC)", () => {
    // SimC kill_command_t::execute: while state.fury_of_the_wyvern_extension < 10 s, extend Wyvern's
    // Cry by 1 s (#2; nothing when it is down) and add 1 s to the count; the buff's stack-change
    // callback clears the count when it falls off. Kill Command on cooldown (7.5 s, no haste):
    // 0, 7.5, 15, 22.5 s (count 4 s, never cleared: the buff was never up), the Wyvern at 30 s
    // (+1 s: 46 s, count 5), 37.5 (47 s, 6), 45 (48 s, 7); it falls at 48 s (count 0). Boar at
    // 60 s, Bear at 90 s, Wyvern at 120 s; the nine Kill Commands 52.5–112.5 s bring the count to
    // 9 s, so the one at 120 s extends it once (135 → 136 s, count 10) and 127.5 / 135 s not at all.
    const c = config(['howl_of_the_pack_leader', 'fury_of_the_wyvern'], 'actions=kill_command', 149);
    const sim = createSim(c);
    const wyvern = sim.data.buffs.findIndex((b) => b.key === 'wyverns_cry');
    const kc: number[] = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, physical, critBonus) => {
      if (sim.data.sources[src]!.key === 'kill_command') kc.push(sim.now);
      return hit(src, target, amount, physical, critBonus);
    };
    // the expiry after each Kill Command (its howl and extension done), while the buff is up
    const expiries: Array<[number, number]> = [];
    const afterKc = sim.logic.execute.bind(sim.logic);
    sim.logic.execute = (a, target) => {
      afterKc(a, target);
      if (sim.data.actions[a]!.key === 'kill_command' && sim.buffs.up(wyvern, sim.now))
        expiries.push([sim.now, sim.buffs.expires[wyvern]!]);
    };
    sim.runIteration(1, 0);
    expect(kc).toEqual(Array.from({ length: 20 }, (_, k) => 7500 * k));
    expect(expiries).toEqual([
      [30_000, 46_000],
      [37_500, 47_000],
      [45_000, 48_000],
      [120_000, 136_000],
      [127_500, 136_000],
      [135_000, 136_000],
    ]);
  });

  it('Hogstrider (472639, 472640): each Boar hit adds a stack; the next Cobra Shot +25 % and +1 target per stack', () => {
    const talents = ['howl_of_the_pack_leader', 'hogstrider'];
    const rotation = `${kcOn(BOAR_READY)}\nactions+=/cobra_shot,if=time>100`;
    const { hits } = run(config(talents, rotation, 104, 3));
    // 3 targets: each Boar charge hits 1 + 3 times: 4 stacks (the maximum) from the first
    const cobra = of(hits, 'cobra_shot');
    const first = cobra.filter((h) => h.t === cobra[0]!.t);
    const base = 1.565 * AP * (1 - 0.06) * (1 + BASE_MASTERY_POINTS / 100); // 193455 #2, 137015 #1, 76657 #5
    // 1 + 4 targets, only 3 exist; × (1 + 4 × 25 %)
    expect(first.map((h) => h.target)).toEqual([0, 1, 2]);
    for (const h of first) expect(same(h.amount, base * 2)).toBe(true);
    // spent: the next Cobra Shot hits one target at the base damage
    const next = cobra.filter((h) => h.t > cobra[0]!.t);
    expect(next.length).toBeGreaterThan(0);
    for (const h of next) {
      expect(h.target).toBe(0);
      expect(same(h.amount, base)).toBe(true);
    }
  });

  it('Better Together (472357): pet damage +3 % (#1), Frenzy +3 % attack speed per stack (#5: 33 %)', () => {
    const rotation = 'actions=barbed_shot,if=time<1';
    const swings = (talents: string[]) => of(run(config(talents, rotation, 10)).hits, 'pet_melee');
    // swing at 0 (before the cast; the next one was set then, 2 s), then 2 s / (1 + 1 stack × 33 %)
    const bt = swings(['howl_of_the_pack_leader', 'better_together']);
    expect(bt.slice(0, 3).map((h) => h.t)).toEqual([0, 2000, 2000 + Math.round(2000 / 1.33)]);
    for (const h of bt) expect(same(h.amount, PET_SWING * STABLE * 1.03)).toBe(true);
    const plain = swings(['howl_of_the_pack_leader']);
    expect(plain.slice(0, 3).map((h) => h.t)).toEqual([0, 2000, 2000 + Math.round(2000 / 1.3)]);
    for (const h of plain) expect(same(h.amount, PET_SWING * STABLE)).toBe(true);
  });

  it('Ursine Fury (472476 #2, 472478): each Rend Flesh tick takes 1 s off Kill Command 10 % of the time', () => {
    const c = config(['howl_of_the_pack_leader', 'ursine_fury'], kcOn(BEAR_READY), 170, 2);
    const sim = createSim(c);
    const kc = sim.data.actions.findIndex((a) => a.key === 'kill_command');
    const rend = sim.data.sources.findIndex((s) => s.key === 'rend_flesh');
    let cuts = 0;
    const reduce = sim.cds.reduce.bind(sim.cds);
    sim.cds.reduce = (a, now, ms) => {
      if (a === kc && ms === 1000) cuts++;
      reduce(a, now, ms);
    };
    const n = 400;
    for (let k = 0; k < n; k++) sim.runIteration(5, k);
    const ticks = sim.srcHits[rend]!;
    expect(ticks).toBe(n * 2 * 10); // 2 targets × 10 ticks
    const sigma = Math.sqrt(ticks * 0.1 * 0.9);
    expect(Math.abs(cuts - 0.1 * ticks)).toBeLessThan(4 * sigma);
  });

  it('No Mercy (472660): Kill Shot makes the pet Claw its target for free (SimC no_mercy_ba_t: no Wild Hunt)', () => {
    // 20 s, linear health: Kill Shot below 20 % from 16 s, once (10 s cooldown)
    const { hits } = run(config(['howl_of_the_pack_leader', 'no_mercy'], 'actions=kill_shot', 20));
    const ks = of(hits, 'kill_shot');
    expect(ks.map((h) => h.t)).toEqual([16_000]);
    const claw = of(hits, 'claw_no_mercy');
    expect(claw.map((h) => h.t)).toEqual([16_000]);
    expect(same(claw[0]!.amount, BM.petBasicAttackAp * AP * STABLE)).toBe(true);
  });
});

describe('Pack Leader loadouts', () => {
  it('a Pack Leader talent string resolves to the modelled keys, and hero_tree.pack_leader reads the keystone', () => {
    const r = talentsFromLoadout(REAL.bmPackLeader, { expected: 'bm-hunter' });
    expect(r.heroTree).toBe('Pack Leader');
    // every modelled talent but Envenomed Fangs, the other option of Ursine Fury's choice node
    for (const t of PACK_LEADER_TALENTS)
      if (t.key === 'envenomed_fangs') expect(r.keys).not.toContain(t.key);
      else expect(r.keys, t.key).toContain(t.key);
    // the tree's talents left out are the defensive and utility ones (no damage)
    const heroIgnored = r.ignored.filter((t) => t.tree === 'hero' && t.reason === 'not modelled yet');
    for (const t of heroIgnored)
      expect(['Shell Cover', 'Horsehair Tether', 'Slicked Shoes']).toContain(t.name);
    expect(BM_DATA.talents.map((t) => t.key)).toEqual(
      expect.arrayContaining(PACK_LEADER_TALENTS.map((t) => t.key)),
    );

    // SimC's howl_summon.ready (any beast) and howl_summon.ready.X read the ready auras
    const boar = run(
      config(['howl_of_the_pack_leader'], 'actions=kill_command,if=howl_summon.ready.boar', 110, 3),
    );
    const boarByBuff = run(config(['howl_of_the_pack_leader'], kcOn(BOAR_READY), 110, 3));
    expect(boar.hits).toEqual(boarByBuff.hits);
    const any = run(config(['howl_of_the_pack_leader'], 'actions=kill_command,if=howl_summon.ready', 40));
    expect(of(any.hits, 'kill_command').map((h) => h.t)).toEqual([30_000]);
    expect(
      parseRotation('actions=kill_command,if=howl_summon.ready', specVocabulary('bm-hunter')).warnings,
    ).toEqual([]);
    const mm = parseRotation('actions=aimed_shot,if=howl_summon.ready', specVocabulary('mm-hunter'));
    expect(mm.warnings.map((w) => w.message)).toEqual([
      'line 1: howl_summon.ready reads 0 (the Pack Leader beasts are modelled for Beast Mastery, read by howl_summon.ready[.X] only)',
    ]);

    const text = 'actions=kill_command,if=hero_tree.pack_leader';
    expect(parseRotation(text, specVocabulary('bm-hunter')).warnings).toEqual([]);
    const withPl = run(config(['howl_of_the_pack_leader'], text, 10));
    expect(of(withPl.hits, 'kill_command').length).toBeGreaterThan(0);
    const without = run(config([], text, 10));
    expect(of(without.hits, 'kill_command')).toEqual([]);
  });
});

describe("Fury of the Wyvern's skip of the pet melee's stack", () => {
  /** Mean DPS, events and damage by source over `n` iterations of BM's default (Pack Leader, Fury of the Wyvern). */
  function fights(skip: boolean, n = 25) {
    const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
    expect(c.player.talents).toContain('fury_of_the_wyvern');
    c.fight.durationSeconds = 120;
    const sim = createSim(parseConfig(c));
    if (!skip) {
      // the memo defeated: every pet melee asks incrementBuff, as before the skip existed
      const pl = (sim.logic as unknown as { pl: object }).pl;
      Object.defineProperty(pl, 'wyvernSkipUntil', { get: () => -1, set: () => undefined });
    }
    let dps = 0;
    for (let k = 0; k < n; k++) dps += sim.runIteration(5, k);
    return { dps: dps / n, events: sim.events, damage: Array.from(sim.srcDamage) };
  }

  it('changes nothing: the same fights as asking at every pet melee', () => {
    expect(fights(true)).toEqual(fights(false));
  });
});
