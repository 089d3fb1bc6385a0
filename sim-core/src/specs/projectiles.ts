/**
 * Missile speeds of the hunter's shots, yards per second (the dump's `Velocity`), per damage
 * source key. A hit from one of these sources lands distance / speed after the shot (engine
 * Sim.hit); sources not listed (pets, bleeds, explosions, procs) land at once.
 *
 * Source: the 11.2.0.63003 dump (SimulationCraft SpellDataDump/hunter.txt, the build the model's
 * numbers cite), each speed read there. The table was first taken from the 9.0.2.36086 dump (simc
 * 3bd032c020) and checked against 11.0.2.56461 and 12.0.7.68275 before 11.2's dump was at hand;
 * reading 11.2 moved two: Barbed Shot (50 in 9.0.1 and 11.0.2, 80 in 11.2) and Explosive Shot
 * (75 in 11.0.2, 120 in 11.2).
 */
export const MISSILE_SPEED: Readonly<Record<string, number>> = {
  auto_shot: 60, // 75 Auto Shot: Velocity 60 yards/sec
  aimed_shot: 100, // 19434 Aimed Shot: Velocity 100 yards/sec
  aimed_shot_double_tap: 100, // Double Tap's second Aimed Shot is 19434 too: Velocity 100 yards/sec (11.2.0.63003)
  arcane_shot: 70, // 185358 Arcane Shot: Velocity 70 yards/sec
  steady_shot: 75, // 56641 Steady Shot: Velocity 75 yards/sec
  rapid_fire: 40, // 257045 Rapid Fire (damage): Velocity 40 yards/sec
  kill_shot: 80, // 53351 Kill Shot: Velocity 80 yards/sec
  multishot: 50, // 2643 / 257620 Multi-Shot: Velocity 50 yards/sec
  cobra_shot: 45, // 193455 Cobra Shot: Velocity 45 yards/sec
  barbed_shot: 80, // 217200 Barbed Shot: Velocity 80 yards/sec (50 in 9.0.1 and 11.0.2)
  black_arrow: 80, // 466930 Black Arrow: Velocity 80 yards/sec
  black_arrow_withering_fire: 80, // 468037 Black Arrow (Withering Fire's arrows): Velocity 80 yards/sec
  bleak_arrows: 60, // 467718 Bleak Arrows: Velocity 60 yards/sec
  serpent_sting: 45, // 271788 Serpent Sting (Poisoned Barbs): Velocity 45 yards/sec
  rocket_barrage: 10, // 69041 Rocket Barrage (Goblin racial): Velocity 10 yards/sec (11.1.0.59679 nonclass.txt)
};

/**
 * Shots with no hit of their own (what they do starts when they land: a spec event after the
 * travel time; Explosive Shot's dot), yards per second, cited as MISSILE_SPEED.
 */
export const MISSILE_SPEED_NO_HIT = {
  // 212431 Explosive Shot: Velocity 120 yards/sec (75 in 11.0.2); BM's (Thundering Hooves) and MM's
  explosive_shot: 120,
} as const;

/** ms a missile at `speed` yd/s takes over `yards` (0: lands at once), as SimC's travel_time. */
export function travelMs(speed: number | undefined, yards: number): number {
  return speed && yards > 0 ? Math.round((yards / speed) * 1000) : 0;
}
