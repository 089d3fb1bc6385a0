/** Indices of the Marksmanship actions, damage sources, buffs and dots in ./data.ts (resolved once). */
import { Sim } from '../../engine/sim.ts';
import { MM_DATA } from './data.ts';

const idx = (list: ReadonlyArray<{ key: string }>, key: string): number => Sim.indexOf(list, key);
export const A = {
  aimed: idx(MM_DATA.actions, 'aimed_shot'),
  arcane: idx(MM_DATA.actions, 'arcane_shot'),
  steady: idx(MM_DATA.actions, 'steady_shot'),
  rapid: idx(MM_DATA.actions, 'rapid_fire'),
  killShot: idx(MM_DATA.actions, 'kill_shot'),
  multi: idx(MM_DATA.actions, 'multishot'),
  trueshot: idx(MM_DATA.actions, 'trueshot'),
  explosive: idx(MM_DATA.actions, 'explosive_shot'),
  mark: idx(MM_DATA.actions, 'hunters_mark'),
  blackArrow: idx(MM_DATA.actions, 'black_arrow'),
  volley: idx(MM_DATA.actions, 'volley'),
};
export const MARK = idx(MM_DATA.debuffs, 'hunters_mark');
export const S = {
  auto: idx(MM_DATA.sources, 'auto_shot'),
  aimed: idx(MM_DATA.sources, 'aimed_shot'),
  arcane: idx(MM_DATA.sources, 'arcane_shot'),
  steady: idx(MM_DATA.sources, 'steady_shot'),
  rapid: idx(MM_DATA.sources, 'rapid_fire'),
  killShot: idx(MM_DATA.sources, 'kill_shot'),
  multi: idx(MM_DATA.sources, 'multishot'),
  explosive: idx(MM_DATA.sources, 'explosive_shot'),
  trick: idx(MM_DATA.sources, 'trick_shots'),
  radiant: idx(MM_DATA.sources, 'radiant_power'),
  bleed: idx(MM_DATA.sources, 'master_marksman'),
  razor: idx(MM_DATA.sources, 'razor_fragments'),
  doubleTap: idx(MM_DATA.sources, 'aimed_shot_double_tap'),
};
export const B = {
  trueshot: idx(MM_DATA.buffs, 'trueshot'),
  precise: idx(MM_DATA.buffs, 'precise_shots'),
  trick: idx(MM_DATA.buffs, 'trick_shots'),
  lnl: idx(MM_DATA.buffs, 'lock_and_load'),
  steadyFocus: idx(MM_DATA.buffs, 'steady_focus'),
  streamline: idx(MM_DATA.buffs, 'streamline'),
  bulletstorm: idx(MM_DATA.buffs, 'bulletstorm'),
  rhythm: idx(MM_DATA.buffs, 'in_the_rhythm'),
  bullseye: idx(MM_DATA.buffs, 'bullseye'),
  deathblow: idx(MM_DATA.buffs, 'deathblow'),
  movingTarget: idx(MM_DATA.buffs, 'moving_target'),
  lust: idx(MM_DATA.buffs, 'bloodlust'),
  radiant: idx(MM_DATA.buffs, 'radiant_power'),
  razor: idx(MM_DATA.buffs, 'razor_fragments'),
};
export const D = { explosive: idx(MM_DATA.dots, 'explosive_shot') };
