/**
 * Golden tests of Sentinel with Dark Ranger's hits (a config that takes both hero trees: the
 * config accepts it, the game does not). SimC (sc_hunter.cpp, TWW 11.1: hunter_t::
 * init_special_effects) rolls Sentinel from a player-wide proc callback, `sentinel_cb_t` with
 * PF2_ALL_HIT and 450369's proc flags (11.0.2.56461 dump: White/Yellow Melee, White/Yellow
 * Ranged, Generic Hostile Spell; no Periodic), so Black Arrow and Withering Fire's arrows
 * (black_arrow_base_t, a ranged attack), Bleak Powder (a ranged attack) and Bleak Arrows
 * (auto_shot_base_t, a white ranged hit) roll it like the spec's shots; the Black Arrow dot's ticks
 * do not. Lunar Storm's +10 % taken (450884 #1, SimC composite_player_target_multiplier: every
 * school of the hunter's own damage) reaches them too.
 */
import { describe, expect, it } from 'vitest';
import { TIMING_OFF } from '../../config/timing.ts';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { runUntil } from '../../engine/test-support.ts';
import { DARK_RANGER } from '../hero/dark-ranger-data.ts';
import { expectRate } from '../expect-rate.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, expected, mmConfig, MULT, simAfterOneIteration } from './test-support.ts';

const SENTINEL = Sim.indexOf(MM_DATA.debuffs, 'sentinel');
const LUNAR = Sim.indexOf(MM_DATA.debuffs, 'lunar_storm');
/** 466930 #1; 137016 #9 (+7 %) and #13 (+4 %); MULT: 137016 #1 and 193468 #2 at 8 points (black-arrow.test.ts). */
const BLACK_ARROW = DARK_RANGER.blackArrowAp * AP * MULT * 1.07 * 1.04;

function both(extra: string[] = [], distanceYards = 0): Sim {
  const c = mmConfig('actions=steady_shot', { seconds: 20, talents: ['sentinel', 'black_arrow', ...extra] });
  c.timing = { ...TIMING_OFF, distanceYards };
  return simAfterOneIteration(c);
}

/** Fraction of `n` calls of `act` after which target 0 gained a Sentinel stack. */
function stackRate(sim: Sim, n: number, act: () => void): number {
  let stacks = 0;
  for (let i = 0; i < n; i++) {
    sim.logic.start();
    sim.debuffs.reset();
    sim.dots.reset();
    sim.cds.reset();
    sim.q.clear();
    act();
    if (sim.debuffs.stack(SENTINEL * MAX_TARGETS, sim.now) > 0) stacks++;
  }
  return stacks;
}

describe('Sentinel (450369) from Dark Ranger hits, both hero trees taken', () => {
  it('Black Arrow rolls it (22 %, 450369 via SimC sentinel_cb_t), when fired and when it lands', () => {
    const n = 4000;
    const sim = both();
    expectRate(
      stackRate(sim, n, () => sim.logic.execute(A('black_arrow'), 0)),
      n,
      MM.sentinelChance,
    );
    // 40 yd: it lands 0.5 s later (80 yd/s), rolling then
    const far = both([], 40);
    const landed = stackRate(far, n, () => {
      far.travelOn = 1;
      far.logic.execute(A('black_arrow'), 0);
      far.travelOn = 0;
      if (far.debuffs.stack(SENTINEL * MAX_TARGETS, far.now) > 0) throw new Error('rolled when fired');
      runUntil(far, far.now + 500);
    });
    expectRate(landed, n, MM.sentinelChance);
  });

  it('Bleak Arrows (a white ranged hit) rolls it', () => {
    const n = 4000;
    const sim = both(['bleak_arrows']);
    expectRate(
      stackRate(sim, n, () => sim.logic.autoShot()),
      n,
      MM.sentinelChance,
    );
  });

  it('the Black Arrow dot’s ticks do not (no Periodic in 450369’s proc flags)', () => {
    const sim = both();
    sim.logic.execute(A('black_arrow'), 0);
    const dot = Sim.indexOf(MM_DATA.dots, 'black_arrow') * MAX_TARGETS;
    expect(sim.dots.up(dot, sim.now)).toBe(true);
    sim.debuffs.reset();
    runUntil(sim, sim.now + 10_000); // five ticks
    expect(sim.debuffs.stack(SENTINEL * MAX_TARGETS, sim.now)).toBe(0);
  });

  it('Lunar Storm’s +10 % taken (450884 #1) reaches Black Arrow', () => {
    const sim = both(['lunar_storm']);
    const src = Sim.indexOf(MM_DATA.sources, 'black_arrow');
    for (const storm of [false, true]) {
      sim.debuffs.reset();
      if (storm) sim.debuffs.apply(LUNAR, LUNAR * MAX_TARGETS, sim.now, 1, 0);
      const [d0, c0] = [sim.srcDamage[src]!, sim.srcCrits[src]!];
      sim.logic.execute(A('black_arrow'), 0);
      const s = { damage: 0, casts: 0, hits: 1, crits: sim.srcCrits[src]! - c0 };
      const taken = storm ? 1 + MM.lunarStormTaken : 1;
      expect(sim.srcDamage[src]! - d0).toBe(expected(s, BLACK_ARROW * taken, false, 1));
    }
  });
});
