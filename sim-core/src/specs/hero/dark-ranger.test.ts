/**
 * Golden tests of the Dark Ranger hero tree: each config isolates one mechanic, the figure is
 * computed by hand from the cited spell data (11.2.0.63003), and the engine must give exactly it
 * (deterministic damage, compared on the amount before crit/versatility/rounding, and the hits'
 * times) or land within the error (random procs).
 */
import { describe, expect, it } from 'vitest';
import { parseRotation } from '../../apl/parser.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import { deriveStats, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { createSim } from '../../engine/run.ts';
import type { Sim } from '../../engine/sim.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { REAL } from '../../talents/test-strings.ts';
import type { PlayerStats, SimConfig, SpecId } from '../../types.ts';
import { specs, specVocabulary } from '../registry.ts';
import { DARK_RANGER } from './dark-ranger.ts';

interface Hit {
  t: number;
  src: string;
  target: number;
  amount: number;
  physical: boolean;
}

function config(
  spec: SpecId,
  talents: string[],
  rotation: string,
  durationSeconds = 100,
  stats?: Partial<PlayerStats>,
): SimConfig {
  return mechanicConfig(spec, talents, rotation, { seconds: durationSeconds, stats });
}

/** A Sim whose hits are recorded (source key, time, target, amount before crit/versatility/armor). */
function recorded(c: SimConfig): { sim: Sim; hits: Hit[]; buffs: string[] } {
  const sim = createSim(c);
  const hits: Hit[] = [];
  const buffs: string[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus) => {
    hits.push({ t: sim.now, src: sim.data.sources[src]!.key, target, amount, physical });
    return hit(src, target, amount, physical, critBonus);
  };
  const applyBuff = sim.applyBuff.bind(sim);
  sim.applyBuff = (buff, stacks, ms) => {
    buffs.push(sim.data.buffs[buff]!.key);
    applyBuff(buff, stacks, ms);
  };
  return { sim, hits, buffs };
}

const of = (hits: Hit[], src: string) => hits.filter((h) => h.src === src);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const C = specs[0]!.defaultConfig().player.stats;
const AP = C.agility; // Battle Shout off: 1 AP per agility (no weapon: mechanicConfig's isolation)
/** The default weapon, for the Auto Shot checks: its damage per shot is the weapon's plus AP × speed / 6. */
const WEAPON = { weaponDps: C.weaponDps, weaponSpeed: C.weaponSpeed };
const POINTS = deriveStats(C).masteryPoints; // Skyfury off
const BM_SPELL_MASTERY = POINTS * 0.01; // 76657 Mastery: Master of Beasts, effect #5 (1 % per point)
const MM_MASTERY = POINTS * 0.014; // 193468 Mastery: Sniper Training, effects #2/#4 (1.4 % per point)

/** Black Arrow's direct hit by hand (466930 #1 3.484 AP) with each spec's modifiers. */
const BA_BM = 3.484 * AP * (1 - 0.06) * (1 + 0.4) * (1 - 0.28) * (1 + 0.2) * (1 + BM_SPELL_MASTERY); // 137015 #1, #7, #8, #10
/** Black Arrow's casts with nothing else in the rotation: cooldown 10 s (466930), health rules #2/#3. */
const CASTS = [0, 10_000, 20_000, 80_000, 90_000, 100_000];
/** The hasted GCD after an on-GCD cooldown at 0 s. */
const GCD = Math.max(750, Math.round(1500 / deriveStats(C).haste));
const BA_MM = 3.484 * AP * (1 - 0.04) * (1 + MM_MASTERY) * (1 + 0.07) * (1 + 0.04); // 137016 #1, 193468 #2, 137016 #9, #13 (no Lone Wolf)

describe('Dark Ranger: Black Arrow', () => {
  it('BM: hits for 466930 #1 with the spec aura, only at or above 80 % or at or below 20 % health', () => {
    const { sim, hits } = recorded(config('bm-hunter', ['black_arrow'], 'actions=black_arrow'));
    sim.runIteration(1, 0);
    const ba = of(hits, 'black_arrow');
    // 100 s fight, health 100 → 0: 0 s (100 %), 10 s (90 %), 20 s (exactly 80 %), 80 s (exactly 20 %),
    // 90 s, and 100 s (the engine's last decision comes before the end)
    expect(ba.map((h) => h.t)).toEqual(CASTS);
    for (const h of ba) {
      expect(rel(h.amount, BA_BM)).toBeLessThan(1e-12);
      expect(h.physical).toBe(false); // Shadow: no armor
    }
  });

  it('MM: the same rules, Marksmanship modifiers (137016 #1/#9/#13, Sniper Training; no Lone Wolf)', () => {
    const { sim, hits } = recorded(config('mm-hunter', ['black_arrow'], 'actions=black_arrow'));
    sim.runIteration(1, 0);
    const ba = of(hits, 'black_arrow');
    expect(ba.map((h) => h.t)).toEqual(CASTS);
    for (const h of ba) expect(rel(h.amount, BA_MM)).toBeLessThan(1e-12);
  });

  it('dot 468572: 0.0325 AP every 1 s for 14 s, not hasted, pandemic refresh, partial last tick', () => {
    const talents = ['black_arrow', 'soul_drinker', 'umbral_reach'];
    const { sim, hits } = recorded(config('bm-hunter', talents, 'actions=black_arrow'));
    expect(deriveStats(C).haste).toBeGreaterThan(1); // hasted player, unhasted ticks
    sim.runIteration(1, 0);
    // 137015 #11 (+20 %), Soul Drinker 469638 #2 (+8 %), Umbral Reach 1235397 #1 (+100 %); no mastery (76657 #6 does not list it)
    const tick = 0.0325 * AP * (1 + 0.2) * (1 + 0.08) * (1 + 1);
    const dot = of(hits, 'black_arrow_dot');
    // casts at 0, 10, 20 s: expiry 14 s → 10+14+4 = 28 s → 20+14+min(8, 4.2) = 38.2 s;
    // casts at 80, 90 s: 94 s → 90+14+4 = 108 s, cut by the end at 100 s (the 100 s cast refreshes it).
    const times = [...Array.from({ length: 38 }, (_, i) => (i + 1) * 1000), 38_200];
    times.push(...Array.from({ length: 20 }, (_, i) => 81_000 + i * 1000));
    expect(dot.map((h) => h.t)).toEqual(times);
    for (const h of dot) {
      const full = h.t === 38_200 ? 0.2 : 1;
      expect(rel(h.amount, tick * full)).toBeLessThan(1e-12);
    }
    // Soul Drinker 469638 #1 on the direct hit too
    for (const h of of(hits, 'black_arrow')) expect(rel(h.amount, BA_BM * 1.08)).toBeLessThan(1e-12);
  });

  it('replaces Kill Shot: kill_shot is not known with it, and hero_tree.dark_ranger reads the keystone', () => {
    const withBa = createSim(
      config('bm-hunter', ['black_arrow'], 'actions=kill_shot\nactions+=/black_arrow'),
    );
    withBa.runIteration(1, 0);
    const kill = withBa.data.actions.findIndex((a) => a.key === 'kill_shot');
    expect(withBa.knownMask[kill]).toBe(0);
    const noBa = createSim(config('bm-hunter', [], 'actions=kill_shot'));
    noBa.runIteration(1, 0);
    expect(noBa.knownMask[kill]).toBe(1);

    const text = 'actions=black_arrow,if=hero_tree.dark_ranger\nactions+=/cobra_shot';
    expect(parseRotation(text, specVocabulary('bm-hunter')).warnings).toEqual([]);
    const dr = recorded(config('bm-hunter', ['black_arrow'], text));
    dr.sim.runIteration(1, 0);
    expect(of(dr.hits, 'black_arrow').length).toBeGreaterThan(0);
    const none = recorded(config('bm-hunter', [], text));
    none.sim.runIteration(1, 0);
    expect(of(none.hits, 'black_arrow')).toEqual([]);
    expect(of(none.hits, 'cobra_shot').length).toBeGreaterThan(0);
  });

  it('a `kill_shot` line casts Black Arrow with it and a `black_arrow` line Kill Shot without, both specs (SimC 11.2 hunter_t::create_action)', () => {
    for (const spec of ['bm-hunter', 'mm-hunter'] as const) {
      const ba = recorded(config(spec, ['black_arrow'], 'actions=kill_shot'));
      ba.sim.runIteration(1, 0);
      expect(of(ba.hits, 'black_arrow').length).toBeGreaterThan(0);
      expect(of(ba.hits, 'kill_shot')).toEqual([]);
      const ks = recorded(config(spec, [], 'actions=black_arrow'));
      ks.sim.runIteration(1, 0);
      expect(of(ks.hits, 'kill_shot').length).toBeGreaterThan(0);
      expect(of(ks.hits, 'black_arrow')).toEqual([]);
    }
  });
});

describe('Dark Ranger: Withering Fire, Deathblow, The Bell Tolls', () => {
  it('BM: Call of the Wild grants Withering Fire and Deathblow (then every 4 s); each Black Arrow fires 2 more (468037)', () => {
    const talents = ['black_arrow', 'deathblow', 'withering_fire', 'call_of_the_wild'];
    const { sim, hits } = recorded(
      config('bm-hunter', talents, 'actions=call_of_the_wild\nactions+=/black_arrow'),
    );
    sim.runIteration(1, 0);
    // 0 s Call of the Wild (GCD) → Deathblow; Black Arrow after the GCD; Deathblow at 4, 8, 12, 16 s
    // (466991 #4) resets it; Withering Fire lasts 20 s (Call of the Wild's duration).
    const ba = of(hits, 'black_arrow').map((h) => h.t);
    expect(ba.filter((t) => t < 20_000)).toEqual([GCD, 4000, 8000, 12_000, 16_000]);
    const wf = of(hits, 'black_arrow_withering_fire');
    expect(wf.map((h) => h.t)).toEqual([GCD, GCD, 4000, 4000, 8000, 8000, 12_000, 12_000, 16_000, 16_000]);
    // 468037 #1 1.742 AP; 137015 #1 (-6 %) and #10 (+20 %); no mastery (76657 does not list it)
    const arrow = 1.742 * AP * (1 - 0.06) * (1 + 0.2);
    for (const h of wf) {
      expect(rel(h.amount, arrow)).toBeLessThan(1e-12);
      expect(h.target).toBe(0); // one target: both arrows hit it
    }
  });

  it('MM: Trueshot grants Withering Fire (15 s) and Deathblow once, no 4 s ticks', () => {
    const talents = ['black_arrow', 'deathblow', 'withering_fire'];
    const { sim, hits } = recorded(config('mm-hunter', talents, 'actions=trueshot\nactions+=/black_arrow'));
    sim.runIteration(1, 0);
    const wf = of(hits, 'black_arrow_withering_fire');
    // Trueshot is off the GCD: Black Arrow at 0 s (Deathblow used) and 10 s; Withering Fire ends at 15 s.
    expect(wf.map((h) => h.t)).toEqual([0, 0, 10_000, 10_000]);
    // 468037 #1; 137016 #1 (-4 %), #13 (+4 %); no Lone Wolf; 193468 #2 does not list it
    const arrow = 1.742 * AP * (1 - 0.04) * (1 + 0.04);
    for (const h of wf) expect(rel(h.amount, arrow)).toBeLessThan(1e-12);
  });

  it('The Bell Tolls: each Black Arrow adds its own 12 s stack of 6 % (BM) that overlap', () => {
    const talents = ['black_arrow', 'deathblow', 'withering_fire', 'call_of_the_wild', 'the_bell_tolls'];
    // with a weapon: Auto Shot adds the weapon's damage to the attack power without it (SimC NO_WEAPON)
    const { sim, hits } = recorded(
      config('bm-hunter', talents, 'actions=call_of_the_wild\nactions+=/black_arrow', 100, WEAPON),
    );
    sim.runIteration(1, 0);
    const ba = of(hits, 'black_arrow').filter((h) => h.t < 20_000);
    // stacks up at each cast: GCD → 0; 4 s → 1; 8 s → 2; 12 s → 3 (the first lasts to GCD + 12 s); 16 s → 2
    const stacks = [0, 1, 2, 3, 2];
    expect(ba.map((h) => h.t)).toEqual([GCD, 4000, 8000, 12_000, 16_000]);
    // Black Arrow reads the attack power with the weapon's DPS × 6 (SimC's BfA attack power)
    const withWeapon = (AP + 6 * C.weaponDps) / AP;
    ba.forEach((h, i) =>
      expect(rel(h.amount, BA_BM * withWeapon * (1 + 0.06 * stacks[i]!))).toBeLessThan(1e-12),
    );
    // Auto Shot is in 1232992 #1's list: between the first and second Black Arrow one stack
    const auto = of(hits, 'auto_shot').find((h) => h.t > GCD && h.t < 4000)!;
    const speed = C.weaponSpeed;
    expect(rel(auto.amount, (C.weaponDps * speed + (AP * speed) / 6) * 1.06)).toBeLessThan(1e-12);
  });

  it('MM The Bell Tolls is 3 % a stack (1232992 #1, no Marksmanship modifier)', () => {
    const { sim, hits } = recorded(
      config('mm-hunter', ['black_arrow', 'the_bell_tolls'], 'actions=black_arrow'),
    );
    sim.runIteration(1, 0);
    const ba = of(hits, 'black_arrow');
    expect(rel(ba[0]!.amount, BA_MM)).toBeLessThan(1e-12);
    expect(rel(ba[1]!.amount, BA_MM * 1.03)).toBeLessThan(1e-12); // 10 s: the 0 s stack (to 12 s) is up
  });
});

describe('Dark Ranger: Bleak Powder and Umbral Reach', () => {
  it('BM: Black Arrow explodes on the other targets (472084 #1, 4.2 AP), spreads the dot and gives Beast Cleave (with its talent)', () => {
    const talents = ['black_arrow', 'bleak_powder', 'soul_drinker', 'umbral_reach', 'beast_cleave'];
    const c = config('bm-hunter', talents, 'actions=black_arrow');
    c.fight.style = 'cleave';
    c.fight.targets = 3;
    const { sim, hits } = recorded(parseConfig(c));
    sim.runIteration(1, 0);
    const powder = of(hits, 'bleak_powder');
    expect(powder.filter((h) => h.t === 0).map((h) => h.target)).toEqual([1, 2]); // never the primary
    // 137015 #1 (-6 %), 76657 #7 (mastery 1 %/point, by label), Soul Drinker 469638 #3 (+10 %); 2 targets < 8 (467911 #2)
    const amount = 4.2 * AP * (1 - 0.06) * (1 + BM_SPELL_MASTERY) * (1 + 0.1);
    for (const h of powder) expect(rel(h.amount, amount)).toBeLessThan(1e-12);
    // Umbral Reach: the dot on the targets it hit, and Beast Cleave (1235397 #2: 2 or more) on the pet
    const dotTargets = new Set(
      of(hits, 'black_arrow_dot')
        .filter((h) => h.t === 1000)
        .map((h) => h.target),
    );
    expect([...dotTargets].sort()).toEqual([0, 1, 2]);
    expect(of(hits, 'beast_cleave').length).toBeGreaterThan(0);
    // without the Beast Cleave talent Umbral Reach gives BM none (SimC bleak_powder_t::impact)
    const untalented = config('bm-hunter', talents.slice(0, -1), 'actions=black_arrow');
    untalented.fight.style = 'cleave';
    untalented.fight.targets = 3;
    const u = recorded(parseConfig(untalented));
    u.sim.runIteration(1, 0);
    expect(of(u.hits, 'bleak_powder').length).toBe(powder.length);
    expect(of(u.hits, 'beast_cleave')).toEqual([]);

    const plain = config('bm-hunter', ['black_arrow', 'bleak_powder'], 'actions=black_arrow');
    plain.fight.style = 'cleave';
    plain.fight.targets = 3;
    const p = recorded(parseConfig(plain));
    p.sim.runIteration(1, 0);
    expect(of(p.hits, 'beast_cleave')).toEqual([]);
    expect(new Set(of(p.hits, 'black_arrow_dot').map((h) => h.target))).toEqual(new Set([0]));
  });

  it('MM: 467914 #1 (6.1875 AP) with the Marksmanship modifiers; nothing on a single target', () => {
    const c = config('mm-hunter', ['black_arrow', 'bleak_powder'], 'actions=black_arrow');
    c.fight.style = 'cleave';
    c.fight.targets = 2;
    const { sim, hits } = recorded(parseConfig(c));
    sim.runIteration(1, 0);
    const amount = 6.1875 * AP * (1 - 0.04) * (1 + MM_MASTERY); // 137016 #1, 193468 #5 (no Lone Wolf)
    const powder = of(hits, 'bleak_powder');
    expect(powder.map((h) => h.t)).toEqual(CASTS);
    for (const h of powder) {
      expect(h.target).toBe(1);
      expect(rel(h.amount, amount)).toBeLessThan(1e-12);
    }
    const single = recorded(config('mm-hunter', ['black_arrow', 'bleak_powder'], 'actions=black_arrow'));
    single.sim.runIteration(1, 0);
    expect(of(single.hits, 'bleak_powder')).toEqual([]);
  });
});

describe('Dark Ranger: random procs within their error', () => {
  /** Over `n` iterations: how often `event` happened per chance, against p within 4 binomial σ. */
  function expectRate(successes: number, trials: number, p: number): void {
    const sigma = Math.sqrt((p * (1 - p)) / trials);
    expect(trials).toBeGreaterThan(500);
    expect(Math.abs(successes / trials - p)).toBeLessThan(4 * sigma);
  }

  it('Bleak Arrows: Auto Shot turns Shadow (no armor) and grants Deathblow 20 % (BM, 467749 #1)', () => {
    let autos = 0;
    let midCasts = 0;
    for (let k = 0; k < 40; k++) {
      const { sim, hits } = recorded(
        config('bm-hunter', ['black_arrow', 'deathblow', 'bleak_arrows'], 'actions=black_arrow', 100, WEAPON),
      );
      sim.runIteration(3, k);
      expect(of(hits, 'auto_shot')).toEqual([]);
      const bleak = of(hits, 'bleak_arrows');
      const speed = C.weaponSpeed;
      for (const h of bleak) {
        expect(h.physical).toBe(false);
        expect(rel(h.amount, C.weaponDps * speed + (AP * speed) / 6)).toBeLessThan(1e-12); // 467718 #1: 100 % weapon damage
      }
      // Between 20 % and 80 % health Black Arrow is cast only on a Deathblow, at once (autos are
      // further apart than the GCD): one cast per proc.
      const mid = (t: number) => t > 20_000 && t < 80_000;
      autos += bleak.filter((h) => mid(h.t)).length;
      midCasts += of(hits, 'black_arrow').filter((h) => mid(h.t)).length;
    }
    expect(PHYSICAL_MULTIPLIER).toBeLessThan(1);
    expectRate(midCasts, autos, 0.2);
  });

  it("Banshee's Mark: 15 % of Black Arrows (467902 #2) summon crows, 15 pecks of 0.216 AP (131900 #1)", () => {
    let casts = 0;
    let procs = 0;
    let lone = 0;
    // BM 137015 #1 (-6 %), Master of Beasts 76657 #3 (1.9 %/point); Shadow (467902 #1)
    const peck = 0.216 * AP * (1 - 0.06) * (1 + POINTS * 0.019);
    for (let k = 0; k < 120; k++) {
      const { sim, hits } = recorded(
        config('bm-hunter', ['black_arrow', 'banshees_mark'], 'actions=black_arrow'),
      );
      const crows = sim.data.dots.findIndex((d) => d.key === 'a_murder_of_crows');
      const applyDot = sim.dots.applyDot.bind(sim.dots);
      sim.dots.applyDot = (dot, slot, now, haste, tick) => {
        if (dot === crows) procs++;
        return applyDot(dot, slot, now, haste, tick);
      };
      sim.runIteration(6, k);
      const ba = of(hits, 'black_arrow');
      casts += ba.length;
      const pecks = of(hits, 'a_murder_of_crows');
      for (const h of pecks) {
        expect(h.physical).toBe(false);
        if (Number.isInteger(h.t / 1000)) expect(rel(h.amount, peck)).toBeLessThan(1e-12);
      }
      // each flock pecks every 1 s (131894: 15 s, not hasted): with flocks never overlapping (casts
      // 10 s apart outside Deathblow, so only 80 s+ may overlap), 15 pecks per flock or up to the end
      const starts = ba.filter((b) => pecks.some((h) => h.t === b.t + 1000)).map((b) => b.t);
      if (starts.length === 1 && starts[0]! <= 85_000) {
        expect(pecks.length).toBe(Math.min(15, (100_000 - starts[0]!) / 1000));
        lone++;
      }
    }
    expect(lone).toBeGreaterThan(5);
    expectRate(procs, casts, DARK_RANGER.bansheesMarkChance);
  });

  it('Deathblow without Black Arrow resets Kill Shot and lifts its health rule (343248 #2 on Kill Command)', () => {
    let kc = 0;
    let midKillShots = 0;
    let grants = 0;
    for (let k = 0; k < 15; k++) {
      const { sim, hits, buffs } = recorded(
        config('bm-hunter', ['deathblow'], 'actions=kill_shot\nactions+=/kill_command', 300),
      );
      sim.runIteration(7, k);
      kc += of(hits, 'kill_command').length;
      grants += buffs.filter((b) => b === 'deathblow').length;
      // above 20 % health (the first 240 s) Kill Shot is cast only on a Deathblow
      midKillShots += of(hits, 'kill_shot').filter((h) => h.t < 240_000).length;
    }
    expect(midKillShots).toBeGreaterThan(0);
    expect(midKillShots).toBeLessThanOrEqual(grants);
    expectRate(grants, kc, 0.1);
  });

  it('Deathblow draws a reaction time whatever the rotation reads: the execute shot waits for it (SimC may_react)', () => {
    const withReaction = (talents: string[]) => {
      const c = config('bm-hunter', talents, 'actions=kill_shot\nactions+=/kill_command', 30);
      c.timing = { ...c.timing!, reactionMs: 300 };
      return createSim(parseConfig(c));
    };
    const sim = withReaction(['deathblow']);
    const db = sim.data.buffs.findIndex((b) => b.key === 'deathblow');
    // the rotation reads no `react`: only Deathblow, which the Dark Ranger rules read, is reactable
    expect([...sim.buffReactable.keys()].filter((b) => sim.buffReactable[b] === 1)).toEqual([db]);
    sim.applyBuff(db, 1, 0);
    expect(sim.buffs.stack(db, 0)).toBe(1);
    expect(sim.buffs.reactStack(db, 0)).toBe(0); // gained now, seen after the reaction time
    expect(sim.buffs.reactStack(db, 1000)).toBe(1); // REACTION.maxMs at most
    expect(withReaction([]).buffReactable.every((r) => r === 0)).toBe(true);
  });

  it('Ebon Bowstring (467897 #1, 15 %) and Deathblow on Kill Command (343248 #2, 10 %)', () => {
    let ba = 0;
    let kc = 0;
    let grants = 0;
    for (let k = 0; k < 100; k++) {
      const { sim, hits, buffs } = recorded(
        config('bm-hunter', ['black_arrow', 'deathblow', 'ebon_bowstring'], 'actions=black_arrow'),
      );
      sim.runIteration(4, k);
      ba += of(hits, 'black_arrow').length;
      grants += buffs.filter((b) => b === 'deathblow').length;
    }
    expectRate(grants, ba, DARK_RANGER.ebonBowstringChance);
    grants = 0;
    for (let k = 0; k < 15; k++) {
      const { sim, hits, buffs } = recorded(
        config('bm-hunter', ['black_arrow', 'deathblow'], 'actions=kill_command', 300),
      );
      sim.runIteration(5, k);
      kc += of(hits, 'kill_command').length;
      grants += buffs.filter((b) => b === 'deathblow').length;
    }
    expectRate(grants, kc, 0.1);
  });
});

describe('Dark Ranger: the real SimulationCraft loadouts', () => {
  for (const [key, spec] of [
    ['bmDarkRanger', 'bm-hunter'],
    ['mmDarkRanger', 'mm-hunter'],
  ] as const) {
    it(`${key}: every Dark Ranger talent it takes that the model has is applied, and Black Arrow is cast`, () => {
      const t = talentsFromLoadout(REAL[key], { expected: spec });
      for (const k of ['black_arrow', 'bleak_arrows', 'ebon_bowstring', 'withering_fire', 'the_bell_tolls'])
        expect(t.keys).toContain(k);
      expect(t.keys).toContain('deathblow');
      const c = specs.find((s) => s.id === spec)!.defaultConfig();
      c.player.talents = t.keys;
      c.fight.durationVariation = 0;
      const { sim, hits } = recorded(parseConfig(c));
      sim.runIteration(1, 0);
      for (const src of ['black_arrow', 'black_arrow_dot', 'black_arrow_withering_fire', 'bleak_arrows'])
        expect(of(hits, src).length, src).toBeGreaterThan(0);
      expect(of(hits, 'kill_shot')).toEqual([]);
    });
  }
});
