/**
 * Golden tests of the main pet's basic attack (Claw 16827 / Bite 17253 / Smack 49966) and its
 * focus, as SimulationCraft's `basic_attack_main_t` and `hunter_main_pet_t` have them: each config
 * isolates the pet (no raid buffs, consumables, timing delays, ratings or critical strikes; the
 * rotation never acts), the attack times and amounts are worked out by hand from the cited data,
 * and the engine must give exactly them (or land within the error with the random delay on).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { isolateMechanics } from '../../engine/test-support.ts';
import { BASE_MASTERY_POINTS } from '../../engine/ratings.ts';
import { createSim } from '../../engine/run.ts';
import { Sim } from '../../engine/sim.ts';
import type { SimConfig } from '../../types.ts';
import { specs } from '../registry.ts';
import { BM, BM_DATA } from './data.ts';

const AGILITY = 40_000;
/** The main pet: 0.6 × AP, spec aura −6 % (137015 #3), mastery 1.9 % per base point (76657 #1). */
const STABLE =
  BM.petApFromOwner * (1 + BM.specAuraPet) * (1 + (BASE_MASTERY_POINTS * BM_DATA.masteryCoefficient) / 100);
/** One basic attack before crit, versatility and armor: 0.26 × the pet's AP (16827 #1). */
const BASIC = BM.petBasicAttackAp * AGILITY * STABLE;
/** A rotation that never acts: the pet attacks on its own. */
const IDLE = 'actions=bestial_wrath,if=time>10000';

function config(talents: string[], seconds: number): SimConfig {
  const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  c.player.talents = talents;
  c.player.stats = { ...c.player.stats, agility: AGILITY, crit: 0, haste: 0, mastery: 0, versatility: 0 };
  c.fight = { ...c.fight, durationSeconds: seconds, durationVariation: 0, bloodlust: false };
  isolateMechanics(c);
  c.rotation = IDLE;
  return c;
}

/** Runs iteration 0 and records the basic attacks (time, amount before crit/versatility/armor). */
function claws(c: SimConfig): Array<{ t: number; amount: number }> {
  const sim = createSim(parseConfig(c));
  (sim as unknown as { baseCrit: number }).baseCrit = -10;
  const claw = Sim.indexOf(BM_DATA.sources, 'claw');
  const out: Array<{ t: number; amount: number }> = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, physical, critBonus) => {
    if (src === claw) out.push({ t: sim.now, amount });
    return hit(src, target, amount, physical, critBonus);
  };
  sim.runIteration(3, 0);
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.abs(b);

describe('pet basic attack (16827 / 17253 / 49966; 62762)', () => {
  it('attacks every 3 s while it has 25 focus; above 50 it pays 50 for double damage', () => {
    // Pet focus 100 at the pull; regeneration 1.25 × the hunter's 5 / s (SimC) = 6.25 / s, 18.75
    // per 3 s cooldown. 0 s: 100 > 50, Wild Hunt: −50 → 50. 3 s: 68.75, Wild Hunt → 18.75.
    // 6 s: 37.5 → 12.5. 9 s: 31.25 → 6.25. 12 s: 25 → 0. 15 s: 18.75 < 25, so it waits
    // (25 − 18.75) / 6.25 = 1 s: 16 s → 0. 19 s: 18.75, waits past the end (19.5 s).
    const got = claws(config([], 19.5));
    expect(got.map((h) => h.t)).toEqual([0, 3000, 6000, 9000, 12_000, 16_000]);
    const mult = [2, 2, 1, 1, 1, 1]; // 62762 #1: +100 % damage with Wild Hunt
    got.forEach((h, i) => expect(near(h.amount, BASIC * mult[i]!), `attack ${i}`).toBe(true));
  });

  it('with Pack Tactics (+125 % regeneration) the pet stays above 50 focus: every attack is doubled', () => {
    // 14.0625 focus / s, 42.1875 per 3 s: 100, 92.19, 84.38, 76.56, 68.75, 60.94, 53.13 before
    // the attacks at 0..18 s, all above 50; at 21 s 45.31 (a plain attack, after the 20 s end).
    const got = claws(config(['pack_tactics'], 20));
    expect(got.map((h) => h.t)).toEqual([0, 3000, 6000, 9000, 12_000, 15_000, 18_000]);
    for (const h of got) expect(near(h.amount, 2 * BASIC)).toBe(true);
  });

  it("regenerates with the hunter's haste; a haste change between attacks is booked when it happens", () => {
    // Bloodlust from 0 to 40 s (2825: +30 % haste): 8.125 focus / s, 24.375 per 3 s. 0 s: 100 →
    // 50; 3 s: 74.375 → 24.375; then 48.75, 48.125, … (−0.625 each 3 s) down to 41.875 at 39 s,
    // all plain attacks, 16.875 left. 42 s: + 1 s at 8.125 + 2 s at 6.25 = 37.5 → 12.5. 45 s:
    // 31.25 → 6.25. 48 s: 25 again (±1 ms of rounding). Booking the last interval at the new rate
    // instead would leave 23.125 at 48 s and move the attack to 48.3 s.
    const c = config([], 48.5);
    c.fight.bloodlust = true;
    const got = claws(c);
    const times = got.map((h) => h.t);
    expect(times.slice(0, -1)).toEqual(Array.from({ length: 16 }, (_, k) => 3000 * k));
    expect(times.at(-1)).toBeGreaterThanOrEqual(48_000);
    expect(times.at(-1)).toBeLessThanOrEqual(48_001);
    const mult = got.map((_, k) => (k < 2 ? 2 : 1));
    got.forEach((h, i) => expect(near(h.amount, BASIC * mult[i]!), `attack ${i}`).toBe(true));
  });

  it("with latency on, each attack waits SimC's reaction delay gauss(150 ms, 100 ms) after the cooldown", () => {
    // With Pack Tactics focus never holds the pet back: attack k comes at 3000 k + the sum of k
    // delays (mean 150 k, σ 100 √k). A fight of 19 × 3150 = 59 850 ms ends at the mean time of
    // attack 19: it lands half the time (attack 18 is 7σ before the end, attack 20 after it).
    const c = config(['pack_tactics'], 59.85);
    c.timing = { ...c.timing!, queueLagMs: 5 };
    const sim = createSim(parseConfig(c));
    const n = 2000;
    for (let k = 0; k < n; k++) sim.runIteration(11, k);
    const count = sim.srcHits[Sim.indexOf(BM_DATA.sources, 'claw')]!;
    const expected = n * 19.5;
    const sigma = Math.sqrt(n * 0.25);
    expect(Math.abs(count - expected)).toBeLessThan(4 * sigma);
  });

  it('the Animal Companion has no basic attack (SimC disables its focus regeneration)', () => {
    const got = claws(config(['animal_companion'], 19.5));
    expect(got.length).toBe(6);
  });
});
