/**
 * Marksmanship Hunter (spec 254): the numbers of the spec's rules (coefficients, chances, effect
 * durations); its spells and auras are in ./data.ts, its talents in ./talent-list.ts. Each comes
 * from the spell data of World of Warcraft 11.2.0.63003 (SimulationCraft SpellDataDump/hunter.txt,
 * simc commit ab018d1176), cited as `spell id #effect`, unless marked NOT SPELL DATA with the
 * reason. Table and approximations: sim-core/docs/specs.md.
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
  /** By rank (talents/ranks.ts): +20 to 260242 #1 × the rank table (1, 2). */
  unmatchedPrecision: [0.2, 0.4], // 1232955 Unmatched Precision, effect #1 (+20) × Talent Entry Effect#1 op=mul (1, 2) (11.2 hunter.txt)
  surgingShotsRapidFire: 0.35, // 391559 Surging Shots, effect #1 (+35 % Rapid Fire 257045 damage)
  surgingShotsChance: 0.15, // 391559 Surging Shots: proc chance 15 % (Aimed Shot resets Rapid Fire)
  penetratingShots: 0.4, // 459783 Penetrating Shots, effect #2 (crit damage + 40 % of crit chance)
  inTheRhythmMs: -1000, // 407405 In the Rhythm (buff), effect #1 (-1 s between Auto Shots)
  headshotKillShot: 0.25, // 471363 Headshot, effect #1 (+25 to Precise Shots 260242 #4: Kill Shot damage)
  unmatchedPrecisionKillShot: [0.2, 0.4], // 1232955 Unmatched Precision, effect #3 (+20 to 260242 #4) × Talent Entry Effect#3 op=mul (1, 2)
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
  ammoConservationShots: 3, // 459794 Ammo Conservation, effects #2/#4 (+3 Rapid Fire shots)
  ammoConservationTickTime: -0.34, // 459794 Ammo Conservation, effect #1 (Rapid Fire 257044 tick time -34 %)
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
  /** The Sentinel tree's other talents (./sentinel.ts, as SimC's trigger_sentinel and sentinel_t). */
  extrapolatedShotsStacks: 1, // 450374 Extrapolated Shots, effect #1 (1 more stack on a target without Sentinel)
  releaseAndReloadChance: 0.15, // 450376 Release and Reload, effect #1 (15 % for a second stack)
  sentinelWatchMs: 1000, // 451546 Sentinel Watch, effect #1 (1 s off Trueshot per Sentinel hit)
  sentinelWatchLimitMs: 15_000, // 451546 Sentinel Watch, effect #2 (15 s at most per Trueshot)
  invigoratingPulseFocus: 5, // 450379 Invigorating Pulse, effect #1 (5 focus; 451173 #1 the energize)
  invigoratingPulseChance: 0.15, // 450379 Invigorating Pulse, effect #2 (15 %; SimC ignores the tooltip's fall-off)
  symphonicArsenalAp: 0.3864, // 451194 Symphonic Arsenal (damage), effect #1 (AP coeff, arcane, 8 yd)
  symphonicArsenalMm: -0.25, // 137016 Marksmanship Hunter, effect #12 (-25 % on label 3988: Symphonic Arsenal)
  symphonicArsenalExtraTargets: 5, // 450383 Symphonic Arsenal, effect #1 (5 more targets: 6 per Sentinel target)
  overwatchBelowPct: 20, // 450384 Overwatch, effect #1 (a target below 20 % health with more than 3 stacks)
  overwatchCooldownMs: 15_000, // 450384 Overwatch, effect #2 (once per 15 s per target)
  crescentSteelBelowPct: 20, // 451530 Crescent Steel, effect #1 (targets damaged below 20 % health)
  crescentSteelPeriodMs: 3000, // 451531 Crescent Steel (debuff), effect #1 (a Sentinel stack every 3 s)
  /** The War Within season 3 Sentinel set (1236374 2-piece, 1236375 4-piece; ./sentinel.ts). */
  tww3Sentinel2pcRapidFire: 0.25, // 1236374 Hunter Sentinel 11.2 Class Set 2pc, effect #2 (+25 % Rapid Fire 257045)
  boonOfEluneAimed: 0.1, // 1236644 Boon of Elune (2pc buff), effect #1 (+10 % Aimed Shot; its #2 makes it Arcane)
  boonOfElune4pcAimed: 0.1, // 1249464 Boon of Elune (4pc buff), effect #1 (+10 % Aimed Shot; its #2 makes it Arcane)
  boonOfEluneSpendMs: 400, // NOT SPELL DATA: SimC's delay between an Aimed Shot's impact and the stack it spends
  tww3Sentinel4pcSentinel: 0.2, // 1236375 Hunter Sentinel 11.2 Class Set 4pc, effect #2 (+20 % Sentinel 450412)
  tww3Sentinel4pcSentinelMm: -0.02, // 137016 Marksmanship Hunter, effect #15 (-2 to 1236375 #2 for Marksmanship: +18 %)
  steadyShotAp: 0.8, // 56641 Steady Shot, effect #1 (AP coeff)
  steadyShotFocus: 20, // 77443 Steady Shot (energize), effect #1 (20 focus)
  steadyShotAimedReductionMs: 2000, // 56641 Steady Shot, effect #2 (2000 ms off Aimed Shot, Marksmanship only)
  rapidFireTickAp: 0.605, // 257045 Rapid Fire (shot), effect #1 (AP coeff)
  rapidFireTickMs: 333, // 257044 Rapid Fire, effect #2 (a shot every 0.333 s)
  rapidFireFocusPerTick: 2, // 263585 Rapid Fire (energize), effect #1 (2 focus per shot)
  killShotAp: 3.2, // 53351 Kill Shot, effect #1 (AP coeff)
  multiShotAp: 0.5076, // 257620 Multi-Shot, effect #2 (AP coeff)
  /** Explosive Shot hits every enemy in range for full damage before the soft cap (212680 #1). */
  explosiveShotSplash: 1,
  /** Area soft caps (damage × sqrt(N / targets hit) beyond N; engine/ratings.ts aoeScale). */
  multiShotAoeCap: 5, // 257620 Multi-Shot: "reduced damage beyond $2643s1 targets" = 2643 Multi-Shot, effect #1 (5)
  trickShotsShare: 0.6, // 257621 Trick Shots, effects #4 (Aimed Shot) and #5 (Rapid Fire): 60 % of normal damage each
  trickShotsTargets: 5, // 257621 Trick Shots, effect #1 (up to 5 additional targets)
  trickShotsRapidTargets: 5, // 257621 Trick Shots, effect #3 (Rapid Fire: up to 5 additional targets)
  lightAmmoTargets: 2, // 378913 Light Ammo, effects #1/#2 (+2 to 257621 #1 and #3: 7 ricochet targets)
  lightAmmoHydra: 0.15, // 378913 Light Ammo, effect #3 (+15 to Aspect of the Hydra's 470945 #1 share: 75 %)
  smallGameHunterMultiShot: 0.75, // 459802 Small Game Hunter, effect #1 (+75 % Multi-Shot 257620 direct damage)
  smallGameHunterExplosive: 0.15, // 459802 Small Game Hunter, effect #2 (+15 % Explosive Shot 212680 direct damage)
  /** Volley (260243) and the talents on it; ./volley.ts. */
  volleyAp: 0.75, // 260247 Volley (damage), effect #1 (AP coeff, physical, every enemy in 8 yd)
  volleyMs: 6000, // 260243 Volley: duration 6 s (the area, its buff and its Trick Shots)
  volleyPulseMs: 500, // 260243 Volley, effect #2 (periodic every 0.5 s, not hasted: SimC ground_aoe_event_t)
  volleyPulses: 12, // 260243 Volley: 6 s / 0.5 s, the first 0.5 s after the cast (the tooltip's $260247s1*12)
  killZoneTaken: 0.08, // 393480 Kill Zone (debuff), effect #2 (+8 % damage taken from the caster, all schools)
  salvoTargets: 2, // 400456 Salvo, effect #1 (Explosive Shot on up to 2 targets hit)
  bulletHellRapidFireMs: 300, // 473378 Bullet Hell, effect #1 (Rapid Fire −0.3 s per Multi-Shot or Volley hit)
  // 473378 Bullet Hell, effect #1 again: SimC aimed_shot_base_t::impact reduces Volley by #1's 0.3 s, not
  // #2's 0.5 s (its TODO: "Aimed Shot hits are giving .3 second reduction rather than .5")
  bulletHellVolleyMs: 300,
  /** Double Tap (473370, buff 260402); ./double-tap.ts. */
  doubleTapAimed: 0.8, // 473370 Double Tap, effect #3 (the second Aimed Shot at 80 %: SimC reads #3)
  doubleTapRapidFireShots: 0.8, // 260402 Double Tap (buff), effect #3 (Rapid Fire +80 % shots)
  doubleTapRapidFireTickTime: -0.4, // 260402 Double Tap (buff), effect #1 (Rapid Fire 257044 tick time −40 %)
  doubleTapDelayMs: 10, // NOT SPELL DATA: SimC's delay between the Aimed Shot and its second shot
  trickShotsMinTargets: 3, // 257621 Trick Shots, effect #2 (Multi-Shot hits 3 or more targets)
  trueshotAimedRate: 2.5, // 288613 Trueshot, effect #3 (Aimed Shot charges recharge 150 % faster: rate 1 + 1.5)
  trueshotRapidRate: 2.5, // 288613 Trueshot, effect #1 (Rapid Fire recharges 150 % faster: rate 1 + 1.5)
  trueshotCrit: 0.1, // 288613 Trueshot, effect #4 (+10 % critical strike chance, the player's: every hit)
  trueshotCritDamage: 0.2, // 288613 Trueshot, effect #5 (+20 % critical strike damage bonus, the hunter's shots)
  lockAndLoadChance: 0.1, // 194595 Lock and Load, effect #1 (10 % per Auto Shot)
  steadyFocusHaste: 0.08, // 193533 Steady Focus, effect #1 (+8 % haste on 193534)
  /** Spec aura: spell direct and periodic damage of the hunter's abilities (137016 effects #1/#2). */
  specAuraSpells: -0.04, // 137016 Marksmanship Hunter, effects #1/#2 (-4 %)
  // 137016 Marksmanship Hunter, effect #3 (guardian damage -4 %; SimC reads the first such effect, not #8's +21 %)
  specAuraGuardian: -0.04,
  specAuraKillShot: 0.07, // 137016 Marksmanship Hunter, effect #9 (+7 % Kill Shot)
  specAuraExplosiveShot: 0.15, // 137016 Marksmanship Hunter, effect #10 (+15 % Explosive Shot 212680)
  specAuraArcaneShot: 0.25, // 137016 Marksmanship Hunter, effect #11 (+25 % Arcane Shot)
  /** Eyes in the Sky (MM baseline, 1219616) and Spotter's Mark (466872) with the talents that change them. */
  spottersMarkChance: 0.3, // 1219616 Eyes in the Sky, effect #1 (30 % per hit empowered by Precise Shots)
  spottersMarkAimed: 0.2, // 466872 Spotter's Mark, effect #1 (+20 % Aimed Shot damage taken from the hunter)
  avianSpecialization: 0.2, // 466867 Avian Specialization, effect #1 (+20 to 466872 #1)
  featheredFrenzyChance: 1, // 470943 Feathered Frenzy, effect #1 (+100 % Spotter's Mark chance during Trueshot)
  onTargetHaste: 0.04, // 474257 On Target (buff), effect #1 (+4 % haste per stack)
  onTargetMs: 10_000, // 474257 On Target (buff): duration 10 s
  onTargetStacks: 4, // 474257 On Target (buff): 4 stacks maximum (each its own duration: SimC ASYNCHRONOUS)
  improvedStreamlineCast: -0.1, // 471427 Improved Streamline, effect #1 (-10 to 342076 #1: cast time only)
  incendiaryAmmunitionCritDamage: 0.02, // 471428 Incendiary Ammunition, effect #1 (+2 to 389020 #2: Aimed Shot crit bonus per stack)
  incendiaryAmmunitionStacks: 5, // 471428 Incendiary Ammunition, effect #2 (+5 Bulletstorm maximum stacks)
  razorFragmentsDamage: 0.75, // 388998 Razor Fragments (buff), effect #1 (+75 % Kill Shot / Black Arrow 466930)
  razorFragmentsShare: 0.35, // 388998 Razor Fragments (buff), effect #3 (35 % of the shot's damage as a bleed)
  razorFragmentsTargets: 5, // 388998 Razor Fragments (buff), effect #2 (up to 5 targets)
  razorFragmentsMs: 6000, // 385638 Razor Fragments (bleed): duration 6 s
  razorFragmentsTickMs: 2000, // 385638 Razor Fragments (bleed), effect #1 (every 2 s)
  /** Spec-tree talents of 11.2 beyond SimC's default profile (./tree-passives.ts and the helpers named there). */
  callingTheShotsMs: -30_000, // 260404 Calling the Shots, effect #1 (Trueshot 288613 cooldown -30 s)
  obsidianArrowheadCrit: 0.15, // 471350 Obsidian Arrowhead, effect #1 (+15 % crit chance: Auto Shot 75, Bleak Arrows 467718)
  obsidianArrowheadDamage: 0.25, // 471350 Obsidian Arrowhead, effect #2 (+25 % direct damage: Auto Shot 75, Bleak Arrows 467718)
  /** By rank: +5 × the rank table (0, 1): rank 1 adds nothing in 11.2's data, rank 2 +5 %. */
  eaglesAccuracy: [0, 0.05], // 473369 Eagle's Accuracy, effect #1 (+5 % Aimed Shot 19434, Rapid Fire 257045) × Talent Entry Effect#1 op=mul (0, 1)
  deadeyeCharges: 1, // 321460 Deadeye, effect #1 (+1 charge: Kill Shot 53351, Black Arrow 466930, category 1873)
  deadeyeRechargeMs: -2000, // 321460 Deadeye, effect #2 (recharge -2 s, category 1873)
  noScopeStacks: 1, // NOT SPELL DATA: SimC rapid_fire_t::execute's precise_shots->trigger() (one stack; 473385 #1's 15 is not read)
  ohnahranWindsAimed: 0.2, // 1215057 Spotter's Mark (Ohn'ahran Winds), effect #1 (+20 % Aimed Shot damage taken; + Avian Specialization 466867 #1)
  ohnahranWindsTargets: 1, // 1215021 Ohn'ahran Winds, effect #1 (1 additional enemy)
  ohnahranWindsChance: 1, // 1215021 Ohn'ahran Winds, effect #2 (100 %; SimC rolls nothing)
  hydraShare: 0.6, // 470945 Aspect of the Hydra, effect #1 (60 % of the shot's damage; #2: 1 more target)
  hydraAimedDelayMs: 10, // NOT SPELL DATA: SimC aimed_shot_t::execute fires the Hydra's Aimed Shot 10 ms after the cast's
  targetAcquisitionMs: 2000, // 473379 Target Acquisition, effect #1 (Aimed Shot -2 s when a mark is spent)
  targetAcquisitionIcdMs: 1500, // 473379 Target Acquisition: internal cooldown 1.5 s
  /** Unbreakable Bond (1223323): Marksmanship's main pet (./unbreakable-bond.ts; its other numbers ../main-pet.ts). */
  unbreakableBondPet: 0.15, // 1223323 Unbreakable Bond, effect #1 (Modify Pet Damage Done% +15, "while outdoors")
  /**
   * NOT SPELL DATA: the fights simulated are a raid's or a dungeon's, never outdoors, so #1 does not
   * hold (SimC applies neither #1 nor #2: sc_hunter.cpp reads the talent only for `summon_pet`).
   */
  unbreakableBondOutdoors: 0,
  specAuraPet: 0.12, // 137016 Marksmanship Hunter, effect #4 (Modify Pet Damage Done% +12)
  killZonePetTaken: 0.08, // 393480 Kill Zone (debuff), effect #3 (Modify Damage Taken% from Caster Pet +8)
  lunarStormPetTaken: 0.1, // 450884 Lunar Storm (debuff), effect #2 (Modify Damage Taken% from Caster Pet +10)
  // Lone Wolf (155228, +5 % without a pet) is not applied: it has no talent node in 11.2 (the 11.1
  // tree removed it; SimC's c83f32fd8b dropped talents.lone_wolf and sc_hunter.cpp at ab018d1176
  // reads 155228 nowhere), so neither the game nor SimC gives MM its 5 %.
} as const;
