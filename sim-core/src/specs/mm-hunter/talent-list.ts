/**
 * Marksmanship Hunter (spec 254): the talents the model has (spec tree, the Sentinel hero tree,
 * Dark Ranger's through its module) and the default loadout. Numbers: ./numbers.ts.
 */
import type { TalentInfo } from '../../types.ts';
import { DARK_RANGER_TALENTS } from '../hero/dark-ranger-data.ts';

export const MM_TALENTS: TalentInfo[] = [
  {
    key: 'precise_shots',
    name: 'Precise Shots',
    description:
      'Aimed Shot makes your next Arcane Shot or Multi-Shot deal 100% more damage, cost 40% less Focus and have a 50% shorter GCD. Auto Shot deals 100% more damage, 2 sec slower.',
    spellId: 260240,
  },
  {
    key: 'streamline',
    name: 'Streamline',
    description:
      'Rapid Fire deals 15% more damage and makes your next Aimed Shot cost 20% less Focus and cast 20% faster (2 stacks).',
    spellId: 260367,
  },
  {
    key: 'bulletstorm',
    name: 'Bulletstorm',
    description: 'Each Rapid Fire hit increases Aimed Shot damage by 2% for 15 sec, up to 15 stacks.',
    spellId: 389019,
  },
  {
    key: 'unerring_vision',
    name: 'Unerring Vision',
    description:
      'Trueshot increases critical strike chance by an additional 10% and critical strike damage by 20%.',
    spellId: 474738,
  },
  {
    key: 'unmatched_precision',
    name: 'Unmatched Precision',
    description: 'The damage bonus of Precise Shots is increased by 20% per rank (2 ranks).',
    spellId: 1232955,
  },
  {
    key: 'surging_shots',
    name: 'Surging Shots',
    description: 'Rapid Fire deals 35% more damage; Aimed Shot has a 15% chance to reset its cooldown.',
    spellId: 391559,
  },
  {
    key: 'penetrating_shots',
    name: 'Penetrating Shots',
    description: 'Gain critical strike damage equal to 40% of your critical strike chance.',
    spellId: 459783,
  },
  {
    key: 'in_the_rhythm',
    name: 'In the Rhythm',
    description:
      'When Rapid Fire finishes channeling, the time between your Auto Shots is reduced by 1.0 sec for 12 sec.',
    spellId: 407404,
  },
  {
    key: 'windrunner_quiver',
    name: 'Windrunner Quiver',
    description:
      'Precise Shots can now stack up to 2 times, but its damage bonus is reduced by 10%. Casting Aimed Shot has a 100% chance to grant an additional stack.',
    spellId: 473523,
  },
  {
    key: 'precision_detonation',
    name: 'Precision Detonation',
    description:
      'When Aimed Shot damages a target affected by your Explosive Shot, Explosive Shot instantly explodes, dealing 40% increased damage. Explosive Shot grants Streamline.',
    spellId: 471369,
  },
  {
    key: 'shrapnel_shot',
    name: 'Shrapnel Shot',
    description: 'Casting Explosive Shot has a 100% chance to grant Lock and Load.',
    spellId: 473520,
  },
  {
    key: 'moving_target',
    name: 'Moving Target',
    description:
      'Consuming Precise Shots increases the damage of your next Aimed Shot by 8% and grants Streamline.',
    spellId: 474296,
  },
  {
    key: 'magnetic_gunpowder',
    name: 'Magnetic Gunpowder',
    description:
      'Consuming Precise Shots reduces the cooldown of Explosive Shot by 2.0 sec; consuming Lock and Load by 8.0 sec.',
    spellId: 473522,
  },
  {
    key: 'focused_aim',
    name: 'Focused Aim',
    description: 'Consuming Precise Shots reduces the cooldown of Aimed Shot by 0.75 sec.',
    spellId: 378767,
  },
  {
    key: 'tensile_bowstring',
    name: 'Tensile Bowstring',
    description:
      "While Trueshot is active, consuming Precise Shots extends Trueshot's duration by 1.0 sec, up to 5.0 sec. Trueshot increases the effectiveness of Streamline by 50%.",
    spellId: 471366,
  },
  {
    key: 'headshot',
    name: 'Headshot',
    description:
      'Kill Shot can now benefit from Precise Shots at 25% effectiveness. Kill Shot consumes Precise Shots.',
    spellId: 471363,
  },
  {
    key: 'deathblow',
    name: 'Deathblow',
    description: 'Aimed Shot has a 10% chance to reset Kill Shot and make the next one usable at any health.',
    spellId: 343248,
  },
  {
    key: 'improved_deathblow',
    name: 'Improved Deathblow',
    description:
      'Aimed Shot has a 15% and Rapid Fire a 25% chance to grant Deathblow. Kill Shot critical strike damage increased by 25%.',
    spellId: 378769,
  },
  {
    key: 'bullseye',
    name: 'Bullseye',
    description:
      'When your abilities damage a target below 20% health, you gain 1% increased critical strike chance for 6 sec, stacking up to 30 times.',
    spellId: 204089,
  },
  {
    key: 'master_marksman',
    name: 'Master Marksman',
    description:
      'Your ranged ability critical strikes cause the target to bleed for an additional 15% of the damage dealt over 6 sec.',
    spellId: 260309,
  },
  {
    key: 'ammo_conservation',
    name: 'Ammo Conservation',
    description: 'Rapid Fire shoots 3 additional shots. Aimed Shot cooldown reduced by 1.0 sec.',
    spellId: 459794,
  },
  {
    key: 'sentinel',
    name: 'Sentinel (hero)',
    description:
      'Your attacks have a chance to apply Sentinel; above 3 stacks an implosion may consume a stack every 2 sec for Arcane damage.',
    spellId: 450369,
  },
  {
    key: 'lunar_storm',
    name: 'Lunar Storm (hero)',
    description:
      'Every 30 sec, Rapid Fire is reset and your next Rapid Fire also calls a Lunar Storm: Arcane damage to every enemy, then for 12 sec a random enemy with Sentinel is struck every 0.4 sec and takes 10% more damage from you for 8 sec.',
    spellId: 450385,
  },
  {
    key: 'sentinel_precision',
    name: 'Sentinel Precision (hero)',
    description: 'Aimed Shot and Rapid Fire deal 5% increased damage.',
    spellId: 450375,
  },
  {
    key: 'extrapolated_shots',
    name: 'Extrapolated Shots (hero)',
    description:
      'When you apply Sentinel to a target not affected by Sentinel, you apply 1 additional stack.',
    spellId: 450374,
  },
  {
    key: 'release_and_reload',
    name: 'Release and Reload (hero)',
    description: 'When you apply Sentinel on a target, you have a 15% chance to apply a second stack.',
    spellId: 450376,
  },
  {
    key: 'invigorating_pulse',
    name: 'Invigorating Pulse (hero)',
    description: 'Each time Sentinel deals damage to an enemy it has a 15% chance to generate 5 Focus.',
    spellId: 450379,
  },
  {
    key: 'sentinel_watch',
    name: 'Sentinel Watch (hero)',
    description:
      'Whenever a Sentinel deals damage, the cooldown of Trueshot is reduced by 1 sec, up to 15 sec per Trueshot.',
    spellId: 451546,
  },
  {
    key: 'eyes_closed',
    name: 'Eyes Closed (hero)',
    description: 'For 8 sec after activating Trueshot, all abilities are guaranteed to apply Sentinel.',
    spellId: 450381,
  },
  {
    key: 'symphonic_arsenal',
    name: 'Symphonic Arsenal (hero)',
    description:
      'Multi-Shot discharges arcane energy from all targets affected by your Sentinel, dealing Arcane damage to up to 6 targets within 8 yds of each.',
    spellId: 450383,
  },
  {
    key: 'overwatch',
    name: 'Overwatch (hero)',
    description:
      'All Sentinel debuffs implode when a target affected by more than 3 stacks of your Sentinel falls below 20% health. This effect can only occur once every 15 sec per target.',
    spellId: 450384,
  },
  {
    key: 'crescent_steel',
    name: 'Crescent Steel (hero)',
    description: 'Targets you damage below 20% health gain a stack of Sentinel every 3 sec.',
    spellId: 451530,
  },
  {
    key: 'small_game_hunter',
    name: 'Small Game Hunter',
    description: 'Multi-Shot deals 75% increased damage and Explosive Shot deals 15% increased damage.',
    spellId: 459802,
  },
  {
    key: 'light_ammo',
    name: 'Light Ammo',
    description: 'Trick Shots now causes Aimed Shot and Rapid Fire to ricochet to 2 additional targets.',
    spellId: 378913,
  },
  {
    key: 'volley',
    name: 'Volley',
    description:
      'Rain a volley of arrows down over 6 sec, dealing Physical damage to any enemy in the area every 0.5 sec, and gain the effects of Trick Shots for as long as Volley is active.',
    spellId: 260243,
  },
  {
    key: 'kill_zone',
    name: 'Kill Zone',
    description: 'Your spells and attacks deal 8% increased damage to any target in your Volley.',
    spellId: 459921,
  },
  {
    key: 'salvo',
    name: 'Salvo',
    description: 'Volley now also applies Explosive Shot to up to 2 targets hit.',
    spellId: 400456,
  },
  {
    key: 'bullet_hell',
    name: 'Bullet Hell',
    description:
      'Damage from Multi-Shot and Volley reduces the cooldown of Rapid Fire by 0.3 sec; damage from Aimed Shot reduces the cooldown of Volley by 0.3 sec (0.5 sec in its tooltip).',
    spellId: 473378,
  },
  {
    key: 'double_tap',
    name: 'Double Tap',
    description:
      'Casting Trueshot or Volley grants Double Tap: your next Aimed Shot fires again at 80% power, or your next Rapid Fire fires 80% additional shots during its channel.',
    spellId: 473370,
  },
  {
    key: 'careful_aim',
    name: 'Careful Aim',
    description:
      'No effect since 11.1: the talent left the tree and its spell no longer modifies Aimed Shot (accepted for older configs).',
    spellId: 260228, // 260228 Careful Aim: not among Aimed Shot 19434's affecting spells in 11.2, no tree node
  },
  {
    key: 'lock_and_load',
    name: 'Lock and Load',
    description:
      'Auto Shots have a 10% chance to restore an Aimed Shot charge and make your next Aimed Shot free and instant.',
    spellId: 194595,
  },
  {
    key: 'steady_focus',
    name: 'Steady Focus',
    description: 'Steady Shot grants 8% haste for 15 sec.',
    spellId: 193533,
  },
  {
    key: 'trick_shots',
    name: 'Trick Shots',
    description: 'Multi-Shot at 3+ targets makes your next Aimed Shot or Rapid Fire ricochet.',
    spellId: 257621,
  },
  {
    key: 'explosive_shot',
    name: 'Explosive Shot',
    description: 'Learn Explosive Shot (30 sec cooldown).',
    spellId: 212431,
  },
  {
    key: 'eyes_in_the_sky',
    name: 'Eyes in the Sky (baseline)',
    description:
      "Marksmanship's Spotting Eagle: a hit empowered by Precise Shots has a 30% chance to apply Spotter's Mark, and your next Aimed Shot deals 20% more to that target.",
    spellId: 1219616, // 1219616 Eyes in the Sky: a Marksmanship spec spell, not a tree node (kept after a pasted string)
  },
  {
    key: 'avian_specialization',
    name: 'Avian Specialization',
    description: "The damage bonus of Spotter's Mark is increased by 20%.",
    spellId: 466867,
  },
  {
    key: 'on_target',
    name: 'On Target',
    description:
      "Consuming Spotter's Mark grants 4% Haste for 10 sec, stacking up to 4 times; each stack has its own duration.",
    spellId: 471348,
  },
  {
    key: 'feathered_frenzy',
    name: 'Feathered Frenzy',
    description:
      "Trueshot applies Spotter's Mark to your target, and during Trueshot the chance to apply Spotter's Mark is doubled.",
    spellId: 470943,
  },
  {
    key: 'improved_streamline',
    name: 'Improved Streamline',
    description: "Streamline's cast time reduction is increased to 30% per stack.",
    spellId: 471427,
  },
  {
    key: 'incendiary_ammunition',
    name: 'Incendiary Ammunition',
    description:
      'Bulletstorm also increases Aimed Shot critical strike damage by 2% per stack, and stacks 5 more times.',
    spellId: 471428,
  },
  {
    key: 'razor_fragments',
    name: 'Razor Fragments',
    description:
      'After gaining Deathblow, your next Kill Shot or Black Arrow deals 75% more damage and shreds up to 5 targets for 35% of its damage over 6 sec.',
    spellId: 384790,
  },
  // Deathblow is Marksmanship's own talent here (above, with Improved Deathblow)
  ...DARK_RANGER_TALENTS.filter((t) => t.key !== 'deathblow'),
  // Spec-tree talents beyond SimC's default profile (numbers.ts; ./tree-passives.ts and their helpers)
  {
    key: 'calling_the_shots',
    name: 'Calling the Shots',
    description: "Trueshot's cooldown is reduced by 30 sec.",
    spellId: 260404,
  },
  {
    key: 'obsidian_arrowhead',
    name: 'Obsidian Arrowhead',
    description:
      'Auto Shot (and Bleak Arrows) deals 25% more damage and has 15% more critical strike chance.',
    spellId: 471350,
  },
  {
    key: 'eagles_accuracy',
    name: "Eagle's Accuracy",
    description:
      "Aimed Shot and Rapid Fire deal 5% more damage at rank 2 (11.2's rank table gives rank 1 nothing).",
    spellId: 473369,
  },
  {
    key: 'deadeye',
    name: 'Deadeye',
    description: 'Kill Shot (Black Arrow with Dark Ranger) has 2 charges and recharges 2 sec faster.',
    spellId: 321460,
  },
  {
    key: 'no_scope',
    name: 'No Scope',
    description: 'Rapid Fire grants Precise Shots.',
    spellId: 473385,
  },
  {
    key: 'target_acquisition',
    name: 'Target Acquisition',
    description:
      "Consuming Spotter's Mark reduces the cooldown of Aimed Shot by 2.0 sec (at most once per 1.5 sec).",
    spellId: 473379,
  },
  {
    key: 'aspect_of_the_hydra',
    name: 'Aspect of the Hydra',
    description:
      'Aimed Shot, Rapid Fire and Arcane Shot also hit 1 additional target for 60% of their damage.',
    spellId: 470945,
  },
  {
    key: 'ohnahran_winds',
    name: "Ohn'ahran Winds",
    description:
      "When your Eagle applies Spotter's Mark, it also marks 1 other nearby enemy: your next Aimed Shot deals 20% more damage to it.",
    spellId: 1215021,
  },
  {
    key: 'unbreakable_bond',
    name: 'Unbreakable Bond',
    description:
      'Regain access to Call Pet: your pet fights beside you from the pull (melee and Claw), and deals 15% increased damage while outdoors.',
    spellId: 1223323,
  },
];

/**
 * SimulationCraft's default MM profile: the modelled talents of profiles/TWW3/
 * TWW3_Hunter_Marksmanship.simc at ab018d1176 (talents=C4PAAAAAAAAAAAAAAAAAAAAAAYMbDMgJY2YLwsAAAAAAAAAAAAAAzYGz
 * MzMzYGZGjhZGYYWWmZwYmB22MzMjZxMDzMzMLLGzygZA, Dark Ranger), and the weapon enchant both specs' defaults
 * carry. Eyes in the Sky is the spec's baseline
 * passive (not a tree node). Not taken there: Steady Focus (no 11.2 node), In the Rhythm, Focused Aim, Trick Shots, Sentinel.
 */
export const MM_DEFAULT_TALENTS: string[] = [
  'precise_shots',
  'streamline',
  'lock_and_load',
  'surging_shots',
  'master_marksman',
  'ammo_conservation',
  'penetrating_shots',
  'unerring_vision',
  'bulletstorm',
  'bullseye',
  'unmatched_precision',
  'windrunner_quiver',
  'precision_detonation',
  'shrapnel_shot',
  'moving_target',
  'magnetic_gunpowder',
  'tensile_bowstring',
  'headshot',
  'deathblow',
  'improved_deathblow',
  'explosive_shot',
  'eyes_in_the_sky',
  'avian_specialization',
  'on_target',
  'feathered_frenzy',
  'improved_streamline',
  'incendiary_ammunition',
  'razor_fragments',
  'black_arrow',
  'bleak_arrows',
  'ebon_bowstring',
  'withering_fire',
  'the_bell_tolls',
  'banshees_mark',
  'bleak_powder',
  'soul_drinker',
  'umbral_reach',
];
