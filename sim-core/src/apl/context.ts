/**
 * The interface between a compiled rotation (APL) and the engine.
 *
 * Compile time: the engine gives the parser an {@link AplVocabulary} (every name a spec knows,
 * by kind) so unknown names are rejected with a RotationError (line, column), and the compiler an
 * {@link AplResolver} that maps each name to a small integer id (the engine's own ids).
 *
 * Run time: the engine implements {@link AplState}, a set of numeric getters taking those ids.
 * Every getter returns a number: seconds for times (SimC units), 0/1 for booleans, and must not
 * allocate. `CompiledRotation.decide(state)` returns an action id (>= 0) or one of the
 * `APL_WAIT` / `APL_IDLE` codes, also without allocating.
 *
 * Targets: index 0 is the primary target, 1..activeEnemies()-1 the others. Getters about a
 * target take its index; `target_if=` makes the rotation evaluate several targets and report the
 * chosen one in `CompiledRotation.target`.
 */

/** Every name a spec knows, by kind. Order matters only for {@link resolverFromVocabulary}. */
export interface AplVocabulary {
  /** Castable actions (`kill_command`, `barbed_shot`, ...). Also the names of `prev_gcd.1.X`, `action.X.*`. */
  readonly actions: readonly string[];
  /** Player buffs (`buff.X.*`). */
  readonly buffs: readonly string[];
  /** Debuffs on a target (`debuff.X.*`). */
  readonly debuffs: readonly string[];
  /** Damage over time effects on a target (`dot.X.*`). */
  readonly dots: readonly string[];
  /** Cooldowns (`cooldown.X.*`), usually the action keys that have one. */
  readonly cooldowns: readonly string[];
  /** Talent keys of the spec (`talent.X`, `talent.X.enabled`). */
  readonly talents: readonly string[];
  /** Buffs on the main pet (`pet.main.buff.X.*`). */
  readonly petBuffs: readonly string[];
}

export type AplNameKind = keyof AplVocabulary;
/** The vocabulary kinds that are auras. */
export type AuraKind = 'buffs' | 'debuffs' | 'petBuffs';

/** Maps a name of a kind to the engine's integer id, or -1 when unknown. Called at compile time only. */
export interface AplResolver {
  resolve(kind: AplNameKind, name: string): number;
  /**
   * Optional: `talent.X` (rank false) or `talent.X.rank` (rank true) by talent id, when it is
   * fixed for the compiled rotation's whole life (the engine's talents are fixed per sim): the
   * compiler folds it, and what it decides, into constants (compile-expr.ts). Absent: read at
   * run time from the state.
   */
  talentValue?(talent: number, rank: boolean): number;
  /**
   * Optional: 1 when the sim's config has the class set bonus `name` (its full name, as
   * specs/tier-sets.ts SET_BONUSES), else 0 (`set_bonus.NAME`): fixed for the compiled rotation's
   * whole life, folded like talentValue. Absent: every set bonus reads 0 (no config, none worn).
   */
  setBonus?(name: string): number;
  /**
   * Optional: 1 when the sim's config wears the item `name` (SimC's item name, specs/gear.ts
   * EQUIPPED_ITEMS), else 0 (`equipped.NAME`): fixed for the whole sim, folded like setBonus.
   * Absent: every item reads 0.
   */
  equipped?(name: string): number;
  /**
   * Optional: `active_enemies` when it is fixed for the compiled rotation's whole life (a fight
   * without adds), folded like talentValue; undefined or absent: read at run time.
   */
  activeEnemies?(): number | undefined;
  /**
   * Optional: the rotation reads `buff.X.react` of this player buff (by id). SimulationCraft makes a
   * buff `reactable` when an expression asks for its `react` (buff_t's react expression), and only
   * a reactable buff draws a reaction time when it gains stacks (buff_t::bump): the engine does the
   * same (Sim.applyBuff).
   */
  reactable?(buff: number): void;
}

/** A resolver whose ids are the positions of the names in the vocabulary lists. */
export function resolverFromVocabulary(vocabulary: AplVocabulary): AplResolver {
  const maps = new Map<AplNameKind, Map<string, number>>();
  for (const kind of Object.keys(vocabulary) as AplNameKind[]) {
    const list = vocabulary[kind];
    const map = new Map<string, number>();
    for (let i = 0; i < list.length; i++) if (!map.has(list[i]!)) map.set(list[i]!, i);
    maps.set(kind, map);
  }
  return { resolve: (kind, name) => maps.get(kind)?.get(name) ?? -1 };
}

/**
 * What a rotation can read about the simulation, implemented by the engine.
 * Ids come from the {@link AplResolver}; `target` is a target index (0 = primary).
 * Times are seconds; booleans are 0/1. No method may allocate or throw.
 */
export interface AplState {
  /** Seconds since combat start. */
  time(): number;
  /** Seconds until the fight ends (the engine's expected duration minus `time()`). */
  fightRemains(): number;
  /** Seconds until a target dies (the main target: the end of the fight; an add: its end of life). */
  targetTimeToDie(target: number): number;
  /** Number of living enemies (>= 1). */
  activeEnemies(): number;
  /** Health of a target in percent (0..100). */
  targetHealthPct(target: number): number;

  /** Current hasted global cooldown duration. */
  gcd(): number;
  /** Seconds until the global cooldown ends (0 when the player may act). */
  gcdRemains(): number;

  /** Current focus. */
  focus(): number;
  /** Maximum focus. */
  focusMax(): number;
  /** Current focus regeneration per second (hasted). */
  focusRegen(): number;

  /** Seconds left on a player buff, 0 when down. */
  buffRemains(buff: number): number;
  /** Stacks of a player buff, 0 when down. */
  buffStack(buff: number): number;
  /** Stacks of a player buff the player has had time to react to (SimC `buff.X.react`). */
  buffReact(buff: number): number;
  /**
   * Seconds until the next tick of a player buff that ticks (SimC `buff.X.tick_time_remains`), 0
   * when it is down or no tick is left before it ends (or it does not tick).
   */
  buffTickTimeRemains(buff: number): number;
  /** Seconds left on a debuff on a target, 0 when down. */
  debuffRemains(debuff: number, target: number): number;
  /** Stacks of a debuff on a target. */
  debuffStack(debuff: number, target: number): number;
  /** Seconds left on a dot on a target, 0 when not ticking. */
  dotRemains(dot: number, target: number): number;
  /** 1 when the dot may be refreshed without loss (pandemic window: remains < 30 % of duration). */
  dotRefreshable(dot: number, target: number): number;
  /** Stacks of a dot on a target (1 for a dot without stacks while ticking). */
  dotStack(dot: number, target: number): number;
  /** Seconds left on a buff of the main pet, 0 when down (or no pet). */
  petBuffRemains(buff: number): number;
  /** Stacks of a buff of the main pet. */
  petBuffStack(buff: number): number;

  /** Seconds until a charge is available (0 when the spell may be used now, cost aside). */
  cooldownRemains(cooldown: number): number;

  /**
   * 1 when the remains above are > 0, else 0 — the same answer without computing seconds
   * (`X.up` / `X.down`, read on every decision). cooldownUp: cooldownRemains > 0.
   */
  buffUp(buff: number): number;
  debuffUp(debuff: number, target: number): number;
  dotUp(dot: number, target: number): number;
  petBuffUp(buff: number): number;
  cooldownUp(cooldown: number): number;
  /** Whole charges available (0 or 1 for a spell without charges). */
  cooldownCharges(cooldown: number): number;
  /** Charges including the fraction of the one recharging. */
  cooldownChargesFractional(cooldown: number): number;
  /** Seconds until every charge is back (== remains for a spell without charges). */
  cooldownFullRecharge(cooldown: number): number;
  /** Seconds one charge takes to come back now (hasted when the cooldown is). */
  cooldownDuration(cooldown: number): number;

  /** Base duration in seconds of a player buff, debuff or pet buff (data, not the current one). */
  auraDuration(kind: AuraKind, aura: number): number;
  /** Most stacks a player buff, debuff or pet buff can have (1 for one without stacks). */
  auraMaxStack(kind: AuraKind, aura: number): number;

  /** 1 when the talent is selected. */
  talent(talent: number): number;
  /** The talent's rank (`talent.X.rank`): its config rank, 0 when not selected. */
  talentRank(talent: number): number;
  /** 1 when the n-th previous GCD action (n = 1 is the last one) was `action`. */
  prevGcd(n: number, action: number): number;

  /**
   * Optional: false for an action the state will never know (a talent the player lacks), so
   * never ready; constant from the rotation's `reset` to the next. The rotation leaves such lines
   * out (counting them as evaluated). Absent: every action may be known.
   */
  actionKnown?(action: number): boolean;
  /** 1 when the action can be executed now on the target: known, off cooldown, affordable, in range. */
  actionReady(action: number, target: number): number;
  /** Focus cost of the action now (0 when free). */
  actionCost(action: number): number;
  /** Hasted cast time in seconds (0 for instants). */
  castTime(action: number): number;
  /** Time the action occupies the player: max(gcd, cast time), 0 when off the GCD. */
  executeTime(action: number): number;
  /**
   * Focus the action brings in (SimC hunter `cast_regen`, sc_hunter.cpp hunter_action_t::cast_regen):
   * focus regenerated over max(cast time, its GCD) at the current rate, plus the focus its own
   * cast gives, rounded down (energize_cast_regen: Steady Shot's, Rapid Fire's shots').
   */
  castRegen(action: number): number;
  /**
   * Hits and shots of the action in flight (SimC action_t travel events: `action.X.in_flight`,
   * `in_flight_count`), to `target`, or to any target when `target` < 0 (`in_flight_to_target`).
   */
  inFlight(action: number, target: number): number;
}

/** `decide` result: no action now; wait `CompiledRotation.waitSeconds` (> 0) and decide again. */
export const APL_WAIT = -1;
/** `decide` result: nothing is usable; the engine decides again at its next event (its own choice). */
export const APL_IDLE = -2;

/** A rotation compiled against a resolver. Reusable across iterations; not thread-safe (one per worker). */
export interface CompiledRotation {
  /**
   * Call at the start of every iteration, before combat: clears variables and line cooldowns,
   * then runs the `variable` lines of `actions.precombat` against `state`.
   */
  reset(state: AplState): void;
  /**
   * Walks the priority list and returns the id of the first ready action whose conditions hold
   * (set `target` to its target), `APL_WAIT` (set `waitSeconds`) or `APL_IDLE`.
   * The engine calls it whenever the player is free to act (GCD and cast finished), executes the
   * returned action at once, and must not call it again at the same time without a state change.
   */
  decide(state: AplState): number;
  /**
   * The spell SimulationCraft casts at the pull (`player_t::combat_begin`): the first spell line of
   * `actions.precombat` that is ready on the first target and whose condition holds, or -1. The
   * parser keeps only harmful spells there (action-parser.ts); the engine executes it at once,
   * with no cast time and no global cooldown (engine/decisions.ts `precast`).
   */
  precombatCast(state: AplState): number;
  /** Target index chosen for the last returned action (0 unless `target_if=` picked another). */
  readonly target: number;
  /** Seconds to wait after an `APL_WAIT` result. */
  readonly waitSeconds: number;
  /** Lines evaluated by every `decide` so far (the rotation's share of an iteration's work). */
  readonly evaluations: number;
}
