/**
 * Marksmanship Hunter (spec 254): its spells, damage sources and auras. Numbers: ./numbers.ts;
 * talents and the default loadout: ./talent-list.ts. Sources and approximations:
 * sim-core/docs/specs.md.
 */
import {
  BLOODLUST,
  EXPLOSIVE_SHOT,
  EXPLOSIVE_SHOT_NUMBERS,
  HUNTERS_MARK,
  HUNTERS_MARK_DEBUFF,
  HUNTERS_MARK_SOURCE,
  RADIANT_POWER,
  action,
  aura,
} from '../common.ts';
import type { SpecData } from '../spec-types.ts';
import {
  BLIGHTED_QUIVER,
  DARK_RANGER_ACTIONS,
  DARK_RANGER_BUFFS,
  DARK_RANGER_DOTS,
  DARK_RANGER_SOURCES,
  DARK_RANGER_CHOICE_SOURCES,
} from '../hero/dark-ranger-data.ts';
import { MM_DEFAULT_TALENTS, MM_TALENTS } from './talent-list.ts';
import { MM } from './numbers.ts';

export { MM } from './numbers.ts';

/** 257044 Rapid Fire, effect #1 (7 shots). */
const RAPID_FIRE_SHOTS = 7;

export const MM_DATA: SpecData = {
  id: 'mm-hunter',
  name: 'Marksmanship',
  specId: 254,
  masteryCoefficient: 1.4, // 193468 Mastery: Sniper Training, effects #2/#4 (SP coeff 1.4 per point)
  baseFocusRegen: 5, // NOT SPELL DATA: hunter focus regeneration 5 per second (power type table, not a spell)
  maxFocus: 100, // NOT SPELL DATA: hunter base focus 100 (power type table, not a spell)
  actions: [
    action({
      id: 19434,
      key: 'aimed_shot',
      name: 'Aimed Shot',
      description: 'A powerful aimed shot that deals Physical damage and grants Precise Shots.',
      school: 'physical',
      cost: 35, // 19434 Aimed Shot: 35 Focus
      cooldownMs: 12_000, // 19434 Aimed Shot: 2 charges, 12 s
      charges: 2, // 19434 Aimed Shot: 2 charges
      hastedCooldown: true, // 137016 Marksmanship Hunter, effect #7 (hasted cooldown, category 1715)
      castMs: 3000, // 19434 Aimed Shot: cast time 3 s
    }),
    action({
      id: 185358,
      key: 'arcane_shot',
      name: 'Arcane Shot',
      description: 'A quick shot that causes Arcane damage.',
      school: 'arcane',
      cost: 40, // 185358 Arcane Shot: 40 Focus
    }),
    action({
      id: 56641,
      key: 'steady_shot',
      name: 'Steady Shot',
      description:
        'A steady shot that causes Physical damage, generates 20 Focus and reduces the cooldown of Aimed Shot by 2 sec.',
      school: 'physical',
      castMs: 1700, // 56641 Steady Shot: cast time 1.7 s
      castFocus: MM.steadyShotFocus, // its energize (SimC cast_regen counts it)
    }),
    action({
      id: 257044,
      key: 'rapid_fire',
      name: 'Rapid Fire',
      description:
        'Shoot a stream of 7 shots over 2 sec, each dealing Physical damage and generating 2 Focus.',
      school: 'physical',
      cooldownMs: 20_000, // 257044 Rapid Fire: cooldown 20 s (not in 137014's hasted-cooldown lists)
      // 257044 Rapid Fire, effect #2: a shot every 0.333 s, the first at once (SimC: duration (7 − 1) × 0.333 s)
      channelMs: 1998,
      channelTicks: RAPID_FIRE_SHOTS,
      // SimC rapid_fire_t's energize_cast_regen: its base shots × each shot's focus
      castFocus: MM.rapidFireFocusPerTick * RAPID_FIRE_SHOTS,
    }),
    action({
      id: 53351,
      key: 'kill_shot',
      name: 'Kill Shot',
      description:
        'You attempt to finish off a wounded target (below 20% health), dealing large Physical damage.',
      school: 'physical',
      cost: 10, // 53351 Kill Shot: 10 Focus
      cooldownMs: 10_000, // 53351 Kill Shot: 1 charge, 10 s
      executePct: 20, // 53351 Kill Shot, effect #2 (target below 20 % health)
    }),
    action({
      id: 257620,
      key: 'multishot',
      name: 'Multi-Shot',
      description: 'Fires several missiles, hitting all nearby enemies; with 3+ targets grants Trick Shots.',
      school: 'physical',
      cost: 30, // 257620 Multi-Shot: 30 Focus
    }),
    action({
      id: 288613,
      key: 'trueshot',
      name: 'Trueshot',
      description:
        'For 15 sec Aimed Shot and Rapid Fire recharge 150% faster, critical strike chance is increased by 10% and critical strike damage by 20%.',
      school: 'physical',
      cooldownMs: 120_000, // 288613 Trueshot: cooldown 120 s
      gcd: false, // 288613 Trueshot: no GCD in the spell data
    }),
    EXPLOSIVE_SHOT,

    HUNTERS_MARK,
    ...DARK_RANGER_ACTIONS, // hero tree: specs/hero/dark-ranger.ts
    action({
      id: 260243,
      key: 'volley',
      name: 'Volley',
      description:
        'Rain arrows on the target area for 6 sec, Physical damage to every enemy in it every 0.5 sec, and gain Trick Shots while it lasts.',
      school: 'physical',
      cooldownMs: 45_000, // 260243 Volley: cooldown 45 s (not in 137016's hasted-cooldown lists); no cost
      talent: 'volley',
    }),
  ],
  sources: [
    { key: 'auto_shot', name: 'Auto Shot', school: 'physical' },
    { key: 'aimed_shot', name: 'Aimed Shot', school: 'physical' },
    { key: 'arcane_shot', name: 'Arcane Shot', school: 'arcane' },
    { key: 'steady_shot', name: 'Steady Shot', school: 'physical' },
    { key: 'rapid_fire', name: 'Rapid Fire', school: 'physical' },
    { key: 'kill_shot', name: 'Kill Shot', school: 'physical' },
    { key: 'multishot', name: 'Multi-Shot', school: 'physical' },
    { key: 'explosive_shot', name: 'Explosive Shot', school: 'fire' },
    { key: 'trick_shots', name: 'Trick Shots', school: 'physical' },
    { key: 'radiant_power', name: 'Authority of Radiant Power', school: 'holy' },
    HUNTERS_MARK_SOURCE,
    { key: 'trueshot', name: 'Trueshot', school: 'physical' },
    ...DARK_RANGER_SOURCES,
    { key: 'sentinel', name: 'Sentinel', school: 'arcane' },
    { key: 'lunar_storm', name: 'Lunar Storm', school: 'arcane' },
    { key: 'master_marksman', name: 'Master Marksman', school: 'physical' },
    { key: 'razor_fragments', name: 'Razor Fragments', school: 'physical' },
    ...DARK_RANGER_CHOICE_SOURCES, // Shadow Hounds, Phantom Pain (specs/hero/dark-ranger-data.ts); last, so no index moves
    { key: 'volley', name: 'Volley', school: 'physical' },
    { key: 'aimed_shot_double_tap', name: 'Aimed Shot (Double Tap)', school: 'physical' },
    { key: 'symphonic_arsenal', name: 'Symphonic Arsenal', school: 'arcane' },
    // Unbreakable Bond's pet (./unbreakable-bond.ts), as Beast Mastery's main pet's; last, so no index moves
    { key: 'pet_melee', name: 'Pet: Melee', school: 'physical' },
    { key: 'claw', name: 'Pet: Claw (Basic Attack)', school: 'physical' },
  ],
  buffs: [
    aura({
      id: 288613,
      key: 'trueshot',
      name: 'Trueshot',
      description:
        'Aimed Shot and Rapid Fire recharge 150% faster, critical strike chance +10%, critical strike damage +20%.',
      durationMs: 15_000, // 288613 Trueshot: duration 15 s
    }),
    aura({
      id: 260242,
      key: 'precise_shots',
      name: 'Precise Shots',
      description: 'Your next Arcane Shot or Multi-Shot deals 100% more damage and costs 40% less Focus.',
      durationMs: 15_000, // 260242 Precise Shots: duration 15 s
      maxStacks: 1, // 260242 Precise Shots: 1 stack maximum
    }),
    aura({
      id: 257622,
      key: 'trick_shots',
      name: 'Trick Shots',
      description:
        'Your next Aimed Shot or Rapid Fire also hits up to 5 other targets for 60% of its damage.',
      durationMs: 20_000, // 257622 Trick Shots: duration 20 s
    }),
    aura({
      id: 194594,
      key: 'lock_and_load',
      name: 'Lock and Load',
      description:
        'Your next Aimed Shot costs no Focus and is instant (the proc also restores an Aimed Shot charge).',
      durationMs: 15_000, // 194594 Lock and Load: duration 15 s (effects #1/#2: -100 % cast time and cost)
    }),
    aura({
      id: 342076,
      key: 'streamline',
      name: 'Streamline',
      description: 'Your next Aimed Shot has its Focus cost and cast time reduced by 20% per stack.',
      durationMs: 15_000, // 342076 Streamline: duration 15 s
      maxStacks: 2, // 342076 Streamline: 2 stacks maximum
    }),
    aura({
      id: 389020,
      key: 'bulletstorm',
      name: 'Bulletstorm',
      description:
        'Aimed Shot damage increased by 2% per stack; new stacks do not refresh the duration, Rapid Fire removes it.',
      durationMs: 15_000, // 389020 Bulletstorm: duration 15 s
      maxStacks: 15, // 389020 Bulletstorm: 15 stacks maximum
    }),
    aura({
      id: 474293,
      key: 'moving_target',
      name: 'Moving Target',
      description: 'The damage of your next Aimed Shot is increased by 8%.',
      durationMs: 15_000, // 474293 Moving Target: duration 15 s
    }),
    aura({
      id: 378770,
      key: 'deathblow',
      name: 'Deathblow',
      description: 'Your next Kill Shot can be used on any target, regardless of their current health.',
      durationMs: 12_000, // 378770 Deathblow: duration 12 s
    }),
    aura({
      id: 204090,
      key: 'bullseye',
      name: 'Bullseye',
      description: 'Critical strike chance increased by 1% per stack.',
      durationMs: 6000, // 204090 Bullseye: duration 6 s
      maxStacks: 30, // 204090 Bullseye: 30 stacks maximum
    }),
    aura({
      id: 451805,
      key: 'lunar_storm_ready',
      name: 'Lunar Storm Ready',
      description: 'Your next Rapid Fire will summon a Lunar Storm.',
      durationMs: 3_600_000, // 451805 Lunar Storm (ready): infinite (an hour stands for it)
    }),
    aura({
      id: 451803,
      key: 'lunar_storm_cooldown',
      name: 'Lunar Storm Cooldown',
      description: 'You cannot summon a Lunar Storm.',
      durationMs: 30_000, // 451803 Lunar Storm: duration 30 s
    }),
    aura({
      id: 407405,
      key: 'in_the_rhythm',
      name: 'In the Rhythm',
      description: 'The time between your Auto Shots is reduced by 1.0 sec.',
      durationMs: 12_000, // 407405 In the Rhythm: duration 12 s
    }),
    aura({
      id: 193534,
      key: 'steady_focus',
      name: 'Steady Focus',
      description: 'Haste increased by 8%.',
      durationMs: 15_000, // 193534 Steady Focus: duration 15 s
    }),
    aura({
      id: 388998,
      key: 'razor_fragments',
      name: 'Razor Fragments',
      description:
        'Your next Kill Shot or Black Arrow deals 75% more damage and shreds up to 5 targets for 35% of its damage over 6 sec.',
      durationMs: 15_000, // 388998 Razor Fragments: duration 15 s
    }),
    aura({
      id: 1236644,
      key: 'boon_of_elune_2pc',
      name: 'Boon of Elune',
      description: 'Your next Aimed Shot deals Arcane damage and its damage is increased by 10%.',
      durationMs: 20_000, // 1236644 Boon of Elune: duration 20 s
      maxStacks: 2, // 1236644 Boon of Elune: 2 stacks maximum
    }),
    aura({
      id: 1249464,
      key: 'boon_of_elune_4pc',
      name: 'Boon of Elune',
      description: 'During Lunar Storm your Aimed Shots deal Arcane damage and 10% more damage.',
      durationMs: 20_000, // 1249464 Boon of Elune: duration 20 s (SimC removes it when Lunar Storm ends, 12 s)
    }),
    BLOODLUST,
    RADIANT_POWER,
    // Deathblow is Marksmanship's own talent and buff here (above); the tree's other buffs
    ...DARK_RANGER_BUFFS.filter((b) => b.key !== 'deathblow'),
    BLIGHTED_QUIVER, // The War Within season 3 Dark Ranger 4pc (specs/hero/dark-ranger-set.ts); last, so no index moves
    aura({
      id: 260243,
      key: 'volley',
      name: 'Volley',
      description: 'Raining arrows on the target area; Aimed Shot and Rapid Fire do not spend Trick Shots.',
      durationMs: 6000, // 260243 Volley: duration 6 s
    }),
    aura({
      id: 260402,
      key: 'double_tap',
      name: 'Double Tap',
      description:
        'Your next Aimed Shot fires a second time at 80% power, or your next Rapid Fire shoots 80% more shots during its channel.',
      durationMs: 15_000, // 260402 Double Tap: duration 15 s
    }),
    aura({
      id: 451180,
      key: 'eyes_closed',
      name: 'Eyes Closed',
      description: 'All abilities are guaranteed to apply Sentinel.',
      durationMs: 8000, // 451180 Eyes Closed: duration 8 s
    }),
  ],
  debuffs: [
    HUNTERS_MARK_DEBUFF,
    aura({
      id: 466872,
      key: 'spotters_mark',
      name: "Spotter's Mark",
      description: 'Your next Aimed Shot deals 20% more damage to this target.',
      durationMs: 12_000, // 466872 Spotter's Mark: duration 12 s
    }),
    aura({
      id: 450884,
      key: 'lunar_storm',
      name: 'Lunar Storm',
      description: 'Damage taken from the hunter increased by 10%.',
      durationMs: 8000, // 450884 Lunar Storm: duration 8 s
    }),
    aura({
      id: 450387,
      key: 'sentinel',
      name: 'Sentinel',
      description:
        'Sentinel stacks; above 3 an implosion may start, consuming a stack for Arcane damage every 2 sec.',
      durationMs: 1_200_000, // 450387 Sentinel: duration 1200 s
      maxStacks: 10, // 450387 Sentinel: 10 stacks maximum
    }),
    aura({
      id: 1215057,
      key: 'ohnahran_winds',
      name: "Spotter's Mark (Ohn'ahran Winds)",
      description:
        "Ohn'ahran Winds' mark on a nearby enemy: your next Aimed Shot deals 20% more damage to it.",
      durationMs: 12_000, // 1215057 Spotter's Mark: duration 12 s
    }),
    aura({
      id: 393480,
      key: 'kill_zone',
      name: 'Kill Zone',
      description: 'In your Volley: takes 8% more damage from you.',
      // 393480 Kill Zone: infinite (an hour stands for it); SimC removes it when the Volley ends
      durationMs: 3_600_000,
    }),
  ],
  dots: [
    {
      id: 212431,
      key: 'explosive_shot',
      name: 'Explosive Shot',
      description: 'Detonates after 3 sec.',
      durationMs: EXPLOSIVE_SHOT_NUMBERS.delayMs,
      maxStacks: 1,
      tickMs: 3000, // 212431 Explosive Shot, effect #1 (every 3 s)
      source: 'explosive_shot',
    },
    ...DARK_RANGER_DOTS,
  ],
  petBuffs: [],
  talents: MM_TALENTS,
  defaultTalents: MM_DEFAULT_TALENTS,
};
