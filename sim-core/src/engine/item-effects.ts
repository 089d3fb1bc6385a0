/**
 * The effects of the items worn that act during the fight (config `gear`; numbers and sources:
 * specs/gear.ts, weapon-enchants.ts, item-levels.ts): the weapon enchant, Dawnthread Lining's critical strike rating while the player
 * stands above 80 % health, and Reshii Wraps' Ethereal Reaping on the player's hits. (Culminating
 * Blasphemite is a constant crit multiplier: SimState.srcCritMultiplier.)
 * Extras owns it: its buffs come to Extras.buffChanged, its procs to Extras.onHit (srcProc bits
 * ITEM_*), its timed events (EV_ITEM) to Extras.itemEvent, its ratings and agility to Extras' stats.
 */
import { RADIANT_POWER } from '../specs/common.ts';
import { POTION_SOURCE } from '../specs/consumables.ts';
import {
  ANTENNA_CRIT_COEFFICIENT,
  ANTENNA_MAX_ORBS,
  ANTENNA_MAX_STACKS,
  ANTENNA_ORB_MS,
  ANTENNA_PICKUP_MAX_MS,
  ANTENNA_PICKUP_MIN_MS,
  ANTENNA_PICKUP_MS,
  ANTENNA_PICKUP_STDDEV_MS,
  ANTENNA_RPPM,
  ANTENNA_STACK_MS,
  DAWNTHREAD_BUFF,
  DAWNTHREAD_CRIT_RATING,
  DAWNTHREAD_INTERVAL_MS,
  DAWNTHREAD_INTERVAL_STDDEV_MS,
  DAWNTHREAD_UPTIME,
  ITEM_PROC_SOURCES,
  LATENT_ENERGY_BUFF,
  NETHERPRISM_AGILITY_COEFFICIENT,
  NETHERPRISM_BONUS_TARGETS,
  NETHERPRISM_BUFF,
  NETHERPRISM_DAMAGE_COEFFICIENT,
  NETHERPRISM_ICD_MS,
  NETHERPRISM_SOURCE,
  NETHERPRISM_TARGET_BONUS,
  noGear,
  RESHII_DAMAGE_COEFFICIENT,
  RESHII_EXECUTE_BONUS,
  RESHII_EXECUTE_PCT,
  RESHII_GRACE_RPPM_BONUS,
  RESHII_ICD_MS,
  RESHII_MISSILE_SPEED,
  RESHII_RPPM,
  RESHII_SOURCE,
} from '../specs/gear.ts';
import { damageSecondaryBudget, itemBudget, trinketRating } from '../specs/item-levels.ts';
import { HEARTBEAT_MS, HEARTBEAT_STDDEV_MS, STORMS_SOURCE, weaponEnchant } from '../specs/weapon-enchants.ts';
import { PET_SOURCES } from '../specs/pet-sources.ts';
import { travelMs } from '../specs/projectiles.ts';
import { RACIAL_SOURCE_RACE } from '../specs/racials.ts';
import type { RatingBonus } from '../specs/consumables.ts';
import { EV_ITEM, FOREVER_MS, PRIO_DEFAULT } from './events.ts';
import { Rppm } from './procs.ts';
import type { Sim } from './sim.ts';

/**
 * srcProc bits of the sources whose hits can trigger Ethereal Reaping / the weapon enchant /
 * Unyielding Netherprism (racial-procs.ts has 1, 2, 4).
 */
export const ITEM_RESHII = 8;
export const ITEM_WEAPON = 16;
export const ITEM_NETHERPRISM = 32;
/** The item bits Extras.onHit hands to ItemEffects.onHit. */
export const ITEM_HIT_BITS = ITEM_RESHII | ITEM_WEAPON | ITEM_NETHERPRISM;
/**
 * Sources whose hits are not "yellow" (Unyielding Netherprism's proc flags: the abilities' hits):
 * Auto Shot and Bleak Arrows (white ranged) and the bleeds that tick (periodic); the dots' sources
 * are left out as well (SpecData.dots).
 */
const NOT_ABILITY_HITS: ReadonlySet<string> = new Set([
  'auto_shot',
  'bleak_arrows',
  'master_marksman',
  'razor_fragments',
  'laceration',
]);
/** EV_ITEM kinds (the event's `a`). */
const DAWNTHREAD_CHECK = 0;
const HEARTBEAT = 1;
const ANTENNA_PICKUP = 2;
const ANTENNA_EXPIRE = 3;
const ANTENNA_ORB_EXPIRE = 4;

/** The weapon enchant's proc (specs/weapon-enchants.ts WEAPON_ENCHANTS), resolved for the config's rank. */
interface EnchantProc {
  kind: 'damage' | 'rating';
  rppm: number;
  hasted: boolean;
  /** damage: per proc; its source; split between the targets; the buff's agility. */
  damage: number;
  source: number;
  split: boolean;
  agility: number;
  /** The buff (-1: none), its duration, and for `rating` the stat and amount. */
  buff: number;
  buffMs: number;
  stat: keyof RatingBonus;
  rating: number;
}

export class ItemEffects {
  private readonly liningBuff: number;
  /** Critical strike rating of the linings worn (0 without). */
  private readonly liningRating: number;
  private readonly reshiiSource: number;
  /** Ethereal Reaping's damage per proc before multipliers (0: the Wraps are not worn). */
  private readonly reshiiDamage: number;
  private readonly reshiiRppmRate: number;
  private readonly reshiiRppm = new Rppm();
  private reshiiReadyAt = 0;
  private readonly enchant: EnchantProc | null;
  private readonly enchantRppm = new Rppm();
  /** The ratings of the items' buffs up now (Extras adds them to the stats). */
  readonly rating: RatingBonus = { crit: 0, haste: 0, mastery: 0, versatility: 0 };
  /** Whether any of `rating` is not 0. */
  ratingUp = false;
  /** Agility of the items' buffs up now (Extras adds it to the extras' agility): the enchant's and Unyielding Netherprism's. */
  agility = 0;
  private enchantAgility = 0;
  private netherprismAgility = 0;
  /** Unyielding Netherprism: damage per proc before multipliers (0: not worn), agility per stack, its source, buffs, internal cooldown. */
  private readonly netherprismDamage: number;
  private readonly netherprismAgilityPerStack: number;
  private readonly netherprismSource: number;
  private readonly latentBuff: number;
  private readonly netherprismBuff: number;
  private netherprismReadyAt = 0;
  /** Astral Antenna: critical strike rating per stack (0: not worn), its procs, its stacks' ends (ms, oldest first). */
  private readonly antennaRating: number;
  private readonly antennaRppm = new Rppm();
  private readonly antennaEnds = new Float64Array(ANTENNA_MAX_STACKS);
  private antennaStacks = 0;
  /** Astral Antenna's orbs not picked up yet: their ends (ms, oldest first). */
  private readonly orbEnds = new Float64Array(ANTENNA_MAX_ORBS);
  private orbs = 0;
  /** A heartbeat proc is worn (a rating enchant, Astral Antenna). */
  private readonly heartbeat: boolean;

  constructor(
    private readonly sim: Sim,
    /** Re-derives the stats (Extras' ratings) when the items' ratings change. */
    private readonly rederive: () => void,
    /** Re-sums the extras' agility when the items' agility changes. */
    private readonly reAgility: () => void,
  ) {
    const d = sim.data;
    const gear = sim.config.gear ?? noGear();
    const buffIndex = (key: string) => d.buffs.findIndex((b) => b.key === key);
    const sourceIndex = (key: string) => d.sources.findIndex((s) => s.key === key);
    const notify = (b: number) => {
      if (b >= 0) sim.buffNotify[b] = sim.extrasBuff[b] = 1;
    };

    this.liningBuff = buffIndex(DAWNTHREAD_BUFF.key);
    this.liningRating = this.liningBuff >= 0 ? gear.dawnthreadLinings * DAWNTHREAD_CRIT_RATING : 0;
    notify(this.liningBuff);

    this.reshiiSource = sourceIndex(RESHII_SOURCE.key);
    const budget = damageSecondaryBudget(gear.reshiiWrapsItemLevel);
    this.reshiiDamage = this.reshiiSource >= 0 && budget !== null ? RESHII_DAMAGE_COEFFICIENT * budget : 0;
    this.reshiiRppmRate = RESHII_RPPM * (gear.reshiiGrace ? 1 + RESHII_GRACE_RPPM_BONUS : 1);

    this.enchant = null;
    const e = weaponEnchant(gear.weaponEnchant);
    if (e !== null && e.enchant.model.kind !== 'none') {
      const m = e.enchant.model;
      const r = e.rank - 1;
      const buff = m.buff === null ? -1 : buffIndex(m.buff);
      const source =
        m.kind === 'damage' ? sourceIndex(m.school === 'holy' ? RADIANT_POWER.key : STORMS_SOURCE.key) : -1;
      if ((m.buff === null || buff >= 0) && (m.kind !== 'damage' || source >= 0)) {
        notify(buff);
        this.enchant = {
          kind: m.kind,
          rppm: m.rppm,
          hasted: m.kind === 'damage' && m.hasted,
          damage: m.kind === 'damage' ? m.damage[r]! : 0,
          source,
          split: m.kind === 'damage' && m.split,
          agility: m.kind === 'damage' ? m.agility[r]! : 0,
          buff,
          buffMs: m.buffMs,
          stat: m.kind === 'rating' ? m.stat : 'crit',
          rating: m.kind === 'rating' ? m.rating[r]! : 0,
        };
      }
    }

    this.antennaRating =
      gear.astralAntennaItemLevel > 0
        ? (trinketRating(ANTENNA_CRIT_COEFFICIENT, gear.astralAntennaItemLevel) ?? 0)
        : 0;
    this.heartbeat = this.enchant?.kind === 'rating' || this.antennaRating > 0;
    if (this.antennaRating > 0) sim.castProcs = 1;

    this.netherprismSource = sourceIndex(NETHERPRISM_SOURCE.key);
    this.latentBuff = buffIndex(LATENT_ENERGY_BUFF.key);
    this.netherprismBuff = buffIndex(NETHERPRISM_BUFF.key);
    const prismLevel = gear.netherprismItemLevel;
    const prismDamage = prismLevel > 0 ? damageSecondaryBudget(prismLevel) : null;
    const prismAgility = prismLevel > 0 ? itemBudget(prismLevel) : null;
    const prism =
      this.netherprismSource >= 0 &&
      this.latentBuff >= 0 &&
      this.netherprismBuff >= 0 &&
      prismDamage !== null &&
      prismAgility !== null;
    this.netherprismDamage = prism ? NETHERPRISM_DAMAGE_COEFFICIENT * prismDamage : 0;
    this.netherprismAgilityPerStack = prism ? NETHERPRISM_AGILITY_COEFFICIENT * prismAgility : 0;
    notify(prism ? this.netherprismBuff : -1);

    // The hits that try the procs: the class abilities' (Auto Shot and periodic damage included,
    // but for Unyielding Netherprism: the abilities' hits only); not the pets' (actors of their
    // own), nor procs, racials or the potion (not class abilities).
    const reshii = this.reshiiDamage > 0;
    const enchantOnHit = this.enchant?.kind === 'damage';
    if (reshii) sim.srcTravelMs[this.reshiiSource] = travelMs(RESHII_MISSILE_SPEED, sim.timing.distanceYards);
    if (reshii || enchantOnHit || prism) {
      const bits = (reshii ? ITEM_RESHII : 0) | (enchantOnHit ? ITEM_WEAPON : 0);
      const periodic = new Set(d.dots.map((x) => x.source));
      d.sources.forEach((s, i) => {
        if (PET_SOURCES.has(s.key) || ITEM_PROC_SOURCES.has(s.key) || s.key === POTION_SOURCE.key) return;
        if (s.key in RACIAL_SOURCE_RACE) return;
        const ability = prism && !NOT_ABILITY_HITS.has(s.key) && !periodic.has(s.key);
        sim.srcProc[i]! |= bits | (ability ? ITEM_NETHERPRISM : 0);
      });
      sim.hitProcs = 1;
    }
  }

  /** Unyielding Netherprism is worn (its use is an action the player knows). */
  get netherprismWorn(): boolean {
    return this.netherprismDamage > 0;
  }

  /**
   * Start of an iteration (the queue is empty, the buffs are down): the linings up before the
   * pull (SimC precombat), the heartbeat's first beat, no proc history.
   */
  reset(): void {
    const sim = this.sim;
    this.reshiiRppm.reset();
    this.reshiiReadyAt = 0;
    this.enchantRppm.reset();
    this.antennaRppm.reset();
    this.antennaStacks = 0;
    this.orbs = 0;
    this.netherprismReadyAt = 0;
    // the buffs are down (Extras re-derived the stats if any was up)
    const r = this.rating;
    r.crit = r.haste = r.mastery = r.versatility = 0;
    this.ratingUp = false;
    this.agility = this.enchantAgility = this.netherprismAgility = 0;
    if (this.liningRating > 0) {
      sim.applyBuff(this.liningBuff, 1, FOREVER_MS);
      this.later(DAWNTHREAD_CHECK, sim.rng.gauss(DAWNTHREAD_INTERVAL_MS, DAWNTHREAD_INTERVAL_STDDEV_MS));
    }
    // SimC's first heartbeat: uniform 1..5249 ms into the fight
    if (this.heartbeat) this.later(HEARTBEAT, 1 + Math.floor(sim.rng.next() * (HEARTBEAT_MS - 1)));
  }

  /** An EV_ITEM event of kind `a` is due. */
  event(a: number): void {
    const sim = this.sim;
    if (a === DAWNTHREAD_CHECK) {
      // SimC's repeating event: up with chance DAWNTHREAD_UPTIME, else down; then again later
      if (sim.rng.next() < DAWNTHREAD_UPTIME) sim.applyBuff(this.liningBuff, 1, FOREVER_MS);
      else sim.removeBuff(this.liningBuff);
      this.later(DAWNTHREAD_CHECK, sim.rng.gauss(DAWNTHREAD_INTERVAL_MS, DAWNTHREAD_INTERVAL_STDDEV_MS));
    } else if (a === HEARTBEAT) {
      // the heartbeat procs' RPPM attempts (unhasted; SimC caps the time since the last one at 3.5 s)
      const e = this.enchant;
      if (e !== null && e.kind === 'rating' && this.enchantRppm.trigger(sim.now, e.rppm, 1, sim.rng))
        sim.applyBuff(e.buff, 1, e.buffMs);
      if (this.antennaRating > 0) this.antennaAttempt();
      this.later(HEARTBEAT, sim.rng.gauss(HEARTBEAT_MS, HEARTBEAT_STDDEV_MS));
    } else if (a === ANTENNA_PICKUP) this.antennaPickup();
    else if (a === ANTENNA_EXPIRE) this.antennaExpire();
    else if (a === ANTENNA_ORB_EXPIRE) this.orbExpire();
  }

  /** A cast of the player (SimC's Cast Successful): Astral Antenna's attempt. */
  onCast(): void {
    if (this.antennaRating > 0) this.antennaAttempt();
  }

  /**
   * Astral Antenna's RPPM attempt: a proc brings an orb (20 s; at 10, a new one replaces the oldest
   * with no new pickup, as SimC's stack callback sees no change), picked up later (orbPickupLater).
   */
  private antennaAttempt(): void {
    const sim = this.sim;
    if (!this.antennaRppm.trigger(sim.now, ANTENNA_RPPM, 1, sim.rng)) return;
    const ends = this.orbEnds;
    const full = this.orbs === ANTENNA_MAX_ORBS;
    if (full) {
      ends.copyWithin(0, 1);
      this.orbs--;
    }
    ends[this.orbs++] = sim.now + ANTENNA_ORB_MS;
    sim.q.push(sim.now + ANTENNA_ORB_MS, PRIO_DEFAULT - 1, EV_ITEM, ANTENNA_ORB_EXPIRE, 0);
    if (!full) this.orbPickupLater();
  }

  /** A pickup Gauss(5 s, 1 s) from now (0.5..19.999 s; `astral_antenna_miss_chance` 0). */
  private orbPickupLater(): void {
    const ms = this.sim.rng.gauss(ANTENNA_PICKUP_MS, ANTENNA_PICKUP_STDDEV_MS);
    this.later(ANTENNA_PICKUP, Math.min(ANTENNA_PICKUP_MAX_MS, Math.max(ANTENNA_PICKUP_MIN_MS, ms)));
  }

  /**
   * A pickup: a crit stack of its own 10 s (at 10 stacks the oldest goes), then the oldest orb goes
   * if any is left (SimC's `decrement`); orbs still left bring one more pickup (SimC's stack
   * callback on the decrement).
   */
  private antennaPickup(): void {
    const sim = this.sim;
    const ends = this.antennaEnds;
    if (this.antennaStacks === ANTENNA_MAX_STACKS) {
      ends.copyWithin(0, 1);
      this.antennaStacks--;
    }
    ends[this.antennaStacks++] = sim.now + ANTENNA_STACK_MS;
    sim.q.push(sim.now + ANTENNA_STACK_MS, PRIO_DEFAULT - 1, EV_ITEM, ANTENNA_EXPIRE, 0);
    this.updateRating();
    if (this.orbs > 0) {
      this.orbEnds.copyWithin(0, 1, this.orbs);
      this.orbs--;
      if (this.orbs > 0) this.orbPickupLater();
    }
  }

  /** Orbs whose 20 s are over go, each leaving others behind bringing a pickup (SimC's stack callback). */
  private orbExpire(): void {
    const ends = this.orbEnds;
    while (this.orbs > 0 && ends[0]! <= this.sim.now) {
      ends.copyWithin(0, 1, this.orbs);
      this.orbs--;
      if (this.orbs > 0) this.orbPickupLater();
    }
  }

  /** A stack's 10 s are over: the stacks ended by now go (one replaced earlier is gone already). */
  private antennaExpire(): void {
    const ends = this.antennaEnds;
    let gone = 0;
    while (gone < this.antennaStacks && ends[gone]! <= this.sim.now) gone++;
    if (gone === 0) return;
    ends.copyWithin(0, gone, this.antennaStacks);
    this.antennaStacks -= gone;
    this.updateRating();
  }

  /** An EV_ITEM of `kind` `ms` from now (at least the next ms). */
  private later(kind: number, ms: number): void {
    const sim = this.sim;
    sim.q.push(sim.now + Math.max(1, Math.round(ms)), PRIO_DEFAULT, EV_ITEM, kind, 0);
  }

  /** Handles a change of the items' buffs; false for other buffs. */
  buffChanged(buff: number): boolean {
    const e = this.enchant;
    if (buff === this.liningBuff || (e !== null && e.kind === 'rating' && buff === e.buff))
      this.updateRating();
    else if (e !== null && buff === e.buff) {
      this.enchantAgility = this.sim.buffs.up(buff, this.sim.now) ? e.agility : 0;
      this.sumAgility();
    } else if (buff === this.netherprismBuff && this.netherprismDamage > 0) {
      const sim = this.sim;
      const stacks = sim.buffs.up(buff, sim.now) ? sim.buffs.stacks[buff]! : 0;
      this.netherprismAgility = stacks * this.netherprismAgilityPerStack;
      this.sumAgility();
    } else return false;
    return true;
  }

  /** The items' agility: the enchant's buff and Unyielding Netherprism's; Extras re-sums after a change. */
  private sumAgility(): void {
    const agility = this.enchantAgility + this.netherprismAgility;
    if (agility === this.agility) return;
    this.agility = agility;
    this.reAgility();
  }

  /**
   * Unyielding Netherprism's use (1233556): every Latent Energy stack becomes a stack of the agility
   * buff for 20 s (SimC stat_buff_t::trigger(stacks): added to a buff still up, refreshed, up to
   * 18); Latent Energy is consumed. With no stack it does nothing (but its cooldown runs).
   */
  useNetherprism(): void {
    const sim = this.sim;
    const latent = this.latentBuff;
    if (!sim.buffs.up(latent, sim.now)) return;
    const stacks = sim.buffs.stacks[latent]!;
    sim.removeBuff(latent);
    sim.applyBuff(this.netherprismBuff, stacks, 0);
  }

  /** The items' ratings from their buffs up now (the lining's crit, a rating enchant's stat); the stats follow a change. */
  private updateRating(): void {
    const sim = this.sim;
    const r = this.rating;
    const { crit, haste, mastery, versatility } = r;
    r.crit = this.liningRating > 0 && sim.buffs.up(this.liningBuff, sim.now) ? this.liningRating : 0;
    r.haste = r.mastery = r.versatility = 0;
    const e = this.enchant;
    if (e !== null && e.kind === 'rating' && sim.buffs.up(e.buff, sim.now)) r[e.stat] += e.rating;
    r.crit += this.antennaStacks * this.antennaRating;
    if (r.crit === crit && r.haste === haste && r.mastery === mastery && r.versatility === versatility)
      return;
    this.ratingUp = r.crit !== 0 || r.haste !== 0 || r.mastery !== 0 || r.versatility !== 0;
    this.rederive();
  }

  /** A hit with item bits `bits` was rolled now on `target`: the on-hit procs' attempts. */
  onHit(bits: number, target: number): void {
    if ((bits & ITEM_NETHERPRISM) !== 0 && this.sim.now >= this.netherprismReadyAt) this.netherprism();
    if ((bits & ITEM_RESHII) !== 0) this.reshii();
    if ((bits & ITEM_WEAPON) !== 0) {
      const sim = this.sim;
      const e = this.enchant!;
      if (!this.enchantRppm.trigger(sim.now, e.rppm, e.hasted ? sim.haste : 1, sim.rng)) return;
      if (e.split) {
        const n = sim.targets;
        for (let t = 0; t < n; t++) this.procHit(e.source, t, e.damage / n);
      } else this.procHit(e.source, target, e.damage);
      if (e.buff >= 0) sim.applyBuff(e.buff, 1, e.buffMs);
    }
  }

  /**
   * Unyielding Netherprism's proc (its internal cooldown is over; chance 101 %): cosmic damage split
   * between every target, + 30 % per target beyond the first (up to 5 of them), landing at once;
   * one more Latent Energy (no duration, up to 18).
   */
  private netherprism(): void {
    const sim = this.sim;
    this.netherprismReadyAt = sim.now + NETHERPRISM_ICD_MS;
    const n = sim.targets;
    const total =
      this.netherprismDamage * (1 + NETHERPRISM_TARGET_BONUS * Math.min(n - 1, NETHERPRISM_BONUS_TARGETS));
    const travel = sim.travelOn;
    sim.travelOn = 0;
    for (let t = 0; t < n; t++) this.procHit(this.netherprismSource, t, total / n);
    sim.travelOn = travel;
    sim.applyBuff(this.latentBuff, 1, FOREVER_MS);
  }

  /** Ethereal Reaping's attempt. */
  private reshii(): void {
    const sim = this.sim;
    if (
      sim.now < this.reshiiReadyAt ||
      !this.reshiiRppm.trigger(sim.now, this.reshiiRppmRate, sim.haste, sim.rng)
    )
      return;
    this.reshiiReadyAt = sim.now + RESHII_ICD_MS;
    // The missile flies to the target hit and its damage is split between the targets, × 1.2 on
    // those at or below 35 % health. Rolled now and landing after the flight, like every shot
    // here (SimC rolls it when the missile lands).
    const n = sim.targets;
    const share = this.reshiiDamage / n;
    const travel = sim.travelOn;
    sim.travelOn = 1;
    for (let t = 0; t < n; t++) {
      const execute = sim.healthPctOf(t) <= RESHII_EXECUTE_PCT ? 1 + RESHII_EXECUTE_BONUS : 1;
      this.procHit(this.reshiiSource, t, share * execute);
    }
    sim.travelOn = travel;
  }

  /** A proc's magic hit with the player's crit (SpecLogic.procCrit: MM's Trueshot). */
  private procHit(src: number, target: number, amount: number): void {
    const logic = this.sim.logic;
    this.sim.hit(src, target, amount, false, logic.procCrit?.() ?? 0, logic.procCritDamage?.() ?? 1);
  }
}
