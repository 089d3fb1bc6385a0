/**
 * Marksmanship Hunter (spec 254): every game number of the spec lives here.
 * Sources and approximations: sim-core/docs/specs.md.
 */
import {
  action,
  aura,
  BLOODLUST,
  HUNTERS_MARK,
  HUNTERS_MARK_DEBUFF,
  HUNTERS_MARK_SOURCE,
  RADIANT_POWER,
  RADIANT_POWER_TALENT,
} from '../common.ts';
import type { SpecData } from '../spec-types.ts';
import {
  DARK_RANGER_ACTIONS,
  DARK_RANGER_BUFFS,
  DARK_RANGER_DOTS,
  DARK_RANGER_SOURCES,
  DARK_RANGER_TALENTS,
} from '../hero/dark-ranger-data.ts';

/**
 * Numbers of the MM model. Each comes from the spell data of World of Warcraft 11.2.0.63003
 * (SimulationCraft SpellDataDump/hunter.txt, simc commit ab018d1176), cited as `spell id #effect`,
 * unless marked NOT SPELL DATA with the reason. Table and approximations: sim-core/docs/specs.md.
 */
export const MM = {
  aimedShotAp: 5.03, // 19434 Aimed Shot, effect #1 (AP coeff)
  arcaneShotAp: 0.8624, // 185358 Arcane Shot, effect #1 (AP coeff)
  preciseShotsBonus: 1, // 260242 Precise Shots, effect #1 (+100 % damage)
  preciseShotsCost: -0.4, // 260242 Precise Shots, effect #3 (-40 % focus cost)
  preciseShotsGcd: -0.5, // 260242 Precise Shots, effect #6 (-50 % GCD of Arcane Shot / Multi-Shot; 1257703 #1)
  preciseShotsAutoShot: 1, // 260240 Precise Shots (talent), effect #2 (+100 % Auto Shot damage)
  preciseShotsAutoShotMs: 2000, // 260240 Precise Shots (talent), effect #1 (+2 s between Auto Shots)
  streamlineRapidFire: 0.15, // 260367 Streamline, effect #1 (+15 % Rapid Fire damage, 257045)
  streamlineAimed: -0.2, // 342076 Streamline (buff), effects #1/#2 (-20 % Aimed Shot cast time and cost per stack)
  bulletstormAimed: 0.02, // 389020 Bulletstorm (buff), effect #1 (+2 % Aimed Shot damage per stack)
  unerringVisionCrit: 0.1, // 474738 Unerring Vision, effect #1 (+10 to Trueshot 288613 #4: crit chance)
  unerringVisionCritDamage: 0.2, // 474738 Unerring Vision, effect #2 (+20 to Trueshot 288613 #5: crit damage)
  /** Both ranks (a loadout's talent is applied at full rank): +20 per rank to 260242 #1/#2. */
  unmatchedPrecision: 0.4, // 1232955 Unmatched Precision, effects #1/#2 (+20 % Precise Shots bonus per rank, 2 ranks)
  surgingShotsRapidFire: 0.35, // 391559 Surging Shots, effect #1 (+35 % Rapid Fire 257045 damage)
  surgingShotsChance: 0.15, // 391559 Surging Shots: proc chance 15 % (Aimed Shot resets Rapid Fire)
  penetratingShots: 0.4, // 459783 Penetrating Shots, effect #2 (crit damage + 40 % of crit chance)
  inTheRhythmMs: -1000, // 407405 In the Rhythm (buff), effect #1 (-1 s between Auto Shots)
  headshotKillShot: 0.25, // 471363 Headshot, effect #1 (+25 to Precise Shots 260242 #4: Kill Shot damage)
  unmatchedPrecisionKillShot: 0.4, // 1232955 Unmatched Precision, effect #3 (+20 per rank to 260242 #4, 2 ranks)
  movingTargetAimed: 0.08, // 474293 Moving Target (buff), effect #1 (+8 % next Aimed Shot)
  magneticGunpowderPreciseMs: 2000, // 473522 Magnetic Gunpowder, effect #1 (Explosive Shot -2 s per Precise Shots consumed)
  magneticGunpowderLnlMs: 8000, // 473522 Magnetic Gunpowder, effect #2 (Explosive Shot -8 s per Lock and Load consumed)
  focusedAimMs: 750, // 378767 Focused Aim, effect #1 (Aimed Shot -0.75 s per Precise Shots consumed)
  tensileBowstringMs: 1000, // 471366 Tensile Bowstring, effect #1 (Trueshot +1 s per Precise Shots consumed)
  tensileBowstringMaxMs: 5000, // 471366 Tensile Bowstring, effect #3 (up to 5 s per Trueshot)
  tensileBowstringStreamline: 0.5, // 471366 Tensile Bowstring, effect #2 (Streamline +50 % during Trueshot)
  windrunnerQuiverStacks: 1, // 473523 Windrunner Quiver, effect #1 (+1 Precise Shots maximum stack)
  windrunnerQuiverBonus: -0.1, // 473523 Windrunner Quiver, effects #3/#4/#5 (-10 % to Precise Shots' bonuses)
  windrunnerQuiverChance: 1, // 473523 Windrunner Quiver, effect #6 (100 %: Aimed Shot grants an extra stack)
  precisionDetonation: 0.4, // 474199 Precision Detonation (buff), effect #1 (+40 % Explosive Shot 212680)
  shrapnelShotChance: 1, // 473520 Shrapnel Shot, effect #1 (100 %: Explosive Shot grants Lock and Load)
  deathblowAimed: 0.1, // 343248 Deathblow, effect #1 (Aimed Shot: 10 % chance, Marksmanship)
  improvedDeathblowAimed: 0.15, // 378769 Improved Deathblow, effect #2 (Aimed Shot: 15 % instead)
  improvedDeathblowRapidFire: 0.25, // 378769 Improved Deathblow, effect #1 (Rapid Fire: 25 % chance)
  improvedDeathblowKillShotCrit: 0.25, // 378769 Improved Deathblow, effect #3 (+25 % Kill Shot crit damage bonus)
  bullseyeBelowPct: 20, // 204089 Bullseye, effect #1 (target below 20 % health)
  bullseyeCrit: 0.01, // 204090 Bullseye (buff), effect #1 (+1 % crit chance per stack, the hunter's shots)
  bullseyeIcdMs: 100, // 204089 Bullseye: internal cooldown 0.1 s
  masterMarksman: 0.15, // 260309 Master Marksman, effect #1 (15 % of a ranged ability crit as a bleed)
  masterMarksmanMs: 6000, // 269576 Master Marksman (bleed): duration 6 s
  masterMarksmanTickMs: 2000, // 269576 Master Marksman (bleed), effect #1 (every 2 s)
  ammoConservationShots: 3, // 459794 Ammo Conservation, effects #2/#4 (+3 Rapid Fire shots; #1 -34 % tick time keeps ~2 s)
  ammoConservationAimedMs: -1000, // 459794 Ammo Conservation, effect #5 (Aimed Shot recharge -1 s, category 1715)
  /** Sentinel (hero, 450369): stacks on hits, implodes for 450412 damage per stack. */
  sentinelAp: 0.783, // 450412 Sentinel (damage), effect #1 (AP coeff, arcane)
  sentinelImplodeAbove: 3, // 450369 Sentinel, effect #1 (implosion possible above 3 stacks)
  sentinelChance: 0.22, // NOT SPELL DATA: SimC trigger_sentinel's chance per hit (450369's proc chance is 101 %)
  sentinelImplodeChance: 0.32, // NOT SPELL DATA: SimC trigger_sentinel's implosion chance per new stack
  sentinelImplodeMs: 2000, // NOT SPELL DATA: SimC's implosion period (the tooltip says every sec; SimC models 2 s)
  /** Lunar Storm (hero, 450385): every 30 s, Rapid Fire also calls a storm. */
  lunarStormCooldownMs: 30_000, // 451803 Lunar Storm (cooldown aura): duration 30 s
  lunarStormInitialAp: 1, // 1217459 Lunar Storm (initial), effect #1 (AP coeff, arcane, every enemy in 12 yd)
  lunarStormAp: 0.9375, // 450883 Lunar Storm (strike), effect #1 (AP coeff, arcane, a random Sentinel target)
  lunarStormPeriodMs: 400, // 450978 Lunar Storm (area), effect #2 (every 0.4 s)
  lunarStormMs: 12_000, // 450978 Lunar Storm (area): duration 12 s
  lunarStormTaken: 0.1, // 450884 Lunar Storm (debuff), effect #1 (+10 % damage taken from the hunter)
  sentinelPrecision: 0.05, // 450375 Sentinel Precision, effect #1 (+5 % Aimed Shot and Rapid Fire 257045)
  steadyShotAp: 0.8, // 56641 Steady Shot, effect #1 (AP coeff)
  steadyShotFocus: 20, // 77443 Steady Shot (energize), effect #1 (20 focus)
  steadyShotAimedReductionMs: 2000, // 56641 Steady Shot, effect #2 (2000 ms off Aimed Shot, Marksmanship only)
  rapidFireTickAp: 0.605, // 257045 Rapid Fire (shot), effect #1 (AP coeff)
  rapidFireFocusPerTick: 2, // 263585 Rapid Fire (energize), effect #1 (2 focus per shot)
  killShotAp: 3.2, // 53351 Kill Shot, effect #1 (AP coeff)
  multiShotAp: 0.5076, // 257620 Multi-Shot, effect #2 (AP coeff)
  explosiveShotAp: 2.91, // 212680 Explosive Shot (explosion), effect #1 (AP coeff, all enemies within 8 yd)
  /** Explosive Shot hits every enemy in range for full damage before the soft cap (212680 #1). */
  explosiveShotSplash: 1,
  /** Area soft caps (damage × sqrt(N / targets hit) beyond N; engine/ratings.ts aoeScale). */
  explosiveShotAoeCap: 5, // 212431 Explosive Shot, effect #2 (reduced damage beyond 5 targets)
  multiShotAoeCap: 5, // 257620 Multi-Shot: "reduced damage beyond $2643s1 targets" = 2643 Multi-Shot, effect #1 (5)
  trickShotsShare: 0.6, // 257621 Trick Shots, effect #4 (60 % of normal damage)
  trickShotsTargets: 5, // 257621 Trick Shots, effect #1 (up to 5 additional targets)
  trickShotsMinTargets: 3, // 257621 Trick Shots, effect #2 (Multi-Shot hits 3 or more targets)
  trueshotAimedRate: 2.5, // 288613 Trueshot, effect #3 (Aimed Shot charges recharge 150 % faster: rate 1 + 1.5)
  trueshotRapidRate: 2.5, // 288613 Trueshot, effect #1 (Rapid Fire recharges 150 % faster: rate 1 + 1.5)
  trueshotCrit: 0.1, // 288613 Trueshot, effect #4 (+10 % critical strike chance, the player's: every hit)
  trueshotCritDamage: 0.2, // 288613 Trueshot, effect #5 (+20 % critical strike damage bonus, the hunter's shots)
  lockAndLoadChance: 0.1, // 194595 Lock and Load, effect #1 (10 % per Auto Shot)
  steadyFocusHaste: 0.08, // 193533 Steady Focus, effect #1 (+8 % haste on 193534)
  /** Spec aura: spell direct and periodic damage of the hunter's abilities (137016 effects #1/#2). */
  specAuraSpells: -0.04, // 137016 Marksmanship Hunter, effects #1/#2 (-4 %)
  specAuraKillShot: 0.07, // 137016 Marksmanship Hunter, effect #9 (+7 % Kill Shot)
  specAuraExplosiveShot: 0.15, // 137016 Marksmanship Hunter, effect #10 (+15 % Explosive Shot 212680)
  specAuraArcaneShot: 0.25, // 137016 Marksmanship Hunter, effect #11 (+25 % Arcane Shot)
  // Lone Wolf (155228, +5 % without a pet) is not applied: it has no talent node in 11.2 (the 11.1
  // tree removed it; SimC's c83f32fd8b dropped talents.lone_wolf and sc_hunter.cpp at ab018d1176
  // reads 155228 nowhere), so neither the game nor SimC gives MM its 5 %.
} as const;

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
    }),
    action({
      id: 257044,
      key: 'rapid_fire',
      name: 'Rapid Fire',
      description:
        'Shoot a stream of 7 shots over 2 sec, each dealing Physical damage and generating 2 Focus.',
      school: 'physical',
      cooldownMs: 20_000, // 257044 Rapid Fire: cooldown 20 s (not in 137014's hasted-cooldown lists)
      channelMs: 2000, // 257044 Rapid Fire: duration 2 s
      channelTicks: 7, // 257044 Rapid Fire, effect #1 (7 shots)
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
    action({
      id: 212431,
      key: 'explosive_shot',
      name: 'Explosive Shot',
      description:
        'Fires an explosive shot that detonates after 3 sec, dealing Fire damage to all enemies near the target.',
      school: 'fire',
      cost: 20, // 212431 Explosive Shot: 20 Focus
      cooldownMs: 30_000, // 212431 Explosive Shot: cooldown 30 s
      talent: 'explosive_shot',
    }),

    HUNTERS_MARK,
    ...DARK_RANGER_ACTIONS, // hero tree: specs/hero/dark-ranger.ts
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
    BLOODLUST,
    RADIANT_POWER,
    // Deathblow is Marksmanship's own talent and buff here (above); the tree's other buffs
    ...DARK_RANGER_BUFFS.filter((b) => b.key !== 'deathblow'),
  ],
  debuffs: [
    HUNTERS_MARK_DEBUFF,
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
  ],
  dots: [
    {
      id: 212431,
      key: 'explosive_shot',
      name: 'Explosive Shot',
      description: 'Detonates after 3 sec.',
      durationMs: 3000, // 212431 Explosive Shot: duration 3 s
      maxStacks: 1,
      tickMs: 3000, // 212431 Explosive Shot, effect #1 (every 3 s)
      source: 'explosive_shot',
    },
    ...DARK_RANGER_DOTS,
  ],
  petBuffs: [],
  talents: [
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
      description: 'The damage bonus of Precise Shots is increased by 40% (both ranks).',
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
      description:
        'Aimed Shot has a 10% chance to reset Kill Shot and make the next one usable at any health.',
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
    RADIANT_POWER_TALENT,
    // Deathblow is Marksmanship's own talent here (above, with Improved Deathblow)
    ...DARK_RANGER_TALENTS.filter((t) => t.key !== 'deathblow'),
  ],
  /**
   * SimulationCraft's default MM profile: the modelled talents of profiles/TWW3/
   * TWW3_Hunter_Marksmanship.simc at ab018d1176 (talents=C4PAAAAAAAAAAAAAAAAAAAAAAYMbDMgJY2YLwsAAAAAAAAAAAAAAzYGz
   * MzMzYGZGjhZGYYWWmZwYmB22MzMjZxMDzMzMLLGzygZA, Dark Ranger), and the weapon enchant both specs' defaults
   * carry. Not taken there: Steady Focus (no 11.2 node), In the Rhythm, Focused Aim, Trick Shots, Sentinel.
   */
  defaultTalents: [
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
    'black_arrow',
    'bleak_arrows',
    'ebon_bowstring',
    'withering_fire',
    'the_bell_tolls',
    'banshees_mark',
    'bleak_powder',
    'soul_drinker',
    'umbral_reach',
    'authority_of_radiant_power',
  ],
};
