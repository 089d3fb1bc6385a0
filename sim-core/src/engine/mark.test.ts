/**
 * Hunter's Mark in Sim.hit with dynamic health: each target stops taking the mark's damage once its
 * own health is below the threshold (a latch per target), and the mark ends for the whole
 * iteration only when every target is below it (no adds): a target still above keeps it.
 */
import { describe, expect, it } from 'vitest';
import { bmSim, run } from '../specs/bm-hunter/test-support.ts';
import { CANNOT_CRIT, MAX_TARGETS } from './sim.ts';
import { MARK_ABOVE_PCT, MARK_DAMAGE, PHYSICAL_MULTIPLIER } from './ratings.ts';

const AMOUNT = 100_000;

/** A 3-target BM sim after one iteration, health pools of 100, the mark on every target. */
function marked(healthPct: readonly number[]) {
  const sim = bmSim({ talents: [], rotation: 'actions=cobra_shot', seconds: 20, targets: 3 });
  run(sim, 1);
  sim.now = 1000;
  sim.dynamicNow = true;
  sim.markUntil = sim.endMs + 1;
  sim.health.markOff.fill(0);
  healthPct.forEach((pct, t) => {
    sim.health.pool[t] = 100;
    sim.health.taken[t] = 100 - pct;
    sim.debuffs.expires[sim.markDebuff * MAX_TARGETS + t] = sim.endMs;
  });
  return sim;
}

const plain = Math.round(AMOUNT * PHYSICAL_MULTIPLIER);
const withMark = Math.round(AMOUNT * (1 + MARK_DAMAGE) * PHYSICAL_MULTIPLIER);

describe("Hunter's Mark latch", () => {
  it('a target below the threshold no longer takes it; one above still does', () => {
    const sim = marked([MARK_ABOVE_PCT - 10, MARK_ABOVE_PCT + 10, MARK_ABOVE_PCT + 10]);
    sim.hit(0, 0, AMOUNT, true, CANNOT_CRIT);
    expect(sim.lastHitDamage).toBe(plain);
    sim.hit(0, 1, AMOUNT, true, CANNOT_CRIT);
    expect(sim.lastHitDamage).toBe(withMark);
    expect(sim.markUntil).toBe(sim.endMs + 1);
  });

  it('ends for the iteration once every target is below it', () => {
    const sim = marked([MARK_ABOVE_PCT - 10, MARK_ABOVE_PCT - 10, MARK_ABOVE_PCT + 10]);
    sim.hit(0, 0, AMOUNT, true, CANNOT_CRIT);
    sim.hit(0, 1, AMOUNT, true, CANNOT_CRIT);
    sim.hit(0, 2, AMOUNT, true, CANNOT_CRIT);
    expect(sim.lastHitDamage).toBe(withMark);
    expect(sim.markUntil).toBe(sim.endMs + 1);
    sim.health.taken[2] = 100 - (MARK_ABOVE_PCT - 10);
    sim.hit(0, 2, AMOUNT, true, CANNOT_CRIT);
    expect(sim.lastHitDamage).toBe(plain);
    expect(sim.markUntil).toBe(sim.now);
  });

  it('with adds it never ends for the iteration: a new wave is marked again', () => {
    const sim = marked([MARK_ABOVE_PCT - 10, MARK_ABOVE_PCT - 10, MARK_ABOVE_PCT - 10]);
    (sim as unknown as { waveStarts: readonly number[] }).waveStarts = [15_000];
    for (let t = 0; t < 3; t++) sim.hit(0, t, AMOUNT, true, CANNOT_CRIT);
    expect(sim.lastHitDamage).toBe(plain);
    expect(sim.markUntil).toBe(sim.endMs + 1);
    // the wave's add at slot 2 respawns at full health (adds.ts: setLife clears its latch)
    sim.health.setLife(2, sim.now, sim.endMs);
    sim.health.pool[2] = 100;
    sim.hit(0, 2, AMOUNT, true, CANNOT_CRIT);
    expect(sim.lastHitDamage).toBe(withMark);
  });
});
