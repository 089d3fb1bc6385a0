/**
 * The `adds` fight style's waves (config/fight-styles.ts) on a Sim: a wave's adds are targets
 * baseTargets..baseTargets+count-1, so the living targets are always indices 0..targets-1.
 */
import { EV_ADDS, MAX_PETS, MAX_TARGETS, PRIO_DEFAULT } from './events.ts';
import type { Sim } from './sim.ts';

/** A wave appears (its health falls linearly over its life) and its end is scheduled. */
export function spawnWave(sim: Sim): void {
  const first = sim.baseTargets;
  const end = sim.now + sim.waveLifeMs;
  for (let t = first; t < first + sim.waveCount; t++) {
    clearTarget(sim, t);
    sim.health.setLife(t, sim.now, end);
  }
  sim.targets = first + sim.waveCount;
  sim.q.push(end, PRIO_DEFAULT - 2, EV_ADDS, 0, 0);
}

/** The wave dies: its debuffs and dots end, pets on it turn to the main target. */
export function killWave(sim: Sim): void {
  for (let t = sim.baseTargets; t < sim.targets; t++) clearTarget(sim, t);
  sim.targets = sim.baseTargets;
  for (let p = 0; p < MAX_PETS; p++) if (sim.petTarget[p]! >= sim.targets) sim.petTarget[p] = 0;
}

function clearTarget(sim: Sim, t: number): void {
  for (let d = 0; d < sim.data.debuffs.length; d++) sim.debuffs.remove(d * MAX_TARGETS + t, sim.now);
  for (let d = 0; d < sim.data.dots.length; d++) sim.dots.remove(d * MAX_TARGETS + t, sim.now);
}
