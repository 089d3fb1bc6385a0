/**
 * Dark Ranger, the hero tree both hunter specs share here (BM and MM): its rules as a helper the
 * spec logic calls at a few hook points (execute, Auto Shot, dot ticks, spec events, damage
 * multipliers); its numbers are in ./dark-ranger-data.ts. Modelled: Black Arrow (replaces Kill
 * Shot: direct hit, 14 s dot, usable above 80 % or below 20 % health or with Deathblow), Deathblow
 * (the class talent that resets it), Bleak Arrows, Ebon Bowstring, Withering Fire, The Bell Tolls,
 * Soul Drinker, Umbral Reach, Bleak Powder and Banshee's Mark, Phantom Pain (./phantom-pain.ts),
 * Shadow Hounds (./shadow-hounds.ts); The War Within season 3 set (./dark-ranger-set.ts). How SimulationCraft does each and what is simplified: sim-core/docs/specs.md.
 *
 * Numbers: World of Warcraft 11.2.0.63003 spell data (SimulationCraft SpellDataDump/hunter.txt,
 * simc commit ab018d1176), cited as `spell id #effect`; the rules follow SimC's
 * engine/class_modules/sc_hunter.cpp at that commit (black_arrow_t, trigger_deathblow,
 * bleak_arrows_t, buffs.withering_fire, buffs.the_bell_tolls, a_murder_of_crows_t).
 */
import { EV_DOT_TICK, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { CANNOT_CRIT, Sim } from '../../engine/sim.ts';
import type { HealthRule } from '../../engine/spec-logic.ts';
import { DARK_RANGER, type DarkRangerSpecNumbers } from './dark-ranger-data.ts';
import {
  DARK_RANGER_EVENT,
  DR_HIT_BLACK_ARROW,
  DR_HIT_DOT,
  DR_HIT_SHOT,
  DR_IMPACT_ARROW,
  DR_IMPACT_BLACK_ARROW,
  DR_IMPACT_BLEAK,
  DR_IMPACT_PHANTOM,
  type DarkRangerHit,
  type DarkRangerHost,
} from './dark-ranger-contract.ts';
import { DarkRangerSet } from './dark-ranger-set.ts';
import { PhantomPain } from './phantom-pain.ts';
import { ShadowHounds } from './shadow-hounds.ts';
import { BellTolls } from './the-bell-tolls.ts';
import { WitheringFireTicks } from './withering-fire.ts';

export * from './dark-ranger-data.ts';
export * from './dark-ranger-contract.ts';

/** The Dark Ranger rules of one Sim (no-ops when the loadout has none of its talents). */
export class DarkRanger implements HealthRule {
  readonly blackArrow: boolean;
  readonly deathblow: boolean;
  readonly bleakArrows: boolean;
  private readonly ebonBowstring: boolean;
  private readonly witheringFire: boolean;
  private readonly soulDrinker: number;
  private readonly soulDrinkerPowder: number;
  private readonly umbralReach: number;
  private readonly bansheesMark: boolean;
  private readonly bleakPowder: boolean;
  /** Umbral Reach's spread and buff (index in the spec's buffs or pet buffs; -1 = none). */
  private readonly umbralSpread: boolean;
  private readonly umbralBuff: number;
  /** Phantom Pain (./phantom-pain.ts): `on` false without the talent. */
  readonly phantomPain: PhantomPain;
  /** Shadow Hounds (./shadow-hounds.ts): `on` false without the talent (no draw). */
  readonly hounds: ShadowHounds;
  private readonly a: { ba: number; killShot: number };
  private readonly src: {
    ba: number;
    dot: number;
    wf: number;
    bleak: number;
    crows: number;
    powder: number;
  };
  private readonly buff: { deathblow: number; wf: number };
  private readonly dot: number;
  private readonly crows: number;
  /** Internal cooldowns (ms at which each can fire again). */
  private bansheeReady = 0;
  private powderReady = 0;
  /** SimC cooldown_t::reset_react: a Deathblow's reset of the execute shot is seen only from here on. */
  private resetReactAt = 0;
  /** The Bell Tolls' stacks (./the-bell-tolls.ts). */
  private readonly bell: BellTolls;
  /** Withering Fire's ticks (./withering-fire.ts). */
  private readonly wfTicks: WitheringFireTicks;
  /** The War Within season 3 set (./dark-ranger-set.ts): multipliers of 1 and no draws without it. */
  private readonly set: DarkRangerSet;

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
    this.bell = new BellTolls(sim, this.blackArrow && sim.hasTalent('the_bell_tolls'), n.bellTollsPerStack);
    this.wfTicks = new WitheringFireTicks(sim, n.witheringFireTicks, n.witheringFireMs, DARK_RANGER_EVENT);
    this.set = new DarkRangerSet(sim, n, this.blackArrow);
    const hounds = this.blackArrow && sim.hasTalent('shadow_hounds');
    this.hounds = new ShadowHounds(sim, hounds, host);
    this.soulDrinker = sim.hasTalent('soul_drinker') ? 1 + DARK_RANGER.soulDrinker : 1;
    this.soulDrinkerPowder = sim.hasTalent('soul_drinker') ? 1 + DARK_RANGER.soulDrinkerBleakPowder : 1;
    this.umbralReach = sim.hasTalent('umbral_reach') ? 1 + DARK_RANGER.umbralReachPeriodic : 1;
    this.bansheesMark = this.blackArrow && sim.hasTalent('banshees_mark');
    this.bleakPowder = this.blackArrow && sim.hasTalent('bleak_powder');
    this.umbralSpread = this.bleakPowder && sim.hasTalent('umbral_reach');
    const ub = n.umbralReachBuff;
    this.umbralBuff =
      this.umbralSpread && (ub.talent === undefined || sim.hasTalent(ub.talent))
        ? d[ub.list].findIndex((b) => b.key === ub.key)
        : -1;
    this.a = { ba: Sim.indexOf(d.actions, 'black_arrow'), killShot: Sim.indexOf(d.actions, 'kill_shot') };
    this.src = {
      ba: Sim.indexOf(d.sources, 'black_arrow'),
      dot: Sim.indexOf(d.sources, 'black_arrow_dot'),
      wf: Sim.indexOf(d.sources, 'black_arrow_withering_fire'),
      bleak: Sim.indexOf(d.sources, 'bleak_arrows'),
      crows: Sim.indexOf(d.sources, 'a_murder_of_crows'),
      powder: Sim.indexOf(d.sources, 'bleak_powder'),
    };
    this.buff = { deathblow: Sim.indexOf(d.buffs, 'deathblow'), wf: Sim.indexOf(d.buffs, 'withering_fire') };
    // the execute shot waits for the player to react to Deathblow (usable below): its stacks draw
    // a reaction time whatever the rotation reads (Sim.applyBuff, SimState.buffReactable)
    if (this.deathblow) sim.buffReactable[this.buff.deathblow] = 1;
    this.dot = Sim.indexOf(d.dots, 'black_arrow');
    this.phantomPain = new PhantomPain(
      sim,
      this.blackArrow && sim.hasTalent('phantom_pain'),
      n.phantomPainShare,
      this.dot,
    );
    this.crows = Sim.indexOf(d.dots, 'a_murder_of_crows');
    if (this.blackArrow || this.deathblow) {
      sim.healthRule = this;
      // its own rules are for the execute shots; any other action it leaves to inExecuteRange
      sim.usableFor[this.a.ba] = 1;
      sim.usableFor[this.a.killShot] = 1;
    }
  }

  /** Black Arrow replaces Kill Shot (466932 #1): Kill Shot is not known with it. */
  known(a: number): boolean {
    return !(this.blackArrow && a === this.a.killShot);
  }

  start(): void {
    this.bell.start();
    this.wfTicks.start();
    this.set.start();
    if (this.hounds.on) this.hounds.start();
    this.bansheeReady = 0;
    this.powderReady = 0;
    this.resetReactAt = 0;
  }

  /**
   * The health rules (engine hook Sim.healthRule, their only place for both specs): Black Arrow's, and
   * Deathblow's (378770: the execute shot, Kill Shot or Black Arrow, at any health).
   */
  usable(a: number, target: number): boolean {
    const sim = this.sim;
    if (a === this.a.ba || a === this.a.killShot) {
      // SimC kill_shot_base_t::ready (cooldown reset_react) and target_ready (deathblow may_react)
      if (sim.now < this.resetReactAt) return false;
      if (sim.buffs.reactStack(this.buff.deathblow, sim.now) > 0) return true;
    }
    if (a === this.a.ba) {
      const h = sim.healthPctOf(target);
      return h <= DARK_RANGER.blackArrowLowerPct || h >= DARK_RANGER.blackArrowUpperPct;
    }
    return sim.inExecuteRange(a, target);
  }

  /**
   * SimC trigger_deathblow: the buff, and the execute shot's (Black Arrow's or Kill Shot's) cooldown
   * reset. Both wait for a reaction time (the buff's may_react, the cooldown's reset_react when it
   * was down) unless `activated` (SimC trigger_deathblow( true ): Withering Fire's, Ebon Bowstring's).
   */
  grantDeathblow(activated = false): void {
    if (!this.deathblow) return;
    const sim = this.sim;
    const cd = this.blackArrow ? this.a.ba : this.a.killShot;
    const wasDown = sim.cds.chargesAt(cd, sim.now) === 0;
    sim.applyBuff(this.buff.deathblow, 1, 0);
    if (activated) sim.buffs.delayReaction(this.buff.deathblow, sim.now, 0, -1); // seen at once
    this.host.onDeathblow?.();
    sim.cds.addCharge(cd, sim.now);
    if (activated) this.resetReactAt = 0;
    else if (wasDown && sim.reactionOn) this.resetReactAt = sim.now + sim.reactionMs();
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
    const started = !sim.buffs.up(this.buff.wf, sim.now);
    sim.applyBuff(this.buff.wf, 1, this.n.witheringFireMs);
    this.grantDeathblow(true);
    // SimC's stack change callback (from 0): after its Deathblow, the 4pc's Blighted Quiver is spent
    if (started) this.set.onWitheringFireStart();
    this.wfTicks.trigger();
  }

  /** Ms until the next tick of `buff` if it is Withering Fire and ticks (BM), else 0. */
  tickRemainsMs(buff: number): number {
    return buff === this.buff.wf ? this.wfTicks.remainsMs(this.sim.buffs.up(buff, this.sim.now)) : 0;
  }

  /** A spec event; returns true when it was the helper's (a Withering Fire tick: Deathblow; a hound's swing). */
  specEvent(kind: number, gen: number): boolean {
    if (kind !== DARK_RANGER_EVENT) return this.hounds.on && this.hounds.specEvent(kind, gen);
    if (this.wfTicks.current(gen)) this.grantDeathblow();
    return true;
  }

  /** The Bell Tolls multiplier now (1 without the talent). */
  bellTollsMult(): number {
    return this.bell.mult();
  }

  /**
   * Auto Shot (or Bleak Arrows with the talent: Shadow, so no armor; 467718 #1 weapon damage 100 %,
   * the same modifiers as Auto Shot). `specTag`: the spec's impact bits of the shot (Wild Call,
   * Lock and Load). Returns -1 when the shot carries them (the spec's landed does them), else the
   * crit (1 or 0, like Sim.hit) of a Bleak Arrow that did not travel: the spec does them now,
   * after its Deathblow roll (as before travel time).
   */
  autoShot(autoSource: number, amount: number, critBonus: number, specTag: number): number {
    const sim = this.sim;
    const m = amount * this.bellTollsMult();
    if (!this.bleakArrows) {
      sim.landTag = specTag;
      sim.hit(autoSource, 0, m, true, critBonus);
      return -1;
    }
    const cd = this.host.critDamage?.(DR_HIT_SHOT) ?? 1;
    const mt = m * (this.host.targetMult?.(0) ?? 1);
    if (this.travels(this.src.bleak)) {
      // SimC bleak_arrows_t::impact: auto_shot_base_t's (the spec's bits), then Deathblow's roll
      sim.landTag = specTag | (this.deathblow ? DR_IMPACT_BLEAK : 0);
      sim.hit(this.src.bleak, 0, mt, false, critBonus, cd);
      return -1;
    }
    const crit = sim.hit(this.src.bleak, 0, mt, false, critBonus, cd);
    this.bleakDeathblow();
    return crit;
  }

  /** Bleak Arrows' Deathblow roll (467749 #1 BM / #2 MM). */
  private bleakDeathblow(): void {
    if (this.deathblow && this.sim.rng.next() < this.n.bleakArrowsDeathblow) this.grantDeathblow();
  }

  /** Whether a hit of `src` fired now travels (the engine's rule: a shot's, with a missile speed). */
  private travels(src: number): boolean {
    return this.sim.travelOn === 1 && this.sim.srcTravelMs[src]! > 0;
  }

  /**
   * A shot of the tree landed on a living target with `tag`'s DR_IMPACT_* bits (the spec's landed
   * calls this after its own impacts): what SimC does at its impact.
   */
  landed(target: number, tag: number, damage: number): void {
    if ((tag & DR_IMPACT_PHANTOM) !== 0) this.phantomPain.hit(target, damage);
    if ((tag & DR_IMPACT_BLACK_ARROW) !== 0) {
      this.applyBlackArrowDot(target);
      this.blackArrowImpact(target);
    }
    if ((tag & DR_IMPACT_ARROW) !== 0) this.applyBlackArrowDot(target);
    if ((tag & DR_IMPACT_BLEAK) !== 0) this.bleakDeathblow();
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
      bell *
      (host.blackArrowMult?.() ?? 1) *
      this.set.blackArrow;
    // SimC black_arrow_t::impact when it lands (DR_IMPACT_BLACK_ARROW): the dot, Bleak Powder,
    // Banshee's Mark; the spec's impact bits (landTag) do afterHit's and afterBlackArrow's work.
    const travels = this.travels(this.src.ba);
    if (travels) this.fireTraveling(this.src.ba, target, direct, DR_IMPACT_BLACK_ARROW, DR_HIT_BLACK_ARROW);
    else {
      this.hit(this.src.ba, target, direct, host.shotCrit(), DR_HIT_BLACK_ARROW);
      host.afterBlackArrow?.(target);
      this.applyBlackArrowDot(target);
    }
    if (this.deathblow) sim.removeBuff(this.buff.deathblow);
    this.set.onBlackArrow(); // SimC kill_shot_base_t::execute: after Deathblow, before Ebon Bowstring
    if (this.ebonBowstring && sim.rng.next() < DARK_RANGER.ebonBowstringChance) this.grantDeathblow(true);
    if (this.witheringFire && sim.buffs.up(this.buff.wf, sim.now)) {
      const arrow =
        DARK_RANGER.witheringFireArrowAp *
        ap *
        host.buffMult() *
        this.n.witheringFireDirect *
        this.soulDrinker *
        bell *
        this.set.witheringFire;
      // SimC: the target list with the primary first, then targets without the dot; arrow k hits
      // list[k % n] (k = 1, 2, and one more per Blighted Quiver stack taken), so one target may take several.
      const arrows = DARK_RANGER.witheringFireArrows + this.set.extraArrows;
      for (let k = 1; k <= arrows; k++) {
        const t = this.barrageTarget(target, k);
        if (this.travels(this.src.wf))
          this.fireTraveling(this.src.wf, t, arrow, DR_IMPACT_ARROW, DR_HIT_SHOT);
        else {
          this.hit(this.src.wf, t, arrow, host.shotCrit(), DR_HIT_SHOT);
          this.applyBlackArrowDot(t);
        }
      }
    }
    this.bell.ring();
    if (!travels) this.blackArrowImpact(target); // at once, after the new Bell Tolls stack
    return true;
  }

  /** SimC black_arrow_t::impact after the dot: Bleak Powder, Banshee's Mark (each with its 0.7 s ICD). */
  private blackArrowImpact(target: number): void {
    const sim = this.sim;
    if (this.bleakPowder && sim.now >= this.powderReady) {
      this.powderReady = sim.now + DARK_RANGER.bleakPowderIcdMs;
      this.bleakPowderHit(target);
    }
    if (
      this.bansheesMark &&
      sim.rng.next() < DARK_RANGER.bansheesMarkChance &&
      sim.now >= this.bansheeReady
    ) {
      this.bansheeReady = sim.now + DARK_RANGER.bansheesMarkIcdMs;
      this.applyDot(this.crows, target, 1); // each tick's peck is computed when it lands
    }
  }

  /**
   * A shot of the tree that travels: rolled now, `drTag` (DR_IMPACT_*) and the spec's bits for
   * `kind` (DarkRangerHost.landTag: its afterHit work) done when it lands.
   */
  private fireTraveling(
    src: number,
    target: number,
    amount: number,
    drTag: number,
    kind: DarkRangerHit,
  ): void {
    const host = this.host;
    const critBonus = host.shotCrit();
    const tag = drTag | (host.landTag?.(kind) ?? 0);
    this.sim.landTag = tag;
    const m = amount * (host.targetMult?.(target) ?? 1);
    this.sim.hit(src, target, m, false, critBonus, host.critDamage?.(kind) ?? 1);
  }

  /**
   * Bleak Powder (472084 / 467914 #1): every enemy but the primary, reduced beyond 8 (467911 #2).
   * BM 137015 #1 / MM 137016 #1, mastery (76657 #7 / 193468 #5 by label),
   * Bestial Wrath, Soul Drinker #3, The Bell Tolls.
   */
  private bleakPowderHit(primary: number): void {
    const sim = this.sim;
    const others = sim.targets - 1;
    if (others <= 0) return;
    const host = this.host;
    const amount =
      this.n.bleakPowderAp *
      sim.ap *
      host.spellAura() *
      (1 + host.spellMastery()) *
      host.buffMult() *
      this.soulDrinkerPowder *
      this.bellTollsMult() *
      aoeScale(others, DARK_RANGER.bleakPowderAoeCap) *
      this.set.bleakPowder;
    const crit = host.shotCrit();
    for (let t = 0; t < sim.targets; t++) {
      if (t === primary) continue;
      this.hit(this.src.powder, t, amount, crit, DR_HIT_SHOT);
      if (this.umbralSpread) this.applyBlackArrowDot(t);
    }
    if (this.umbralBuff >= 0 && others >= DARK_RANGER.umbralReachTargets) {
      if (this.n.umbralReachBuff.list === 'buffs') sim.applyBuff(this.umbralBuff, 1, 0);
      else sim.petBuffs.apply(this.umbralBuff, this.umbralBuff, sim.now, 1, 0);
    }
  }

  /** A peck of A Murder of Crows (131900 #1, Shadow by 467902 #1), computed when it lands. */
  private peck(target: number, fraction: number): void {
    const sim = this.sim;
    const host = this.host;
    // BM 137015 #1, 76657 #3 (1.9 %/point); MM 137016 #1, 193468 #2; Bestial Wrath; The Bell Tolls
    const amount =
      DARK_RANGER.crowsPeckAp *
      sim.ap *
      host.spellAura() *
      (1 + sim.masteryPct / 100) *
      host.buffMult() *
      this.bellTollsMult() *
      fraction;
    // SimC peck_t: a hunter_ranged_attack_t dealing 131900 as a direct hit (the dot's tick_action),
    // so a shot for the host: Trueshot's crit damage (288613 #5 lists 131900), Bullseye's proc
    this.hit(this.src.crows, target, amount, host.shotCrit(), DR_HIT_SHOT);
  }

  /** A Shadow hit of the tree (no armor), with the host's crit damage and after-hit rules. */
  private hit(src: number, target: number, amount: number, critBonus: number, kind: DarkRangerHit): void {
    const host = this.host;
    const m = amount * (host.targetMult?.(target) ?? 1);
    const crit = this.sim.hit(src, target, m, false, critBonus, host.critDamage?.(kind) ?? 1);
    host.afterHit?.(target, crit, kind === DR_HIT_DOT);
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
  private applyBlackArrowDot(target: number): void {
    const tick =
      DARK_RANGER.blackArrowDotTickAp *
      this.sim.ap *
      this.n.dotPeriodic *
      (this.n.masteryOnDot ? 1 + this.host.spellMastery() : 1) *
      this.soulDrinker *
      this.umbralReach *
      this.set.periodic;
    this.applyDot(this.dot, target, tick);
  }

  /** An unhasted dot of the helper (ticks at the base interval whatever the haste). */
  private applyDot(dot: number, target: number, tick: number): void {
    const sim = this.sim;
    const slot = dot * MAX_TARGETS + target;
    const first = sim.dots.applyDot(dot, slot, sim.now, 1, tick);
    if (first >= 0) sim.q.push(first, PRIO_DEFAULT, EV_DOT_TICK, slot, sim.dots.gen[slot]!);
  }

  /** A dot ticked; returns false when it is not Black Arrow's. */
  dotTick(dot: number, target: number, amount: number): boolean {
    if (dot !== this.crows && dot !== this.dot) return false;
    // class tree: Unnatural Causes (468572 and the crows 131900 are in 459529's lists), at the tick
    const uc = this.sim.classTree.unnaturalCauses(target);
    if (dot === this.crows) this.peck(target, amount * uc);
    else {
      // 468572 has no Periodic Can Crit (attribute 265): SimC's tick_may_crit is false, no tick crits
      this.hit(this.src.dot, target, amount * uc, CANNOT_CRIT, DR_HIT_DOT);
      if (this.hounds.on && target < this.sim.targets) this.hounds.onDotTick(); // SimC black_arrow_dot_t::tick, after its damage
    }
    return true;
  }
}
