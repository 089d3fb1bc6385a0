/**
 * Dark Ranger, the hero tree both hunter specs share here (BM and MM): its numbers as data and its
 * rules as a helper the spec logic calls at a few hook points (execute, Auto Shot, dot ticks,
 * spec events, damage multipliers). Modelled: Black Arrow (replaces Kill Shot: direct hit, 14 s
 * dot, usable above 80 % or below 20 % health or with Deathblow), Deathblow (the class talent
 * that resets it), Bleak Arrows, Ebon Bowstring, Withering Fire, The Bell Tolls, Soul Drinker and
 * Umbral Reach. How SimulationCraft does each and what is simplified: sim-core/docs/specs.md.
 *
 * Numbers: World of Warcraft 11.2.0.63003 spell data (SimulationCraft SpellDataDump/hunter.txt,
 * simc commit ab018d1176), cited as `spell id #effect`; the rules follow SimC's
 * engine/class_modules/sc_hunter.cpp at that commit (black_arrow_t, trigger_deathblow,
 * bleak_arrows_t, buffs.withering_fire, buffs.the_bell_tolls).
 */
import { EV_DOT_TICK, EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import type { TalentInfo } from '../../types.ts';
import { action, aura } from '../common.ts';
import type { ActionDef, AuraDef, DotDef, SourceDef } from '../spec-types.ts';

/** Numbers both specs share. */
export const DARK_RANGER = {
  blackArrowAp: 3.484, // 466930 Black Arrow, effect #1 (AP coeff, Shadow)
  blackArrowLowerPct: 20, // 466930 Black Arrow, effect #2 (usable at or below 20 % health)
  blackArrowUpperPct: 80, // 466930 Black Arrow, effect #3 (usable at or above 80 % health)
  blackArrowDotTickAp: 0.0325, // 468572 Black Arrow (dot), effect #1 (AP coeff per 1 s tick)
  witheringFireArrowAp: 1.742, // 468037 Black Arrow (Withering Fire), effect #1 (AP coeff; 466990 #4's 50 % already in it)
  witheringFireArrows: 2, // 466990 Withering Fire, effect #3 (2 additional Black Arrows)
  witheringFireTickMs: 4000, // 466991 Withering Fire, effect #4 (periodic every 4 s; BM only grants Deathblow on it)
  soulDrinker: 0.08, // 469638 Soul Drinker, effects #1/#2 (+8 % Black Arrow direct and periodic)
  umbralReachPeriodic: 1, // 1235397 Umbral Reach, effect #1 (+100 % Black Arrow periodic)
  ebonBowstringChance: 0.15, // 467897 Ebon Bowstring, effect #1 (15 % per Black Arrow cast)
  bellTollsMaxStacks: 10, // 1232992 The Bell Tolls: 10 stacks maximum (each its own 12 s, SimC ASYNCHRONOUS)
  bellTollsMs: 12_000, // 1232992 The Bell Tolls: duration 12 s
  deathblowMs: 12_000, // 378770 Deathblow: duration 12 s
} as const;

/** What differs by spec: the spec auras' Black Arrow effects, proc chances, the Withering Fire trigger. */
export interface DarkRangerSpecNumbers {
  /** Product of the spec-only modifiers on 466930 besides the spec logic's own spell multiplier. */
  blackArrowDirect: number;
  /** Product of the modifiers on 468037 (the Withering Fire arrow), mastery excluded. */
  witheringFireDirect: number;
  /** Product of the modifiers on 468572's ticks. */
  dotPeriodic: number;
  /** Mastery (in the spec's percent) applies to 468572's ticks (MM 193468 #4 yes, BM 76657 #6 no). */
  masteryOnDot: boolean;
  /** The Bell Tolls: damage per stack on the hunter's spells (and BM pets). */
  bellTollsPerStack: number;
  /** Deathblow chance of the spec's trigger (BM Kill Command, MM Aimed Shot). */
  deathblowChance: number;
  /** Bleak Arrows: Deathblow chance per Auto Shot. */
  bleakArrowsDeathblow: number;
  /** Withering Fire lasts as long as the spec's cooldown (BM Call of the Wild, MM Trueshot). */
  witheringFireMs: number;
  /** BM gains Deathblow on each 4 s tick of Withering Fire (SimC set_tick_callback, BM only). */
  witheringFireTicks: boolean;
}

export const DARK_RANGER_BM: DarkRangerSpecNumbers = {
  // 137015 Beast Mastery Hunter, effects #7 (+40 %) and #8 (-28 %) (Kill Shot and Black Arrow) and #10 (+20 %)
  blackArrowDirect: (1 + 0.4) * (1 - 0.28) * (1 + 0.2),
  // 137015 effects #1 (-6 %) and #10 (+20 %); Bestial Wrath comes from the host
  witheringFireDirect: (1 - 0.06) * (1 + 0.2),
  dotPeriodic: 1 + 0.2, // 137015 Beast Mastery Hunter, effect #11 (+20 % periodic on 468572)
  masteryOnDot: false, // 76657 effect #6 does not list 468572
  // 1232992 The Bell Tolls, effect #1 (3 %) + 137015 Beast Mastery Hunter, effect #14 (+3): 6 % per stack
  bellTollsPerStack: 0.06,
  deathblowChance: 0.1, // 343248 Deathblow, effect #2 (Kill Command, BM)
  bleakArrowsDeathblow: 0.2, // 467749 Bleak Arrows, effect #1 (BM)
  witheringFireMs: 20_000, // SimC: Call of the Wild's buff duration, 359844 Call of the Wild: 20 s
  witheringFireTicks: true,
};

export const DARK_RANGER_MM: DarkRangerSpecNumbers = {
  // 137016 Marksmanship Hunter, effects #9 (+7 %) and #13 (+4 %); spec aura #1, Lone Wolf and mastery come from the host
  blackArrowDirect: (1 + 0.07) * (1 + 0.04),
  // 137016 effects #1 (-4 %) and #13 (+4 %), 155228 Lone Wolf, effect #1 (+5 %); 193468 #2 does not list 468037
  witheringFireDirect: (1 - 0.04) * (1 + 0.04) * (1 + 0.05),
  dotPeriodic: 1 + 0.04, // 137016 Marksmanship Hunter, effect #14 (+4 % periodic on 468572)
  masteryOnDot: true, // 193468 Mastery: Sniper Training, effect #4 (periodic, family flag 91)
  bellTollsPerStack: 0.03, // 1232992 The Bell Tolls, effect #1 (3 %; 137016 has no modifier for it)
  deathblowChance: 0.1, // 343248 Deathblow, effect #1 (Aimed Shot, MM; Improved Deathblow not modelled)
  bleakArrowsDeathblow: 0.08, // 467749 Bleak Arrows, effect #2 (MM)
  witheringFireMs: 15_000, // SimC: Trueshot's data duration, 288613 Trueshot: 15 s
  witheringFireTicks: false,
};

export const BLACK_ARROW = action({
  id: 466930,
  key: 'black_arrow',
  name: 'Black Arrow',
  description:
    'Replaces Kill Shot: Shadow damage plus a 14 sec Shadow dot; usable above 80% or below 20% health, or with Deathblow.',
  school: 'shadow',
  cost: 10, // 466930 Black Arrow: 10 Focus
  cooldownMs: 10_000, // 466930 Black Arrow: 1 charge, 10 s (category 1873, not hasted)
  talent: 'black_arrow',
});

export const DARK_RANGER_ACTIONS: ActionDef[] = [BLACK_ARROW];

export const DARK_RANGER_SOURCES: SourceDef[] = [
  { key: 'black_arrow', name: 'Black Arrow', school: 'shadow' },
  { key: 'black_arrow_dot', name: 'Black Arrow (DoT)', school: 'shadow' },
  { key: 'black_arrow_withering_fire', name: 'Black Arrow: Withering Fire', school: 'shadow' },
  { key: 'bleak_arrows', name: 'Bleak Arrows', school: 'shadow' },
];

export const DARK_RANGER_BUFFS: AuraDef[] = [
  aura({
    id: 378770,
    key: 'deathblow',
    name: 'Deathblow',
    description: 'Your next Black Arrow (or Kill Shot) can be used regardless of the target’s health.',
    durationMs: DARK_RANGER.deathblowMs,
  }),
  aura({
    id: 466991,
    key: 'withering_fire',
    name: 'Withering Fire',
    description: 'Black Arrow fires 2 additional Black Arrows at 50% effectiveness.',
    durationMs: 20_000, // 466991 Withering Fire: duration 20 s (applied for the spec's cooldown duration)
  }),
];

export const DARK_RANGER_DOTS: DotDef[] = [
  {
    id: 468572,
    key: 'black_arrow',
    name: 'Black Arrow',
    description: 'Suffering Shadow damage every 1 sec.',
    durationMs: 14_000, // 468572 Black Arrow: duration 14 s
    maxStacks: 1,
    tickMs: 1000, // 468572 Black Arrow, effect #1 (every 1 s; SimC hasted_ticks = false)
    source: 'black_arrow_dot',
  },
];

/** Talents of the Dark Ranger tree (and the class tree's Deathblow) that the model has. */
export const DARK_RANGER_TALENTS: TalentInfo[] = [
  {
    key: 'black_arrow',
    name: 'Black Arrow',
    description: 'Dark Ranger keystone: Kill Shot is replaced with Black Arrow.',
    spellId: 466932,
  },
  {
    key: 'deathblow',
    name: 'Deathblow',
    description:
      'Kill Command (BM) or Aimed Shot (MM) has a 10% chance to reset Black Arrow / Kill Shot and make it usable at any health.',
    spellId: 343248,
  },
  {
    key: 'bleak_arrows',
    name: 'Bleak Arrows',
    description: 'Auto Shot deals Shadow damage (no armor) and may grant Deathblow (20% BM, 8% MM).',
    spellId: 467749,
  },
  {
    key: 'ebon_bowstring',
    name: 'Ebon Bowstring',
    description: 'Casting Black Arrow has a 15% chance to grant Deathblow.',
    spellId: 467897,
  },
  {
    key: 'withering_fire',
    name: 'Withering Fire',
    description:
      'During Call of the Wild (BM) or Trueshot (MM), Black Arrow fires 2 more arrows; Deathblow at once (and every 4 sec for BM).',
    spellId: 466990,
  },
  {
    key: 'the_bell_tolls',
    name: 'The Bell Tolls',
    description:
      'Black Arrow increases your damage (and BM pets’) by 6% (BM) or 3% (MM) for 12 sec; overlaps.',
    spellId: 467644,
  },
  {
    key: 'soul_drinker',
    name: 'Soul Drinker',
    description: 'Black Arrow damage increased by 8%.',
    spellId: 469638,
  },
  {
    key: 'umbral_reach',
    name: 'Umbral Reach',
    description: 'Black Arrow periodic damage increased by 100% (Bleak Powder part not modelled).',
    spellId: 1235397,
  },
];

/** What the spec logic gives the Dark Ranger helper. */
export interface DarkRangerHost {
  /** The spec's multiplier on the hunter's spells now, without mastery (BM Bestial Wrath; MM 1). */
  buffMult(): number;
  /** Mastery on 466930 as a fraction (BM 76657 #5 on the hunter's spells; MM 193468 #2). */
  spellMastery(): number;
  /** The spec's generic multiplier on 466930 (spec aura #1; MM Lone Wolf), mastery excluded. */
  spellAura(): number;
  /** Extra crit chance on the hunter's shots now (BM Thrill of the Hunt, MM Trueshot). */
  shotCrit(): number;
  /** Extra crit chance on the dot now (BM 0: 257946 does not list 468572; MM Trueshot). */
  dotCrit(): number;
}

/** Spec event kind of the Dark Ranger helper (distinct from the specs' own kinds). */
export const DARK_RANGER_EVENT = 1000;

/** The Dark Ranger rules of one Sim (no-ops when the loadout has none of its talents). */
export class DarkRanger {
  readonly blackArrow: boolean;
  readonly deathblow: boolean;
  readonly bleakArrows: boolean;
  private readonly ebonBowstring: boolean;
  private readonly witheringFire: boolean;
  private readonly bellTolls: boolean;
  private readonly soulDrinker: number;
  private readonly umbralReach: number;
  private readonly a: { ba: number; killShot: number };
  private readonly src: { ba: number; dot: number; wf: number; bleak: number };
  private readonly buff: { deathblow: number; wf: number };
  private readonly dot: number;
  private readonly bellExpires = new Float64Array(DARK_RANGER.bellTollsMaxStacks);
  /** Generation of the Withering Fire tick chain (a new Withering Fire restarts it). */
  private wfGen = 0;

  constructor(
    private readonly sim: Sim,
    private readonly n: DarkRangerSpecNumbers,
    private readonly host: DarkRangerHost,
  ) {
    const d = sim.data;
    this.blackArrow = sim.hasTalent('black_arrow');
    this.deathblow = sim.hasTalent('deathblow');
    this.bleakArrows = sim.hasTalent('bleak_arrows');
    this.ebonBowstring = sim.hasTalent('ebon_bowstring');
    this.witheringFire = this.blackArrow && sim.hasTalent('withering_fire');
    this.bellTolls = this.blackArrow && sim.hasTalent('the_bell_tolls');
    this.soulDrinker = sim.hasTalent('soul_drinker') ? 1 + DARK_RANGER.soulDrinker : 1;
    this.umbralReach = sim.hasTalent('umbral_reach') ? 1 + DARK_RANGER.umbralReachPeriodic : 1;
    this.a = { ba: Sim.indexOf(d.actions, 'black_arrow'), killShot: Sim.indexOf(d.actions, 'kill_shot') };
    this.src = {
      ba: Sim.indexOf(d.sources, 'black_arrow'),
      dot: Sim.indexOf(d.sources, 'black_arrow_dot'),
      wf: Sim.indexOf(d.sources, 'black_arrow_withering_fire'),
      bleak: Sim.indexOf(d.sources, 'bleak_arrows'),
    };
    this.buff = { deathblow: Sim.indexOf(d.buffs, 'deathblow'), wf: Sim.indexOf(d.buffs, 'withering_fire') };
    this.dot = Sim.indexOf(d.dots, 'black_arrow');
    if (this.blackArrow || this.deathblow) sim.usable = (a) => this.usable(a);
  }

  /** Black Arrow replaces Kill Shot (466932 #1): Kill Shot is not known with it. */
  known(a: number): boolean {
    return !(this.blackArrow && a === this.a.killShot);
  }

  start(): void {
    this.bellExpires.fill(0);
    this.wfGen++;
  }

  /** The health rules (engine hook Sim.usable): Black Arrow's, and Kill Shot's with Deathblow. */
  private usable(a: number): boolean {
    const sim = this.sim;
    if (a === this.a.ba) {
      if (sim.buffs.up(this.buff.deathblow, sim.now)) return true;
      const h = sim.healthPct();
      return h <= DARK_RANGER.blackArrowLowerPct || h >= DARK_RANGER.blackArrowUpperPct;
    }
    if (sim.now >= sim.executeFrom[a]!) return true;
    return a === this.a.killShot && sim.buffs.up(this.buff.deathblow, sim.now);
  }

  /** SimC trigger_deathblow: the buff, and the execute shot's cooldown reset. */
  private grantDeathblow(): void {
    if (!this.deathblow) return;
    const sim = this.sim;
    sim.applyBuff(this.buff.deathblow, 1, 0);
    sim.cds.addCharge(this.blackArrow ? this.a.ba : this.a.killShot, sim.now);
    sim.poke();
  }

  /** The spec's Deathblow trigger was cast (BM Kill Command, MM Aimed Shot). */
  onDeathblowTrigger(): void {
    if (this.deathblow && this.sim.rng.next() < this.n.deathblowChance) this.grantDeathblow();
  }

  /** Kill Shot executed: it consumes Deathblow (SimC kill_shot_base_t::execute). */
  onKillShot(): void {
    if (this.deathblow) this.sim.removeBuff(this.buff.deathblow);
  }

  /** The spec's big cooldown (BM Call of the Wild, MM Trueshot) was cast: Withering Fire. */
  onWitheringFireTrigger(): void {
    if (!this.witheringFire) return;
    const sim = this.sim;
    sim.applyBuff(this.buff.wf, 1, this.n.witheringFireMs);
    this.grantDeathblow();
    if (this.n.witheringFireTicks) {
      const gen = ++this.wfGen;
      const step = DARK_RANGER.witheringFireTickMs;
      for (let t = step; t < this.n.witheringFireMs; t += step)
        sim.q.push(sim.now + t, PRIO_DEFAULT, EV_SPEC, DARK_RANGER_EVENT, gen);
    }
  }

  /** A spec event; returns true when it was the helper's. */
  specEvent(kind: number, gen: number): boolean {
    if (kind !== DARK_RANGER_EVENT) return false;
    if (gen === this.wfGen) this.grantDeathblow();
    return true;
  }

  /** The Bell Tolls multiplier now (1 without the talent). */
  bellTollsMult(): number {
    if (!this.bellTolls) return 1;
    const now = this.sim.now;
    let stacks = 0;
    for (let i = 0; i < this.bellExpires.length; i++) if (this.bellExpires[i]! > now) stacks++;
    return 1 + stacks * this.n.bellTollsPerStack;
  }

  private ringBell(): void {
    let oldest = 0;
    for (let i = 1; i < this.bellExpires.length; i++)
      if (this.bellExpires[i]! < this.bellExpires[oldest]!) oldest = i;
    this.bellExpires[oldest] = this.sim.now + DARK_RANGER.bellTollsMs;
  }

  /**
   * Auto Shot (or Bleak Arrows with the talent: Shadow, so no armor; 467718 #1 weapon damage 100 %,
   * the same modifiers as Auto Shot). Returns 1 on a crit, like Sim.hit.
   */
  autoShot(autoSource: number, amount: number, critBonus: number): number {
    const sim = this.sim;
    const m = amount * this.bellTollsMult();
    if (!this.bleakArrows) return sim.hit(autoSource, 0, m, true, critBonus);
    const crit = sim.hit(this.src.bleak, 0, m, false, critBonus);
    if (this.deathblow && sim.rng.next() < this.n.bleakArrowsDeathblow) this.grantDeathblow();
    return crit;
  }

  /** Executes Black Arrow; returns false for any other action. */
  execute(a: number, target: number): boolean {
    if (a !== this.a.ba) return false;
    const sim = this.sim;
    const host = this.host;
    const ap = sim.ap;
    const bell = this.bellTollsMult();
    const direct =
      DARK_RANGER.blackArrowAp *
      ap *
      host.spellAura() *
      (1 + host.spellMastery()) *
      host.buffMult() *
      this.n.blackArrowDirect *
      this.soulDrinker *
      bell;
    sim.hit(this.src.ba, target, direct, false, host.shotCrit());
    this.applyDot(target);
    if (this.deathblow) sim.removeBuff(this.buff.deathblow);
    if (this.ebonBowstring && sim.rng.next() < DARK_RANGER.ebonBowstringChance) this.grantDeathblow();
    if (this.witheringFire && sim.buffs.up(this.buff.wf, sim.now)) {
      const arrow =
        DARK_RANGER.witheringFireArrowAp *
        ap *
        host.buffMult() *
        this.n.witheringFireDirect *
        this.soulDrinker *
        bell;
      // SimC: the target list with the primary first, then targets without the dot; arrow k hits
      // list[k % n] (k = 1, 2), so one target takes both.
      for (let k = 1; k <= DARK_RANGER.witheringFireArrows; k++) {
        const t = this.barrageTarget(target, k);
        sim.hit(this.src.wf, t, arrow, false, host.shotCrit());
        this.applyDot(t);
      }
    }
    if (this.bellTolls) this.ringBell();
    return true;
  }

  /** Target k (1-based) of the Withering Fire barrage: primary first, then targets without the dot. */
  private barrageTarget(primary: number, k: number): number {
    const sim = this.sim;
    const n = sim.targets;
    const idx = k % n;
    if (idx === 0) return primary;
    let seen = 0;
    // without the dot first, then with it (stable order), the primary excluded
    for (let pass = 0; pass < 2; pass++) {
      for (let t = 0; t < n; t++) {
        if (t === primary) continue;
        const ticking = sim.dots.up(this.dot * MAX_TARGETS + t, sim.now);
        if ((pass === 0) === ticking) continue;
        if (++seen === idx) return t;
      }
    }
    return primary;
  }

  /** 468572 on `target`: not hasted (SimC hasted_ticks = false), pandemic refresh, snapshot at application. */
  private applyDot(target: number): void {
    const sim = this.sim;
    const tick =
      DARK_RANGER.blackArrowDotTickAp *
      sim.ap *
      this.n.dotPeriodic *
      (this.n.masteryOnDot ? 1 + this.host.spellMastery() : 1) *
      this.soulDrinker *
      this.umbralReach;
    const slot = this.dot * MAX_TARGETS + target;
    const first = sim.dots.applyDot(this.dot, slot, sim.now, 1, tick);
    if (first >= 0) sim.q.push(first, PRIO_DEFAULT, EV_DOT_TICK, slot, sim.dots.gen[slot]!);
  }

  /** A dot ticked; returns false when it is not Black Arrow's. */
  dotTick(dot: number, target: number, amount: number): boolean {
    if (dot !== this.dot) return false;
    this.sim.hit(this.src.dot, target, amount, false, this.host.dotCrit());
    return true;
  }
}
