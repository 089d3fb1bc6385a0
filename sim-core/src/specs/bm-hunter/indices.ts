/** Indices of BM's actions, sources, auras and dots in BM_DATA, and the pet slots (./logic.ts). */
import { Sim } from '../../engine/sim.ts';
import { BM_DATA } from './data.ts';

/**
 * Pet slots: the main pet, ten Dire Beasts, Call of the Wild's two pets and its periodic summons,
 * the Animal Companion, Hati / Fenryr. Each kind has its own slots, as SimC spawns pets without a
 * limit: Dire Beasts last 8 s (10 s with Dire Frenzy) and are summoned round robin; in the default
 * BM profile, with or without Call of the Wild, 9 at most were out when one came (500 iterations,
 * none replaced). Call of the Wild's periodic pets last 6 s every 4 s (two at a time).
 */
export const PET_MAIN = 0;
export const PET_DIRE_FIRST = 1;
export const PET_DIRE_SLOTS = 10;
export const PET_COTW_A = 11;
export const PET_COTW_B = 12;
export const PET_COTW_TICK_FIRST = 13;
export const PET_COTW_TICK_SLOTS = 2;
export const PET_ANIMAL_COMPANION = 15;
export const PET_HUNTMASTER = 16;
export const SPEC_BARBED_FOCUS = 0;
export const SPEC_COTW_TICK = 1;
export const SPEC_BASIC_ATTACK = 2;
/** A Barbed Shot lands (./impact.ts); b: its in-flight slot. */
export const SPEC_BARBED_LAND = 3;
/** Laceration's bleed ticks: kinds 16 to 16 + MAX_TARGETS − 1, one per target (./spec-talents.ts). */
export const SPEC_LACERATION = 16;

const idx = (list: ReadonlyArray<{ key: string }>, key: string): number => Sim.indexOf(list, key);
export const A = {
  kc: idx(BM_DATA.actions, 'kill_command'),
  bs: idx(BM_DATA.actions, 'barbed_shot'),
  cobra: idx(BM_DATA.actions, 'cobra_shot'),
  killShot: idx(BM_DATA.actions, 'kill_shot'),
  multi: idx(BM_DATA.actions, 'multishot'),
  bw: idx(BM_DATA.actions, 'bestial_wrath'),
  bloodshed: idx(BM_DATA.actions, 'bloodshed'),
  cotw: idx(BM_DATA.actions, 'call_of_the_wild'),
  mark: idx(BM_DATA.actions, 'hunters_mark'),
  /** Dark Ranger's Black Arrow, the one action ../hero/dark-ranger.ts executes. */
  blackArrow: idx(BM_DATA.actions, 'black_arrow'),
  /** Explosive Shot (a class talent; ./explosive-shot.ts). */
  explosive: idx(BM_DATA.actions, 'explosive_shot'),
};
export const MARK = idx(BM_DATA.debuffs, 'hunters_mark');
/** The cooldowns Call of the Wild reduces (359844 #3). */
export const COTW_REDUCED = [A.kc, A.bs] as const;
export const S = {
  auto: idx(BM_DATA.sources, 'auto_shot'),
  pet: idx(BM_DATA.sources, 'pet_melee'),
  claw: idx(BM_DATA.sources, 'claw'),
  kc: idx(BM_DATA.sources, 'kill_command'),
  bs: idx(BM_DATA.sources, 'barbed_shot'),
  cobra: idx(BM_DATA.sources, 'cobra_shot'),
  killShot: idx(BM_DATA.sources, 'kill_shot'),
  multi: idx(BM_DATA.sources, 'multishot'),
  cleave: idx(BM_DATA.sources, 'beast_cleave'),
  companion: idx(BM_DATA.sources, 'animal_companion'),
  dire: idx(BM_DATA.sources, 'dire_beast'),
  bloodshed: idx(BM_DATA.sources, 'bloodshed'),
  cotw: idx(BM_DATA.sources, 'call_of_the_wild'),
  radiant: idx(BM_DATA.sources, 'radiant_power'),
  bw: idx(BM_DATA.sources, 'bestial_wrath'),
  stomp: idx(BM_DATA.sources, 'stomp'),
  stompCleave: idx(BM_DATA.sources, 'stomp_cleave'),
  snakeskin: idx(BM_DATA.sources, 'cobra_shot_snakeskin_quiver'),
  hati: idx(BM_DATA.sources, 'hati'),
  fenryr: idx(BM_DATA.sources, 'fenryr'),
  leap: idx(BM_DATA.sources, 'ravenous_leap'),
  laceration: idx(BM_DATA.sources, 'laceration'),
  wildKc: idx(BM_DATA.sources, 'wildspeaker_kill_command'),
  cotwStomp: idx(BM_DATA.sources, 'call_of_the_wild_stomp'),
  cotwStompCleave: idx(BM_DATA.sources, 'call_of_the_wild_stomp_cleave'),
  cotwCleave: idx(BM_DATA.sources, 'call_of_the_wild_beast_cleave'),
};
export const B = {
  bw: idx(BM_DATA.buffs, 'bestial_wrath'),
  thrill: idx(BM_DATA.buffs, 'thrill_of_the_hunt'),
  cotw: idx(BM_DATA.buffs, 'call_of_the_wild'),
  lust: idx(BM_DATA.buffs, 'bloodlust'),
  radiant: idx(BM_DATA.buffs, 'radiant_power'),
  rhythm: idx(BM_DATA.buffs, 'serpentine_rhythm'),
  blessing: idx(BM_DATA.buffs, 'serpentine_blessing'),
  huntmaster: idx(BM_DATA.buffs, 'huntmasters_call'),
  hati: idx(BM_DATA.buffs, 'summon_hati'),
  fenryr: idx(BM_DATA.buffs, 'summon_fenryr'),
};
export const P = {
  frenzy: idx(BM_DATA.petBuffs, 'frenzy'),
  cleave: idx(BM_DATA.petBuffs, 'beast_cleave'),
  bw: idx(BM_DATA.petBuffs, 'bestial_wrath'),
  thrill: idx(BM_DATA.petBuffs, 'thrill_of_the_hunt'),
};
export const D = {
  bs: idx(BM_DATA.dots, 'barbed_shot'),
  bloodshed: idx(BM_DATA.dots, 'bloodshed'),
  leap: idx(BM_DATA.dots, 'ravenous_leap'),
};
