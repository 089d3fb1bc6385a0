/**
 * The Sentinel hero tree for Marksmanship: Sentinel stacks and implosions (450369) and Lunar Storm
 * (450385), as SimC's trigger_sentinel and trigger_lunar_storm have them, and the tree's set of The
 * War Within season 3 (1236374, 1236375: Boon of Elune). The talents that shape them: Extrapolated
 * Shots, Release and Reload and Eyes Closed (more stacks), Invigorating Pulse and Sentinel Watch (on
 * each implosion hit), Symphonic Arsenal (Multi-Shot's discharge), Overwatch and Crescent Steel
 * (below 20 % health). Numbers: ./data.ts.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { MM, MM_DATA } from './data.ts';

/** Spec event kinds of the Sentinel tree (the spec's own start at 0, its bleed at 16). */
export const SPEC_SENTINEL = 1;
export const SPEC_LUNAR = 2;
/** Lunar Storm has ended: the set's Boon of Elune changes (4-piece off, 2-piece on). */
export const SPEC_BOON_FADE = 12;
/** An Aimed Shot's impact spends a Boon of Elune stack (2-piece), 0.4 s after it. */
export const SPEC_BOON_SPEND = 13;
/** Crescent Steel's 3 s tick on a target (its index). */
export const SPEC_CRESCENT = 14;

const SENTINEL = Sim.indexOf(MM_DATA.debuffs, 'sentinel');
const LUNAR = Sim.indexOf(MM_DATA.debuffs, 'lunar_storm');
const S_SENTINEL = Sim.indexOf(MM_DATA.sources, 'sentinel');
const S_LUNAR = Sim.indexOf(MM_DATA.sources, 'lunar_storm');
const B_READY = Sim.indexOf(MM_DATA.buffs, 'lunar_storm_ready');
const B_COOLDOWN = Sim.indexOf(MM_DATA.buffs, 'lunar_storm_cooldown');
const A_RAPID = Sim.indexOf(MM_DATA.actions, 'rapid_fire');
const B_BOON_2PC = Sim.indexOf(MM_DATA.buffs, 'boon_of_elune_2pc');
const B_BOON_4PC = Sim.indexOf(MM_DATA.buffs, 'boon_of_elune_4pc');
const B_EYES_CLOSED = Sim.indexOf(MM_DATA.buffs, 'eyes_closed');
const A_TRUESHOT = Sim.indexOf(MM_DATA.actions, 'trueshot');
const S_SYMPHONIC = Sim.indexOf(MM_DATA.sources, 'symphonic_arsenal');

/**
 * The Sentinel set's bonuses a config has: SimC enables a hero tree's set bonus only for a player
 * with that tree (set_bonus_t: `player_sub_trees`), here the Sentinel keystone talent.
 */
function sentinelSet(sim: Sim, bonus: 2 | 4): boolean {
  return (
    sim.hasTalent('sentinel') &&
    sim.hasSetBonus(bonus === 2 ? 'thewarwithin_season_3_2pc' : 'thewarwithin_season_3_4pc')
  );
}

/** Rapid Fire's multiplier from the Sentinel 2-piece (1236374 #2, SimC apply_affecting_aura): 1 without. */
export function sentinelSetRapidFire(sim: Sim): number {
  return sentinelSet(sim, 2) ? 1 + MM.tww3Sentinel2pcRapidFire : 1;
}

/** What the tree needs from the spec: its hits (with their procs) and multipliers. */
export interface ShotHost {
  readonly sim: Sim;
  /** MarksmanshipLogic.shot: `yellow` (default true) feeds Bullseye / Master Marksman, `impact` its landing bits. */
  shot(
    src: number,
    target: number,
    amount: number,
    physical: boolean,
    crit: number,
    critDamage: number,
    yellow?: boolean,
    impact?: number,
  ): void;
  mult(): number;
  crit(): number;
  critDamage(): number;
}

export class SentinelTree {
  readonly sentinel: boolean;
  readonly lunarStorm: boolean;
  /** The Sentinel set's 2- and 4-piece bonuses (1236374, 1236375). */
  readonly set2: boolean;
  readonly set4: boolean;
  /** Either: an Aimed Shot asks boonMult / boonArcane. */
  readonly boon: boolean;
  /** Sentinel's damage multiplier: the 4-piece's +20 %, −2 for Marksmanship (1236375 #2, 137016 #15); 1 without. */
  private readonly sentinelMult: number;
  /** Per target: a Sentinel implosion is running. */
  private readonly imploding = new Uint8Array(MAX_TARGETS);
  private readonly extrapolatedShots: boolean;
  private readonly releaseAndReload: boolean;
  private readonly eyesClosed: boolean;
  private readonly sentinelWatch: boolean;
  private readonly invigoratingPulse: boolean;
  readonly symphonicArsenal: boolean;
  private readonly overwatch: boolean;
  private readonly crescentSteel: boolean;
  /** Either: each damage asks for the target's health. */
  readonly lowHealth: boolean;
  /** Overwatch: per target, when it may implode again (ms). */
  private readonly overwatchReady = new Float64Array(MAX_TARGETS);
  /** Crescent Steel's debuff per target: 0 none, 1 ticking, 2 up without ticks (see crescentSteelDamage). */
  private readonly crescent = new Uint8Array(MAX_TARGETS);
  /** Sentinel Watch: Trueshot's cooldown taken off since the last Trueshot (SimC state.sentinel_watch_reduction). */
  private watchMs = 0;

  constructor(private readonly host: ShotHost) {
    const sim = host.sim;
    this.sentinel = sim.hasTalent('sentinel');
    this.lunarStorm = sim.hasTalent('lunar_storm');
    this.set2 = sentinelSet(sim, 2);
    this.set4 = sentinelSet(sim, 4);
    this.boon = this.set2 || this.set4;
    this.extrapolatedShots = sim.hasTalent('extrapolated_shots');
    this.releaseAndReload = sim.hasTalent('release_and_reload');
    this.eyesClosed = sim.hasTalent('eyes_closed');
    this.sentinelWatch = sim.hasTalent('sentinel_watch');
    this.invigoratingPulse = sim.hasTalent('invigorating_pulse');
    this.symphonicArsenal = sim.hasTalent('symphonic_arsenal');
    this.overwatch = sim.hasTalent('overwatch');
    this.crescentSteel = sim.hasTalent('crescent_steel');
    this.lowHealth = this.overwatch || this.crescentSteel;
    // SimC sentinel_t: base_dd_multiplier × (1 + 1236375 #2 + 137016 #15)
    this.sentinelMult = this.set4 ? 1 + MM.tww3Sentinel4pcSentinel + MM.tww3Sentinel4pcSentinelMm : 1;
    sim.buffNotify[B_COOLDOWN] = 1;
  }

  start(): void {
    if (this.lunarStorm) this.host.sim.applyBuff(B_READY, 1, 0);
    this.imploding.fill(0);
    this.watchMs = 0;
    this.overwatchReady.fill(0);
    this.crescent.fill(0);
  }

  /**
   * A Trueshot cast (SimC trueshot_t::execute): Sentinel Watch's allowance starts again, Eyes Closed
   * (450381 #1) gives its 8 s buff (451180).
   */
  onTrueshot(): void {
    this.watchMs = 0;
    if (this.eyesClosed) this.host.sim.applyBuff(B_EYES_CLOSED, 1, 0);
  }

  /**
   * Symphonic Arsenal (450383), as SimC's trigger_symphonic_arsenal after Multi-Shot's execute: from
   * each enemy with Sentinel stacks, 0.3864 AP arcane (451194 #1) × (1 − 25 %) for Marksmanship
   * (137016 #12) on it and up to 5 more (450383 #1) within 8 yd: here every other enemy is.
   */
  onMultiShot(): void {
    const host = this.host;
    const sim = host.sim;
    let amount = 0;
    let crit = 0;
    let cd = 0;
    for (let t = 0; t < sim.targets; t++) {
      if (sim.debuffs.stack(SENTINEL * MAX_TARGETS + t, sim.now) === 0) continue;
      if (amount === 0) {
        amount = MM.symphonicArsenalAp * (1 + MM.symphonicArsenalMm) * sim.ap * host.mult();
        crit = host.crit();
        cd = host.critDamage();
      }
      host.shot(S_SYMPHONIC, t, amount, false, crit, cd);
      let more = MM.symphonicArsenalExtraTargets;
      for (let o = 0; o < sim.targets && more > 0; o++)
        if (o !== t) {
          host.shot(S_SYMPHONIC, o, amount, false, crit, cd);
          more--;
        }
    }
  }

  /** Damage multiplier of the hunter's hits on `target`: Lunar Storm's +10 % taken (450884 #1). */
  takenMult(target: number): number {
    const sim = this.host.sim;
    return this.lunarStorm && sim.debuffs.up(LUNAR * MAX_TARGETS + target, sim.now)
      ? 1 + MM.lunarStormTaken
      : 1;
  }

  /** After a hunter's hit on `target`: Sentinel's chance (its proc flags: ranged and spell hits). */
  onHit(target: number): void {
    if (this.lowHealth) this.damaged(target);
    if (this.sentinel) this.triggerSentinel(target);
  }

  /** A periodic hit of the hunter on `target` (no Sentinel roll): SimC's damage assessors still see it. */
  onPeriodic(target: number): void {
    if (this.lowHealth) this.damaged(target);
  }

  /**
   * SimC's assessor_out_damage entries (hunter_t::init_assessors), on each of the hunter's damage
   * before the hit's procs: Overwatch, then Crescent Steel.
   */
  private damaged(target: number): void {
    const sim = this.host.sim;
    if (this.overwatch) this.overwatchDamage(target);
    if (this.crescentSteel && sim.healthBelow(target, MM.crescentSteelBelowPct))
      this.crescentSteelDamage(target);
  }

  /**
   * Overwatch (450384): damage to a target not imploding, with more than 3 Sentinel stacks and
   * below 20 % health (#1), starts an implosion on every enemy not imploding whose 15 s (#2) are
   * over, that cooldown starting on each (with no stacks, as SimC, nothing implodes).
   */
  private overwatchDamage(target: number): void {
    const sim = this.host.sim;
    if (
      this.imploding[target] === 1 ||
      sim.debuffs.stack(SENTINEL * MAX_TARGETS + target, sim.now) <= MM.sentinelImplodeAbove ||
      !sim.healthBelow(target, MM.overwatchBelowPct)
    )
      return;
    for (let t = 0; t < sim.targets; t++) {
      if (this.imploding[t] === 1 || this.overwatchReady[t]! > sim.now) continue;
      this.overwatchReady[t] = sim.now + MM.overwatchCooldownMs;
      this.imploding[t] = 1;
      this.implode(t);
    }
  }

  /**
   * Crescent Steel (451530): damage to a target below 20 % health (#1) triggers 451531 on it, a
   * Sentinel stack every 3 s (#1) for ever. As SimC's buff_t: the first trigger starts the ticks;
   * a later one refreshes the infinite debuff, and buff_t::refresh cancels an infinite buff's tick
   * event without starting another, so the target gets no more stacks from it.
   */
  private crescentSteelDamage(target: number): void {
    const sim = this.host.sim;
    if (this.crescent[target] === 0) {
      this.crescent[target] = 1;
      sim.q.push(sim.now + MM.crescentSteelPeriodMs, PRIO_DEFAULT, EV_SPEC, SPEC_CRESCENT, target);
    } else this.crescent[target] = 2;
  }

  /**
   * Aimed Shot's Boon of Elune multiplier: × (1 + 10 %) per Boon up (1236644 #1, 1249464 #1; SimC
   * hunter_action_t::composite_da_multiplier, each buff's value while it is up); 1 without.
   */
  boonMult(): number {
    const sim = this.host.sim;
    return (
      (sim.buffs.up(B_BOON_2PC, sim.now) ? 1 + MM.boonOfEluneAimed : 1) *
      (sim.buffs.up(B_BOON_4PC, sim.now) ? 1 + MM.boonOfElune4pcAimed : 1)
    );
  }

  /** Aimed Shot is Arcane while a Boon is up (#2 of both: SimC's school override on their stack changes). */
  boonArcane(): boolean {
    const sim = this.host.sim;
    return sim.buffs.up(B_BOON_2PC, sim.now) || sim.buffs.up(B_BOON_4PC, sim.now);
  }

  /** An Aimed Shot's primary hit landed (2-piece): a Boon stack goes 0.4 s later (SimC aimed_shot_t::impact). */
  aimedLanded(): void {
    const sim = this.host.sim;
    sim.q.push(sim.now + MM.boonOfEluneSpendMs, PRIO_DEFAULT, EV_SPEC, SPEC_BOON_SPEND, 0);
  }

  /** A Rapid Fire cast on `target`: calls the Lunar Storm when one is ready. */
  onRapidFire(target: number): void {
    if (this.lunarStorm && this.host.sim.buffs.up(B_READY, this.host.sim.now)) this.callLunarStorm(target);
  }

  /** A buff with notification changed; true when it was the tree's. */
  buffChanged(buff: number): boolean {
    if (buff !== B_COOLDOWN) return false;
    const sim = this.host.sim;
    // Lunar Storm's 30 s are over: ready again, Rapid Fire reset (SimC lunar_storm_cooldown).
    if (!sim.buffs.up(B_COOLDOWN, sim.now)) {
      sim.applyBuff(B_READY, 1, 0);
      sim.cds.addCharge(A_RAPID, sim.now);
      sim.poke();
    }
    return true;
  }

  /** A spec event; true when it was the tree's. */
  specEvent(kind: number, b: number): boolean {
    if (kind === SPEC_LUNAR) this.lunarStrike(b);
    else if (kind === SPEC_SENTINEL) {
      if (this.imploding[b] === 1) this.implode(b);
    } else if (kind === SPEC_CRESCENT) {
      if (this.crescent[b] === 1) {
        this.triggerSentinel(b, true);
        this.host.sim.q.push(
          this.host.sim.now + MM.crescentSteelPeriodMs,
          PRIO_DEFAULT,
          EV_SPEC,
          SPEC_CRESCENT,
          b,
        );
      }
    } else if (kind === SPEC_BOON_SPEND) this.host.sim.buffs.decrement(B_BOON_2PC, this.host.sim.now);
    else if (kind === SPEC_BOON_FADE) this.boonFade();
    else return false;
    return true;
  }

  /**
   * Sentinel (450369), as SimC's trigger_sentinel: 22 % per hit to add a stack (10 max, 450387);
   * above 3 stacks and not yet imploding, 32 % to start an implosion on that target.
   */
  private triggerSentinel(target: number, force = false): void {
    const sim = this.host.sim;
    // Crescent Steel's tick (`force`) and Eyes Closed's buff make it certain (no roll drawn, as SimC's short-circuit)
    if (
      !force &&
      !(this.eyesClosed && sim.buffs.up(B_EYES_CLOSED, sim.now)) &&
      sim.rng.next() >= MM.sentinelChance
    )
      return;
    const slot = SENTINEL * MAX_TARGETS + target;
    const before = this.extrapolatedShots ? sim.debuffs.stack(slot, sim.now) : 1;
    sim.applyDebuff(SENTINEL, target, 1, 0);
    // Release and Reload: 15 % for a second stack (450376 #1)
    if (this.releaseAndReload && sim.rng.next() < MM.releaseAndReloadChance)
      sim.applyDebuff(SENTINEL, target, 1, 0);
    // Extrapolated Shots: on a target that had none, 1 more (450374 #1), with its own Release and Reload roll
    if (before === 0) {
      sim.applyDebuff(SENTINEL, target, MM.extrapolatedShotsStacks, 0);
      if (this.releaseAndReload && sim.rng.next() < MM.releaseAndReloadChance)
        sim.applyDebuff(SENTINEL, target, 1, 0);
    }
    const stacks = sim.debuffs.stack(slot, sim.now);
    if (
      this.imploding[target] === 0 &&
      stacks > MM.sentinelImplodeAbove &&
      sim.rng.next() < MM.sentinelImplodeChance
    ) {
      this.imploding[target] = 1;
      this.implode(target);
    }
  }

  /**
   * One implosion tick: 0.783 AP arcane (450412 #1), then a stack consumed, again in 2 s; ends with
   * none left. SimC's sentinel_t::execute hits first (450412 has no velocity in the 11.0.2.56461 dump:
   * it lands at once, and its callbacks, Sentinel's own included, see it as a ranged hit) and consumes
   * the stack after, so a stack the hit adds at 10 is lost.
   */
  private implode(target: number): void {
    const host = this.host;
    const sim = host.sim;
    const slot = SENTINEL * MAX_TARGETS + target;
    if (sim.debuffs.stack(slot, sim.now) === 0) {
      this.imploding[target] = 0;
      return;
    }
    host.shot(
      S_SENTINEL,
      target,
      // 450412 in 459529 #2's list; the 4-piece's multiplier last (1 without: the same bits)
      MM.sentinelAp * sim.ap * host.mult() * sim.classTree.unnaturalCauses(target) * this.sentinelMult,
      false,
      host.crit(),
      host.critDamage(),
    );
    // SimC sentinel_t::impact: Invigorating Pulse's focus, Sentinel Watch's 1 s off Trueshot (15 s a Trueshot)
    if (this.invigoratingPulse && sim.rng.next() < MM.invigoratingPulseChance)
      sim.gainFocus(MM.invigoratingPulseFocus);
    if (this.sentinelWatch && this.watchMs < MM.sentinelWatchLimitMs) {
      this.watchMs += MM.sentinelWatchMs;
      sim.cds.reduce(A_TRUESHOT, sim.now, MM.sentinelWatchMs);
    }
    sim.debuffs.decrement(slot, sim.now);
    sim.q.push(sim.now + MM.sentinelImplodeMs, PRIO_DEFAULT, EV_SPEC, SPEC_SENTINEL, target);
  }

  /**
   * Lunar Storm (450385), as SimC's trigger_lunar_storm: 1217459 on every enemy, then 30 strikes
   * 0.4 s apart (450978), each on a random enemy with Sentinel (450883), which then takes 10 % more
   * of the hunter's damage for 8 s (450884).
   */
  private callLunarStorm(target: number): void {
    const host = this.host;
    const sim = host.sim;
    sim.removeBuff(B_READY);
    sim.applyBuff(B_COOLDOWN, 1, 0);
    const amount = MM.lunarStormInitialAp * sim.ap * host.mult();
    const crit = host.crit();
    const cd = host.critDamage();
    host.shot(S_LUNAR, target, amount, false, crit, cd);
    for (let t = 0; t < sim.targets; t++) if (t !== target) host.shot(S_LUNAR, t, amount, false, crit, cd);
    sim.q.push(
      sim.now + MM.lunarStormPeriodMs,
      PRIO_DEFAULT,
      EV_SPEC,
      SPEC_LUNAR,
      MM.lunarStormMs / MM.lunarStormPeriodMs,
    );
    if (this.boon) this.boonStorm();
  }

  /**
   * The set's Boon of Elune when a Lunar Storm starts, as SimC's trigger_lunar_storm: the 4-piece
   * ends a 2-piece Boon and gives its own (1249464) for the storm, and when the storm ends (450978's
   * 12 s) the 4-piece one goes, then the 2-piece gives 2 stacks (1236644).
   */
  private boonStorm(): void {
    const sim = this.host.sim;
    if (this.set4) {
      sim.removeBuff(B_BOON_2PC);
      sim.applyBuff(B_BOON_4PC, 1, 0);
    }
    sim.q.push(sim.now + MM.lunarStormMs, PRIO_DEFAULT, EV_SPEC, SPEC_BOON_FADE, 0);
  }

  private boonFade(): void {
    const sim = this.host.sim;
    if (this.set4) sim.removeBuff(B_BOON_4PC);
    if (this.set2) sim.applyBuff(B_BOON_2PC, MM_DATA.buffs[B_BOON_2PC]!.maxStacks, 0);
  }

  private lunarStrike(left: number): void {
    const host = this.host;
    const sim = host.sim;
    let n = 0;
    for (let t = 0; t < sim.targets; t++) if (sim.debuffs.stack(SENTINEL * MAX_TARGETS + t, sim.now) > 0) n++;
    if (n > 0) {
      let pick = Math.floor(sim.rng.next() * n);
      let t = 0;
      for (; t < sim.targets; t++)
        if (sim.debuffs.stack(SENTINEL * MAX_TARGETS + t, sim.now) > 0 && pick-- === 0) break;
      host.shot(S_LUNAR, t, MM.lunarStormAp * sim.ap * host.mult(), false, host.crit(), host.critDamage());
      sim.applyDebuff(LUNAR, t, 1, 0);
    }
    if (left > 1) sim.q.push(sim.now + MM.lunarStormPeriodMs, PRIO_DEFAULT, EV_SPEC, SPEC_LUNAR, left - 1);
  }
}
