/**
 * Fight styles: `patchwerk` (one target), `cleave` (N targets the whole fight) and `adds` (a main
 * target plus waves of adds that spawn and die). Defaults and limits declared once here.
 */
import type { AddWaves } from '../types.ts';

export const FIGHT_STYLES = ['patchwerk', 'cleave', 'adds'] as const;

export const ADD_LIMITS = {
  /** Adds per wave: the main target plus a wave stays within the engine's 20 targets. */
  maxCount: 19,
  minIntervalSeconds: 1,
  minLifetimeSeconds: 1,
} as const;

/**
 * SimulationCraft's HecticAddCleave add waves for a fight of `seconds` (sim_t::setup, fight_style
 * HecticAddCleave: `adds,count=5,first=F,cooldown=C,duration=F,last=L` with F = max(1, ⌊T·0.05⌋),
 * C = max(1, ⌊T·0.075⌋), L = ⌊T·0.75⌋). Its movement events are not modelled.
 */
export function hecticAddCleaveWaves(seconds: number): AddWaves {
  const first = Math.max(1, Math.floor(seconds * 0.05));
  return {
    count: 5,
    firstSeconds: first,
    intervalSeconds: Math.max(1, Math.floor(seconds * 0.075)),
    lifetimeSeconds: first,
    lastSeconds: Math.floor(seconds * 0.75),
  };
}

/** Wave start times in ms (first, first + interval, … up to last). */
export function waveStartsMs(w: AddWaves): number[] {
  const out: number[] = [];
  for (let t = w.firstSeconds; t <= w.lastSeconds; t += w.intervalSeconds) out.push(Math.round(t * 1000));
  return out;
}
