/**
 * The contract between the Dark Ranger helper (./dark-ranger.ts) and a spec's logic: what the spec
 * gives it (DarkRangerHost), the kinds of its hits, its spec event kind and its impact bits.
 */
/** What the spec logic gives the Dark Ranger helper. */
export interface DarkRangerHost {
  /** The spec's multiplier on the hunter's spells now, without mastery (BM Bestial Wrath; MM 1). */
  buffMult(): number;
  /** Mastery on 466930 as a fraction (BM 76657 #5 on the hunter's spells; MM 193468 #2). */
  spellMastery(): number;
  /** The spec's generic multiplier on 466930 (spec aura #1), mastery excluded. */
  spellAura(): number;
  /** Extra crit chance on the hunter's shots now (BM Thrill of the Hunt, MM Trueshot). */
  shotCrit(): number;
  /**
   * Sim.hit's crit damage argument for the tree's hits (MM: Trueshot 288613 #5 on the shots,
   * Improved Deathblow 378769 #3 on Black Arrow, Penetrating Shots on all); absent = 1.
   */
  critDamage?(hit: DarkRangerHit): number;
  /** Multiplier on Black Arrow's hit now (MM: Headshot's Precise Shots, 260242 #4; BM: Hunter's Prey, 468219 #1); absent = 1. */
  blackArrowMult?(): number;
  /** After each of the tree's hits but Bleak Arrows' white shot (MM: Master Marksman, Bullseye). */
  afterHit?(target: number, crit: number, periodic: boolean): void;
  /** After Black Arrow's own hit (sim.lastHitDamage is its damage; MM: Razor Fragments, Spotter's Mark). */
  afterBlackArrow?(target: number): void;
  /**
   * For a shot of the tree that travels (Black Arrow, Withering Fire's arrows): the spec's impact
   * bits (Sim.landTag) that do afterHit's and, for Black Arrow, afterBlackArrow's work when it
   * lands (the spec's landed then calls DarkRanger.landed). Read when the shot is fired.
   */
  landTag?(hit: DarkRangerHit): number;
  /** Deathblow was granted (SimC trigger_deathblow; MM: Razor Fragments' buff). */
  onDeathblow?(): void;
  /** The spec's damage taken multiplier of `target` from the hunter now (MM: Lunar Storm, 450884 #1); absent = 1. */
  targetMult?(target: number): number;
  /** Shadow Hounds: the spec's multiplier on a guardian of 1 × the hunter's AP (BM 137015 #4, mastery; MM 137016 #3). */
  guardianMult(): number;
}

/**
 * The kinds of the tree's hits for the host's hooks (numbers: no string compared per hit): Black
 * Arrow's own hit, a shot (Withering Fire's arrows, Bleak Arrows, Bleak Powder, the crows' pecks:
 * direct hits of SimC's peck_t), a periodic one (the dot).
 */
export const DR_HIT_BLACK_ARROW = 0;
export const DR_HIT_SHOT = 1;
export const DR_HIT_DOT = 2;
export type DarkRangerHit = typeof DR_HIT_BLACK_ARROW | typeof DR_HIT_SHOT | typeof DR_HIT_DOT;

/** Spec event kind of the Dark Ranger helper (distinct from the specs' own kinds). */
export const DARK_RANGER_EVENT = 1000;

/**
 * Impact bits of the tree's shots that travel (Sim.landTag; above every spec's own bits, the lowest
 * of them Black Arrow's: a host asks DarkRanger.landed only for `tag >= DR_IMPACT_BLACK_ARROW`): what
 * SimC does at their impact, done by DarkRanger.landed when they land. A shot that does not
 * travel does it at once, where it did before (same order, same draws).
 */
/** Black Arrow (SimC black_arrow_t::impact): its dot (impact_action), Bleak Powder, Banshee's Mark. */
export const DR_IMPACT_BLACK_ARROW = 1 << 10;
/** A Withering Fire arrow (black_arrow_base_t: impact_action = the dot): the dot. */
export const DR_IMPACT_ARROW = 1 << 11;
/** Bleak Arrows (SimC bleak_arrows_t::impact): Deathblow's roll. */
export const DR_IMPACT_BLEAK = 1 << 12;
/** A hit of Phantom Pain's trigger (MM's Aimed Shot, SimC aimed_shot_base_t::impact): Phantom Pain. */
export const DR_IMPACT_PHANTOM = 1 << 13;
