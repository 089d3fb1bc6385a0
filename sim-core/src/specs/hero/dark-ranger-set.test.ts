/**
 * Golden tests of The War Within season 3 set for Dark Ranger (2pc 1236370, 4pc 1236371; Blighted
 * Quiver 1236975), both specs: each config isolates one mechanic, the figure is computed by hand
 * from the cited spell data (11.2.0.63003) and the engine gives exactly it (deterministic damage,
 * compared on the amount before crit/versatility/rounding; casts' times) or lands within the error
 * (the 4pc's 50 % roll). Rules as SimC's sc_hunter.cpp at 50d415071f (./dark-ranger-set.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { deriveStats } from '../../engine/ratings.ts';
import { createSim, simulate } from '../../engine/run.ts';
import type { Sim } from '../../engine/sim.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { REAL } from '../../talents/test-strings.ts';
import type { SimConfig, SpecId } from '../../types.ts';
import { specs } from '../registry.ts';
import { SET_BONUSES } from '../tier-sets.ts';

const TWO = [SET_BONUSES[0]];
const FOUR = [...SET_BONUSES];
const ONLY_FOUR = [SET_BONUSES[1]];

function config(
  spec: SpecId,
  talents: string[],
  rotation: string,
  setBonuses: string[],
  opts: { seconds?: number; targets?: number } = {},
): SimConfig {
  return mechanicConfig(spec, talents, rotation, { ...opts, setBonuses });
}

/** One entry per hit (`hit:` source key) and per buff application (`buff:` key), in the order they happen. */
interface Entry {
  t: number;
  what: string;
  target: number;
  amount: number;
}

function recorded(c: SimConfig): { sim: Sim; log: Entry[] } {
  const sim = createSim(c);
  const log: Entry[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus) => {
    log.push({ t: sim.now, what: `hit:${sim.data.sources[src]!.key}`, target, amount });
    return hit(src, target, amount, physical, critBonus);
  };
  const applyBuff = sim.applyBuff.bind(sim);
  sim.applyBuff = (buff, stacks, ms) => {
    log.push({ t: sim.now, what: `buff:${sim.data.buffs[buff]!.key}`, target: 0, amount: stacks });
    applyBuff(buff, stacks, ms);
  };
  return { sim, log };
}

const hits = (log: Entry[], src: string) => log.filter((e) => e.what === `hit:${src}`);
const buffs = (log: Entry[], key: string) => log.filter((e) => e.what === `buff:${key}`);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const C = specs[0]!.defaultConfig().player.stats;
const AP = C.agility; // Battle Shout off: 1 AP per agility
const POINTS = deriveStats(C).masteryPoints; // Skyfury off
const BM_SPELL_MASTERY = POINTS * 0.01; // 76657 Mastery: Master of Beasts, effect #5 (1 % per point)
const MM_MASTERY = POINTS * 0.014; // 193468 Mastery: Sniper Training, effects #2/#4/#5 (1.4 % per point)

/** Black Arrow's direct hit (466930 #1 3.484 AP) with each spec's modifiers, as dark-ranger.test.ts. */
const BA_BM = 3.484 * AP * (1 - 0.06) * (1 + 0.4) * (1 - 0.28) * (1 + 0.2) * (1 + BM_SPELL_MASTERY); // 137015 #1, #7, #8, #10
const BA_MM = 3.484 * AP * (1 - 0.04) * (1 + MM_MASTERY) * (1 + 0.07) * (1 + 0.04); // 137016 #1, 193468 #2, 137016 #9, #13
/** The dot's tick (468572 #1 0.0325 AP): BM 137015 #11 (+20 %, no mastery); MM 137016 #14 (+4 %), 193468 #4. */
const TICK_BM = 0.0325 * AP * (1 + 0.2);
const TICK_MM = 0.0325 * AP * (1 + 0.04) * (1 + MM_MASTERY);
/** A Withering Fire arrow (468037 #1 1.742 AP): BM 137015 #1, #10; MM 137016 #1, #13 (no mastery either). */
const WF_BM = 1.742 * AP * (1 - 0.06) * (1 + 0.2);
const WF_MM = 1.742 * AP * (1 - 0.04) * (1 + 0.04);

/** 1236370 #1 (+10 % direct on 466930 and 468037), #5 (+10 % periodic on 468572), #2 (+20 % Bleak Powder). */
const SET_DIRECT = 1 + 0.1;
const SET_PERIODIC = 1 + 0.1;
const SET_POWDER = 1 + 0.2;
/** 1236371 #1: +50 % on 468037 (label 5085), with the 2pc's +10 % when both are worn. */
const SET_WF_4PC = 1 + 0.5;

describe('Dark Ranger TWW3 2pc (1236370): damage', () => {
  for (const [spec, ba, tick] of [
    ['bm-hunter', BA_BM, TICK_BM],
    ['mm-hunter', BA_MM, TICK_MM],
  ] as const) {
    it(`${spec}: Black Arrow's hit +10 % (#1) and its dot's ticks +10 % (#5); nothing without the bonus`, () => {
      for (const [set, direct, periodic] of [
        [[], 1, 1],
        [TWO, SET_DIRECT, SET_PERIODIC],
      ] as const) {
        const { sim, log } = recorded(config(spec, ['black_arrow'], 'actions=black_arrow', [...set]));
        sim.runIteration(1, 0);
        const arrows = hits(log, 'black_arrow');
        expect(arrows.length).toBe(6); // 0, 10, 20, 80, 90, 100 s (dark-ranger.test.ts)
        for (const h of arrows) expect(rel(h.amount, ba * direct)).toBeLessThan(1e-12);
        const ticks = hits(log, 'black_arrow_dot').filter(
          (h) => Number.isInteger(h.t / 1000) && h.t <= 14_000,
        );
        expect(ticks.length).toBeGreaterThan(10);
        for (const h of ticks) expect(rel(h.amount, tick * periodic)).toBeLessThan(1e-12);
      }
    });
  }

  for (const [spec, targets, powder] of [
    // 472084 #1 4.2 AP; 137015 #1 (-6 %), 76657 #7 (mastery by label)
    ['bm-hunter', 3, 4.2 * AP * (1 - 0.06) * (1 + BM_SPELL_MASTERY)],
    // 467914 #1 6.1875 AP; 137016 #1 (-4 %), 193468 #5
    ['mm-hunter', 2, 6.1875 * AP * (1 - 0.04) * (1 + MM_MASTERY)],
  ] as const) {
    it(`${spec}: Bleak Powder +20 % (#2, label 5078)`, () => {
      for (const [set, mult] of [
        [[], 1],
        [TWO, SET_POWDER],
      ] as const) {
        const c = config(spec, ['black_arrow', 'bleak_powder'], 'actions=black_arrow', [...set], { targets });
        const { sim, log } = recorded(c);
        sim.runIteration(1, 0);
        const p = hits(log, 'bleak_powder');
        expect(p.length).toBe(6 * (targets - 1));
        for (const h of p) expect(rel(h.amount, powder * mult)).toBeLessThan(1e-12);
      }
    });
  }
});

describe('Dark Ranger TWW3 2pc (1236370): cooldowns', () => {
  it('MM: Trueshot 120 s → 90 s (#3): 4 casts in 300 s instead of 3; cooldown.trueshot.duration reads 90', () => {
    const rotation = 'actions=trueshot,if=cooldown.trueshot.duration=ROW';
    for (const [set, cd, times] of [
      [[], 120, [0, 120_000, 240_000]],
      [TWO, 90, [0, 90_000, 180_000, 270_000]],
    ] as const) {
      const c = config('mm-hunter', ['black_arrow'], rotation.replace('ROW', String(cd)), [...set], {
        seconds: 300,
      });
      const { sim, log } = recorded(c);
      sim.runIteration(1, 0);
      expect(buffs(log, 'trueshot').map((e) => e.t)).toEqual(times);
    }
  });

  it('BM: Call of the Wild 120 s → 60 s (#4): 6 casts in 300 s instead of 3', () => {
    const talents = ['black_arrow', 'call_of_the_wild'];
    for (const [set, times] of [
      [[], [0, 120_000, 240_000]],
      // the engine's last decision comes at the end (as Black Arrow's 100 s cast in dark-ranger.test.ts)
      [TWO, [0, 60_000, 120_000, 180_000, 240_000, 300_000]],
    ] as const) {
      const c = config('bm-hunter', talents, 'actions=call_of_the_wild', [...set], { seconds: 300 });
      const { sim, log } = recorded(c);
      sim.runIteration(1, 0);
      expect(buffs(log, 'call_of_the_wild').map((e) => e.t)).toEqual(times);
    }
  });
});

describe('Dark Ranger TWW3 4pc (1236371): Withering Fire', () => {
  for (const [spec, cast, arrow] of [
    ['bm-hunter', 'call_of_the_wild', WF_BM],
    ['mm-hunter', 'trueshot', WF_MM],
  ] as const) {
    it(`${spec}: Withering Fire's arrows +50 % (#1), ×1.1 × 1.5 with the 2pc; Black Arrow's own hit only the 2pc's`, () => {
      const talents = ['black_arrow', 'deathblow', 'withering_fire'];
      if (spec === 'bm-hunter') talents.push('call_of_the_wild');
      for (const [set, mult] of [
        [[], 1],
        [TWO, SET_DIRECT],
        [ONLY_FOUR, SET_WF_4PC],
        [FOUR, SET_DIRECT * SET_WF_4PC],
      ] as const) {
        const c = config(spec, talents, `actions=${cast}\nactions+=/black_arrow`, [...set], { seconds: 100 });
        const { sim, log } = recorded(c);
        sim.runIteration(1, 0);
        const wf = hits(log, 'black_arrow_withering_fire');
        expect(wf.length).toBeGreaterThanOrEqual(4);
        for (const h of wf) expect(rel(h.amount, arrow * mult)).toBeLessThan(1e-12);
        const ba = spec === 'bm-hunter' ? BA_BM : BA_MM;
        const direct = (set as readonly string[]).includes(SET_BONUSES[0]) ? SET_DIRECT : 1;
        for (const h of hits(log, 'black_arrow')) expect(rel(h.amount, ba * direct)).toBeLessThan(1e-12);
      }
    });
  }
});

describe('Dark Ranger TWW3 4pc (1236371): Blighted Quiver (1236975)', () => {
  it('every Black Arrow cast (SimC kill_shot_base_t::execute, Deathblow or not) grants a stack 50 % of the time (#3 MM, #2 BM)', () => {
    for (const spec of ['mm-hunter', 'bm-hunter'] as const) {
      // no Deathblow talent: casts only by the health rule, each still rolls
      const { sim, log } = recorded(
        config(spec, ['black_arrow'], 'actions=black_arrow', FOUR, { seconds: 300 }),
      );
      let casts = 0;
      let procs = 0;
      for (let k = 0; k < 100; k++) {
        log.length = 0;
        sim.runIteration(11, k);
        casts += hits(log, 'black_arrow').length;
        procs += buffs(log, 'blighted_quiver').length;
        const q = sim.data.buffs.findIndex((b) => b.key === 'blighted_quiver');
        // never spent without Withering Fire; 8 stacks at most (1236975)
        expect(sim.buffs.stack(q, sim.now - 1)).toBe(Math.min(8, buffs(log, 'blighted_quiver').length));
      }
      const p = 0.5;
      const sigma = Math.sqrt((p * (1 - p)) / casts);
      expect(casts).toBeGreaterThan(1000);
      expect(Math.abs(procs / casts - p)).toBeLessThan(4 * sigma);
    }
  });

  it('with Deathblow: the casts that spend it roll too, ≈ 50 % of them (MM)', () => {
    const talents = ['black_arrow', 'deathblow', 'bleak_arrows'];
    const { sim, log } = recorded(
      config('mm-hunter', talents, 'actions=black_arrow', FOUR, { seconds: 300 }),
    );
    const db = sim.data.buffs.findIndex((b) => b.key === 'deathblow');
    let spent = 0;
    let procsOnSpent = 0;
    const onBlackArrow = sim.logic.execute.bind(sim.logic);
    sim.logic.execute = (a, target) => {
      const had = sim.buffs.up(db, sim.now);
      const before = log.length;
      onBlackArrow(a, target);
      if (had && sim.data.actions[a]!.key === 'black_arrow') {
        spent++;
        if (log.slice(before).some((e) => e.what === 'buff:blighted_quiver')) procsOnSpent++;
      }
    };
    for (let k = 0; k < 150; k++) {
      log.length = 0;
      sim.runIteration(12, k);
    }
    const sigma = Math.sqrt(0.25 / spent);
    expect(spent).toBeGreaterThan(500);
    expect(Math.abs(procsOnSpent / spent - 0.5)).toBeLessThan(4 * sigma);
  });

  // the second Withering Fire comes after the 2pc's cooldown: Trueshot 90 s, Call of the Wild 60 s
  for (const [spec, cast, cd, seconds, talents] of [
    ['mm-hunter', 'trueshot', 90_000, 160, ['black_arrow', 'deathblow', 'withering_fire']],
    [
      'bm-hunter',
      'call_of_the_wild',
      60_000,
      100, // no third Call of the Wild (120 s)
      ['black_arrow', 'deathblow', 'withering_fire', 'call_of_the_wild'],
    ],
  ] as const) {
    it(`${spec}: the next Withering Fire spends the stacks; each adds 1 arrow (#1) to every barrage of it`, () => {
      const c = config(spec, [...talents], `actions=${cast}\nactions+=/black_arrow`, FOUR, { seconds });
      const { sim, log } = recorded(c);
      const q = sim.data.buffs.findIndex((b) => b.key === 'blighted_quiver');
      let seen = 0;
      for (let k = 0; k < 40; k++) {
        log.length = 0;
        sim.runIteration(13, k);
        const second = buffs(log, 'withering_fire')[1]!;
        expect(second.t).toBe(cd);
        const at = log.indexOf(second);
        // stacks gained before the second Withering Fire (the first's own included), at most 8
        const stacks = Math.min(8, log.slice(0, at).filter((e) => e.what === 'buff:blighted_quiver').length);
        // the first Withering Fire found none: 2 arrows a barrage (466990 #3)
        const perCast = (from: number, to: number) => {
          const ba = hits(log, 'black_arrow').filter((h) => h.t >= from && h.t < to);
          const wf = hits(log, 'black_arrow_withering_fire').filter((h) => h.t >= from && h.t < to);
          return { casts: ba.length, arrows: wf.length };
        };
        const first = perCast(0, 15_000);
        expect(first.arrows).toBe(2 * first.casts);
        const next = perCast(cd, cd + 15_000);
        expect(next.casts).toBeGreaterThan(0);
        expect(next.arrows).toBe((2 + stacks) * next.casts);
        // spent when it started: what it has at the end are the stacks gained since
        const after = log.slice(at).filter((e) => e.what === 'buff:blighted_quiver').length;
        expect(sim.buffs.stack(q, sim.now - 1)).toBe(Math.min(8, after));
        if (stacks > 0) seen++;
      }
      expect(seen).toBeGreaterThan(30);
    });
  }

  it('the rotation reads buff.blighted_quiver.stack: Trueshot held until 3 stacks', () => {
    const rotation = 'actions=trueshot,if=buff.blighted_quiver.stack>=3\nactions+=/black_arrow';
    const talents = ['black_arrow', 'withering_fire'];
    const { sim, log } = recorded(config('mm-hunter', talents, rotation, FOUR, { seconds: 300 }));
    for (let k = 0; k < 10; k++) {
      log.length = 0;
      sim.runIteration(14, k);
      const ts = buffs(log, 'trueshot')[0];
      if (!ts) continue;
      const at = log.indexOf(ts);
      expect(log.slice(0, at).filter((e) => e.what === 'buff:blighted_quiver').length).toBeGreaterThanOrEqual(
        3,
      );
    }
  });
});

describe('Dark Ranger TWW3 set: nothing changes without it or without the tree', () => {
  it('a Dark Ranger loadout without the set (no field, or []) gives the same DPS bit for bit', () => {
    for (const [key, spec] of [
      ['bmDarkRanger', 'bm-hunter'],
      ['mmDarkRanger', 'mm-hunter'],
    ] as const) {
      const c = specs.find((s) => s.id === spec)!.defaultConfig();
      c.player.talents = talentsFromLoadout(REAL[key], { expected: spec }).keys;
      const run = (sets: string[] | undefined) => {
        const x: SimConfig = { ...c, setBonuses: [] };
        if (sets === undefined) delete x.setBonuses;
        else x.setBonuses = sets;
        return simulate(parseConfig(x), { seed: 1, seedOffset: 0, iterations: 20 }).samples;
      };
      const none = run(undefined);
      expect(run([])).toEqual(none);
      expect(run(FOUR)).not.toEqual(none);
    }
  });

  it('without the Dark Ranger keystone the set does nothing of Dark Ranger: same DPS, cooldowns, no Blighted Quiver', () => {
    for (const [spec, talents, rotation] of [
      [
        'mm-hunter',
        ['deathblow'],
        'actions=trueshot\nactions+=/aimed_shot\nactions+=/kill_shot\nactions+=/steady_shot',
      ],
      [
        'bm-hunter',
        ['call_of_the_wild', 'deathblow'],
        'actions=call_of_the_wild\nactions+=/kill_command\nactions+=/kill_shot\nactions+=/cobra_shot',
      ],
    ] as const) {
      const samples = (sets: string[]) =>
        simulate(config(spec, [...talents], rotation, sets, { seconds: 300 }), {
          seed: 1,
          seedOffset: 0,
          iterations: 10,
        }).samples;
      expect(samples(FOUR)).toEqual(samples([]));
      const sim = createSim(config(spec, [...talents], rotation, FOUR));
      const cd = sim.data.actions.findIndex(
        (a) => a.key === (spec === 'mm-hunter' ? 'trueshot' : 'call_of_the_wild'),
      );
      expect(sim.cds.base[cd]).toBe(120_000);
    }
  });

  it('the other hero trees (Pack Leader BM, Sentinel MM) keep Trueshot / Call of the Wild at 120 s and gain no Blighted Quiver', () => {
    // SimC's default BM profile is Pack Leader; Sentinel's keystone for MM
    const pl = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig().player.talents;
    expect(pl).not.toContain('black_arrow');
    for (const [spec, cdKey, talents] of [
      ['mm-hunter', 'trueshot', ['sentinel']],
      ['bm-hunter', 'call_of_the_wild', [...new Set([...pl, 'call_of_the_wild'])]],
    ] as const) {
      const rotation = `actions=${cdKey}\nactions+=/kill_shot`;
      const { sim, log } = recorded(config(spec, [...talents], rotation, FOUR, { seconds: 300 }));
      sim.runIteration(1, 0);
      expect(sim.cds.base[sim.data.actions.findIndex((a) => a.key === cdKey)]).toBe(120_000);
      expect(buffs(log, cdKey).map((e) => e.t)).toEqual([0, 120_000, 240_000]);
      expect(buffs(log, 'blighted_quiver')).toEqual([]);
    }
  });
});
