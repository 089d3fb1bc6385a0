/**
 * Missile speeds of the hunter's shots, yards per second (the dump's `Velocity`), per damage
 * source key. A hit from one of these sources lands distance / speed after the shot (engine
 * Sim.hit); sources not listed (pets, bleeds, explosions, procs) land at once.
 *
 * NOT CHECKED against 11.2: read from SimulationCraft's SpellDataDump/hunter.txt of World of
 * Warcraft 9.0.2.36086 (simc 3bd032c020); missile speeds rarely change between versions.
 */
export const MISSILE_SPEED: Readonly<Record<string, number>> = {
  auto_shot: 60, // 75 Auto Shot: Velocity 60 yards/sec
  aimed_shot: 100, // 19434 Aimed Shot: Velocity 100 yards/sec
  arcane_shot: 70, // 185358 Arcane Shot: Velocity 70 yards/sec
  steady_shot: 75, // 56641 Steady Shot: Velocity 75 yards/sec
  rapid_fire: 40, // 257045 Rapid Fire (damage): Velocity 40 yards/sec
  kill_shot: 80, // 53351 Kill Shot: Velocity 80 yards/sec
  multishot: 50, // 2643 / 257620 Multi-Shot: Velocity 50 yards/sec
  cobra_shot: 45, // 193455 Cobra Shot: Velocity 45 yards/sec
  barbed_shot: 50, // 217200 Barbed Shot: Velocity 50 yards/sec (9.0.1.35755 dump, simc a81581f24a)
  rocket_barrage: 10, // 69041 Rocket Barrage (Goblin racial): Velocity 10 yards/sec (11.1.0.59679 nonclass.txt)
};
