import { action, aura } from './common.ts';

/**
 * Races a hunter can be, by SimulationCraft's `race=` names, and the racial abilities modelled.
 * Spell data: SimulationCraft's SpellDataDump/nonclass.txt, World of Warcraft 11.1.0.59679 (see
 * consumables.ts). Racial amounts scale with the player's level (Scaling Class -1); the dump prints
 * them at level 80 (budget 3 828.97, the value 265221 #6 shows with coefficient 1).
 */
export const RACES = [
  'none',
  'human',
  'dwarf',
  'night_elf',
  'gnome',
  'draenei',
  'worgen',
  'pandaren',
  'void_elf',
  'lightforged_draenei',
  'dark_iron_dwarf',
  'kul_tiran',
  'mechagnome',
  'orc',
  'undead',
  'tauren',
  'troll',
  'blood_elf',
  'goblin',
  'nightborne',
  'highmountain_tauren',
  'maghar_orc',
  'zandalari_troll',
  'vulpera',
  'earthen_dwarf',
  'dracthyr',
] as const;

export type Race = (typeof RACES)[number];

export function isRace(v: unknown): v is Race {
  return typeof v === 'string' && (RACES as readonly string[]).includes(v);
}

/** Races whose racial damage effects are all modelled; the others' are listed back as not modelled. */
export const MODELLED_RACES: ReadonlySet<Race> = new Set([
  'none',
  'dark_iron_dwarf',
  'maghar_orc',
  'nightborne',
  'highmountain_tauren',
  'troll',
]);

/** 255665 Magical Affinity (Nightborne), effect #1: magic damage done +1 % (schools 0x7e). */
export const MAGICAL_AFFINITY_MAGIC = 0.01;
/** 255658 Mountaineer (Highmountain Tauren), effect #1: versatility +1 % (Modify Versatility%). */
export const MOUNTAINEER_VERS = 0.01;

/** Passive racial multipliers of a race. */
export function racialPassives(race: string): { magicDamage: number; versatility: number } {
  return {
    magicDamage: race === 'nightborne' ? MAGICAL_AFFINITY_MAGIC : 0,
    versatility: race === 'highmountain_tauren' ? MOUNTAINEER_VERS : 0,
  };
}

/**
 * 265226 Fireblood (Dark Iron Dwarf) #1: agility +2 462.361 per stack for 8 s (duration); the
 * cast 265221 grants ${265226s1*3} plus one more stack per effect removed (its description): with
 * nothing to dispel here, 3 × #1.
 */
export const FIREBLOOD_AGILITY_PER_STACK = 2462.361;
export const FIREBLOOD_STACKS = 3;
export const FIREBLOOD_MS = 8_000;
/** NOT READ in the dump (the header of 265221 was not in the read): the in-game 2-minute cooldown. */
export const FIREBLOOD_COOLDOWN_MS = 120_000;

/**
 * 274738 Ancestral Call (Mag'har Orc): 15 s (duration), cooldown 120 s; grants 274741 #1
 * (+6 570.512 rating, the same in 274739 crit, 274740 haste, 274742 versatility) to one of the
 * player's two highest secondary stats (its description), chosen at random here.
 */
export const ANCESTRAL_CALL_RATING = 6570.512;
export const ANCESTRAL_CALL_MS = 15_000;
export const ANCESTRAL_CALL_COOLDOWN_MS = 120_000;

/** 26297 Berserking (Troll): haste +10 % (#1 Modify All Haste%, multiplies) for 12 s; cooldown 180 s. */
export const BERSERKING_HASTE = 0.1;
export const BERSERKING_MS = 12_000;
export const BERSERKING_COOLDOWN_MS = 180_000;

/** The racial actions (off the global cooldown), appended to each spec's data (registry.ts). */
export const RACIAL_ACTIONS = [
  action({
    id: 265221,
    key: 'fireblood',
    name: 'Fireblood',
    description: 'Dark Iron Dwarf racial: agility increased for 8 sec.',
    school: 'physical',
    gcd: false,
    cooldownMs: FIREBLOOD_COOLDOWN_MS,
  }),
  action({
    id: 274738,
    key: 'ancestral_call',
    name: 'Ancestral Call',
    description: "Mag'har Orc racial: one of your two highest secondary stats increased for 15 sec.",
    school: 'physical',
    gcd: false,
    cooldownMs: ANCESTRAL_CALL_COOLDOWN_MS,
  }),
  action({
    id: 26297,
    key: 'berserking',
    name: 'Berserking',
    description: 'Troll racial: haste increased by 10% for 12 sec.',
    school: 'physical',
    gcd: false,
    cooldownMs: BERSERKING_COOLDOWN_MS,
  }),
];

/** Which race knows each racial action. */
export const RACIAL_ACTION_RACE: Readonly<Record<string, Race>> = {
  fireblood: 'dark_iron_dwarf',
  ancestral_call: 'maghar_orc',
  berserking: 'troll',
};

/** Their lines in the breakdown: no damage, their casts. */
export const RACIAL_SOURCES = RACIAL_ACTIONS.map((a) => ({ key: a.key, name: a.name, school: a.school }));

export const RACIAL_BUFFS = [
  aura({
    id: 265226,
    key: 'fireblood',
    name: 'Fireblood',
    description: 'Agility increased.',
    durationMs: FIREBLOOD_MS,
  }),
  aura({
    id: 274738,
    key: 'ancestral_call',
    name: 'Ancestral Call',
    description: 'One of your two highest secondary stats increased.',
    durationMs: ANCESTRAL_CALL_MS,
  }),
  aura({
    id: 26297,
    key: 'berserking',
    name: 'Berserking',
    description: 'Haste increased by 10%.',
    durationMs: BERSERKING_MS,
  }),
];
