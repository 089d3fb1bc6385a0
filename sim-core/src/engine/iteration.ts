/**
 * One iteration of a Sim: the health calibration of fixed-time fights, the reset of every state
 * at the start, and the event loop that runs until the fight ends.
 */
import type { Sim } from './sim.ts';
import { MARK_ABOVE_PCT } from './ratings.ts';
import { firstMsAtOrBelow, firstMsBelow, HEALTH_CALIBRATION_ITERATIONS } from './health.ts';
import { killWave, spawnWave } from './adds.ts';
import { decide, precast } from './decisions.ts';
import {
  EV_AUTO_SHOT,
  EV_BUFF_EXPIRE,
  EV_CAST_END,
  EV_CHANNEL_TICK,
  EV_DOT_TICK,
  EV_END,
  EV_LAND,
  EV_ADDS,
  EV_ITEM,
  EV_PET_EXPIRE,
  EV_PET_SWING,
  EV_READY,
  MAX_TARGETS,
  MIN_AUTO_SHOT_MS,
  PRIO_DEFAULT,
  PRIO_END,
} from './events.ts';
import { BudgetExceededError } from '../cost/limits.ts';
import { JOB_CHUNK_ITERATIONS } from './job-chunks.ts';

/**
 * Runs iteration `k` of a job with seed `seed`; returns its DPS. With health from damage, its
 * pools are those of k's calibration block (health.ts): calibrated on the block's own calibration
 * iterations when the block changes.
 */
export function runIteration(sim: Sim, seed: number, k: number): number {
  if (sim.timing.targetHealth === 'damage') {
    const first = Math.floor(k / JOB_CHUNK_ITERATIONS) * HEALTH_CALIBRATION_ITERATIONS;
    if (sim.calibratedSeed !== seed || sim.calibratedFirst !== first)
      calibrate(sim, seed, HEALTH_CALIBRATION_ITERATIONS, first);
  }
  return iterate(sim, seed, k, 0, false);
}

/**
 * SimulationCraft estimates the target's health so that it dies when a fixed-time fight ends:
 * its first iteration reads health from time, and after every iteration it recalculates the
 * health from the damage taken (`enemy_t::recalculate_health`), so the pools settle where the
 * damage they let through kills the target at the end. Here, on random streams 2 and 3 of
 * iterations `first`, `first` + 1, ... (seeded from the job seed and the block alone, so every
 * chunk that runs a block's iterations gets the same pools), at the fixed length: one iteration
 * with linear health gives the first damage rate, then `iterations` − 1 with health from that
 * pool, each measuring the damage rate through the pools it was given; their running mean is the
 * next iteration's pool and, at the end, the block's (rate × each iteration's length). Before, one
 * linear iteration set the pools: default MM's mean followed it, 601 k to 636 k by which iteration
 * calibrated (seed 1, 300 iterations, standard error 3.9 k), and the linear model's damage rate
 * let MM's target end with 4 % of its health on average. The chunk's counters are left as they
 * were; the calibration's events go to `sim.calibrationEvents` instead of `sim.events`.
 */
export function calibrate(
  sim: Sim,
  seed: number,
  iterations = HEALTH_CALIBRATION_ITERATIONS,
  first = 0,
): void {
  const saved = [sim.srcDamage, sim.srcCasts, sim.srcHits, sim.srcCrits].map((a) => a.slice());
  const events = sim.events;
  const rate = sim.health.rate;
  iterate(sim, seed, first, 2, true, true);
  for (let t = 0; t < MAX_TARGETS; t++) rate[t] = sim.health.taken[t]! / sim.endMs;
  const sum = new Float64Array(MAX_TARGETS);
  for (let n = 1; n < iterations; n++) {
    iterate(sim, seed, first + n, 2, true, false);
    for (let t = 0; t < MAX_TARGETS; t++) {
      sum[t] += sim.health.taken[t]! / sim.endMs;
      rate[t] = sum[t]! / n;
    }
  }
  [sim.srcDamage, sim.srcCasts, sim.srcHits, sim.srcCrits].forEach((a, i) => a.set(saved[i]!));
  sim.calibrationEvents += sim.events - events;
  sim.calibrationIterations += iterations;
  sim.events = events;
  sim.calibratedSeed = seed;
  sim.calibratedFirst = first;
}

/**
 * Iteration k of stream `stream`. `calibration`: at the fixed length; `linear`: health from time
 * (the calibration's first iteration; a calibration iteration with `linear` false reads the
 * pools of the rates measured so far).
 */
function iterate(
  sim: Sim,
  seed: number,
  k: number,
  stream: number,
  calibration: boolean,
  linear = calibration,
): number {
  sim.rng.seed(seed, k, stream);
  sim.timingRng.seed(seed, k, stream + 1);
  sim.q.clear();
  sim.now = 0;
  sim.iterDamage = 0;
  const v = sim.variation;
  const len = v > 0 && !calibration ? sim.durationMs * (1 - v + 2 * v * sim.rng.next()) : sim.durationMs;
  sim.endMs = Math.max(1000, Math.round(len));
  const adds = sim.waveStarts.length > 0;
  const pooled = sim.timing.targetHealth === 'damage' && !linear;
  const dynamic = sim.healthDynamic && (adds || !linear);
  sim.targets = sim.baseTargets;
  sim.health.start(sim.endMs, pooled ? sim.baseTargets : 0);
  sim.markUntil =
    sim.markDebuff >= 0 ? (dynamic ? sim.endMs + 1 : firstMsAtOrBelow(MARK_ABOVE_PCT, sim.endMs)) : -1;
  for (let a = 0; a < sim.executeFrom.length; a++) {
    const ex = sim.executePct[a]!;
    sim.executeFrom[a] = ex > 0 && !dynamic ? firstMsBelow(ex, sim.endMs) : 0;
  }
  sim.dynamicNow = dynamic;
  sim.cds.reset();
  sim.buffs.reset();
  sim.petBuffs.reset();
  sim.debuffs.reset();
  sim.dots.reset();
  sim.petActive.fill(0);
  sim.prevGcd.fill(-1);
  sim.gcdEnd = 0;
  sim.busyUntil = 0;
  sim.channelAction = -1;
  sim.castCost = 0;
  sim.lagUntil = 0;
  sim.readyAt = -1;
  sim.autoAt = -1;
  sim.extras.reset();
  sim.inFlight.reset();
  sim.setAgility(sim.baseAgility);
  sim.critChance = sim.baseCrit;
  sim.focusValue = sim.focusMax;
  sim.focusAt = 0;
  sim.haste = sim.baseHaste;
  if (sim.knownMask.length === 0) {
    sim.knownMask = Uint8Array.from(
      sim.actions.map((_, a) => ((sim.extras.known(a) ?? sim.logic.known(a)) ? 1 : 0)),
    );
    sim.knownActions = Int32Array.from(sim.actions.map((_, a) => a).filter((a) => sim.knownMask[a] === 1));
  }
  const logic = sim.logic;
  for (let a = 0; a < sim.costDynamic.length; a++)
    sim.costDynamic[a] = logic.dynamicCost && (logic.costVaries?.(a) ?? true) ? 1 : 0;
  sim.hasGcdFactor = sim.logic.gcdFactor !== undefined;
  sim.logic.start();
  if (sim.bloodlust) sim.applyBuff(sim.bloodlustBuff, 1, 0);
  if (sim.raidMark) sim.applyDebuff(sim.markDebuff, 0, 1, 0);
  sim.updateHaste();
  sim.q.push(sim.endMs, PRIO_END, EV_END, 0, 0);
  sim.autoAt = 0;
  sim.q.push(0, PRIO_DEFAULT, EV_AUTO_SHOT, 0, ++sim.autoGen);
  for (const t of sim.waveStarts) if (t < sim.endMs) sim.q.push(t, PRIO_DEFAULT - 1, EV_ADDS, 1, 0);
  sim.rotation.reset(sim.state);
  const pre = sim.rotation.precombatCast(sim.state);
  if (pre >= 0) precast(sim, pre, 0);
  sim.scheduleReady(0);
  loop(sim);
  return sim.iterDamage / (sim.endMs / 1000);
}

function loop(sim: Sim): void {
  const q = sim.q;
  const logic = sim.logic;
  const rotation = sim.rotation;
  const evalStart = rotation.evaluations;
  const budget = sim.workBudget;
  let events = 0;
  while (q.pop()) {
    events++;
    sim.now = q.time;
    const a = q.a;
    const b = q.b;
    switch (q.type) {
      case EV_END:
        sim.events += events;
        sim.iterEvaluations = rotation.evaluations - evalStart;
        return;
      case EV_READY:
        if (b === sim.readyGen) {
          sim.travelOn = 1;
          decide(sim);
          sim.travelOn = 0;
          if (events + rotation.evaluations - evalStart > budget)
            throw new BudgetExceededError(
              events + rotation.evaluations - evalStart,
              rotation.evaluations - evalStart,
            );
        }
        break;
      case EV_CAST_END:
        sim.travelOn = 1;
        sim.finishCast(a, b);
        sim.travelOn = 0;
        break;
      case EV_CHANNEL_TICK:
        sim.travelOn = 1;
        logic.channelTick(a, sim.channelTarget, b);
        sim.travelOn = 0;
        break;
      case EV_LAND:
        sim.land(a);
        break;
      case EV_ADDS:
        if (a === 1) spawnWave(sim);
        else killWave(sim);
        break;
      case EV_ITEM:
        sim.extras.itemEvent(a);
        break;
      case EV_AUTO_SHOT:
        if (b !== sim.autoGen) break; // rescheduled by a haste change (Sim.updateHaste)
        sim.travelOn = 1;
        logic.autoShot();
        sim.travelOn = 0;
        sim.autoAt =
          sim.now +
          Math.round(
            Math.max(MIN_AUTO_SHOT_MS, logic.autoShotIntervalMs?.() ?? sim.weaponSpeedMs) / sim.autoHaste,
          );
        q.push(sim.autoAt, PRIO_DEFAULT, EV_AUTO_SHOT, 0, b);
        break;
      case EV_PET_SWING:
        if (sim.petActive[a] === 1 && b === sim.petGen[a]) {
          logic.petSwing(a);
          q.push(sim.now + logic.petSwingMs(a), PRIO_DEFAULT, EV_PET_SWING, a, b);
        }
        break;
      case EV_DOT_TICK:
        if (b === sim.dots.gen[a]) sim.onDotTick(a);
        break;
      case EV_BUFF_EXPIRE:
        if (b === sim.buffs.gen[a]) sim.buffChanged(a);
        break;
      case EV_PET_EXPIRE:
        if (b === sim.petGen[a]) {
          sim.petActive[a] = 0;
          sim.petGen[a]!++;
        }
        break;
      default:
        logic.specEvent(a, b);
    }
  }
  sim.events += events;
}
