/** What a spec implements on top of the generic engine (see engine/sim.ts). */
export interface SpecLogic {
  /** Start of an iteration, after the engine reset its state (summon pets, set up passives). */
  start(): void;
  /** The action is known (talent). */
  known(action: number): boolean;
  /** Focus cost now; the engine uses the data's cost unless `dynamicCost`. */
  cost(action: number): number;
  /** `cost()` can differ from the data's cost (procs that make a spell free). */
  readonly dynamicCost: boolean;
  /**
   * Optional, with `dynamicCost`: whether `cost(action)` can differ from the data's cost for this
   * action (absent = every action's can); the engine reads the data's cost for the others.
   */
  costVaries?(action: number): boolean;
  /** Unhasted cast time now in ms (0 = instant). */
  castMs(action: number): number;
  /** A cast with a cast time began (its cost and cooldown are paid when it finishes). */
  castStarted(action: number): void;
  /** The action takes effect (instants at once, casts when they finish). */
  execute(action: number, target: number): void;
  /** Tick `tick` (0-based) of a channelled action. */
  channelTick(action: number, target: number, tick: number): void;
  autoShot(): void;
  petSwing(pet: number): void;
  /** Swing time of a pet now, in ms. */
  petSwingMs(pet: number): number;
  /** A dot ticks for `amount` (already scaled for a partial last tick). */
  dotTick(dot: number, target: number, amount: number): void;
  /** A buff with notification (buffNotify) was applied, refreshed, removed or expired. */
  buffChanged(buff: number): void;
  /** A spec event (EV_SPEC and above). */
  specEvent(a: number, b: number): void;
  /** Haste multiplier from spec and raid buffs (1 = none). */
  hasteFactor(): number;
  /** Focus regeneration multiplier (1 = none). */
  regenFactor(): number;
  /** Optional: multiplier on the hasted GCD of `action` now (absent = 1). */
  gcdFactor?(action: number): number;
  /** Optional: the number of ticks of a channelled action (absent = the data's channelTicks). */
  channelTicks?(action: number): number;
  /** Optional: the unhasted channel time in ms of a channelled action (absent = the data's channelMs). */
  channelMs?(action: number): number;
  /**
   * Optional: a hit the spec tagged (Sim.landTag, non-zero) landed on a living target: at once
   * when it does not travel, else when its travel ends (SimC's `impact`). `damage` is what it
   * dealt, `crit` 1 for a critical strike. Required when the spec sets Sim.landTag.
   */
  landed?(src: number, target: number, damage: number, crit: number, tag: number): void;
  /** Optional: unhasted time between Auto Shots in ms (absent = the weapon speed). */
  autoShotIntervalMs?(): number;
  /**
   * Sim.hit's crit bonus and crit damage argument for a hit that is not the spec's (an item's or
   * enchant's proc): the player's own (MM: Trueshot's crit chance is the player's); 0 and 1 when absent.
   */
  procCrit?(): number;
  procCritDamage?(): number;
  /**
   * Optional: ms until the next tick of a player buff whose ticks the spec schedules (the rotation's
   * `buff.X.tick_time_remains`), 0 when none is left; absent = no buff ticks.
   */
  buffTickRemainsMs?(buff: number): number;
}

/**
 * A talent's health rule for some actions (SimState.healthRule): whether `action` may be used on
 * `target` now; for an action without a rule of its own, its execute range (Sim.inExecuteRange).
 */
export interface HealthRule {
  usable(action: number, target: number): boolean;
}
