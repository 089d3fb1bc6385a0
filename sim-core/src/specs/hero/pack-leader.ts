/**
 * Pack Leader, the Beast Mastery hero tree modelled here: its rules as a helper the BM logic calls
 * at a few hook points (Kill Command, Cobra Shot, Bestial Wrath, Kill Shot, pet melee, dot ticks,
 * spec events, buff changes, damage multipliers); its numbers are in ./pack-leader-data.ts.
 * Modelled: Howl of the Pack Leader (a 30 s cooldown aura, then the next Kill Command summons a
 * Wyvern, a Boar or a Bear in turn), Wyvern's Cry, Boar Charge, the Bear and its Rend Flesh (with
 * Ursine Fury and Envenomed Fangs: ./pack-leader-bear.ts), Pack Mentality, Dire Summons, Better
 * Together, Fury of the Wyvern, Hogstrider, Lead From the Front and No Mercy. How SimulationCraft
 * does each and what is simplified: sim-core/docs/specs.md.
 *
 * Numbers: World of Warcraft 11.2.0.63003 spell data (SimulationCraft SpellDataDump/hunter.txt,
 * simc commit ab018d1176); the rules follow SimC's engine/class_modules/sc_hunter.cpp at that
 * commit (hunter_t::trigger_howl_of_the_pack_leader, consume_howl_of_the_pack_leader, the
 * howl_of_the_pack_leader_* buffs, boar_charge_t, bear_t, rend_flesh_t, kill_command_bm_t); Envenomed
 * Fangs from simc 50d415071f (rend_flesh_t::impact, envenomed_fangs_t).
 */
import { firstExpiry } from '../../engine/auras.ts';
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { BM } from '../bm-hunter/data.ts';
import { PackLeaderBear, type PackLeaderBearHost } from './pack-leader-bear.ts';
import { PACK_LEADER as PL } from './pack-leader-data.ts';
import { PackLeaderTier, TIER_BEAR, TIER_BOAR, TIER_WYVERN } from './pack-leader-tier.ts';

export * from './pack-leader-data.ts';
export { PACK_LEADER_BEAR_EVENT } from './pack-leader-bear.ts';

/** What the BM logic gives the Pack Leader helper (the bear's part: ./pack-leader-bear.ts). */
export interface PackLeaderHost extends PackLeaderBearHost {
  /** Bestial Wrath on the hunter's spells now (19574 #1 / #4; 1 when down). */
  bestialWrath(): number;
  /** The hunter's extra crit chance on shots now (Thrill of the Hunt, 257946 #1 lists Boar Charge). */
  shotCrit(): number;
  /** Takes `ms` off Barbed Shot's recharge, the rest carrying into the next charge (SimC adjust). */
  reduceBarbedShot(ms: number): void;
  /** The main pet's free basic attack (No Mercy). */
  freeBasicAttack(target: number): void;
  /** Wyvern's Cry or Lead From the Front was applied: the pet multiplier kept by the host is stale. */
  petAurasChanged(): void;
}

/** Spec event kinds of the helper (distinct from BM's and Dark Ranger's; the bear's, 1101: its module). */
export const PACK_LEADER_BOAR_EVENT = 1100;

const WYVERN = 0;
const BOAR = 1;
const BEAR = 2;

/** The Pack Leader rules of one Sim (no-ops when the loadout does not have Howl of the Pack Leader). */
export class PackLeader {
  readonly on: boolean;
  private readonly packMentality: boolean;
  private readonly direSummons: boolean;
  private readonly betterTogether: boolean;
  private readonly furyOfTheWyvern: boolean;
  private readonly hogstrider: boolean;
  private readonly leadFromTheFront: boolean;
  private readonly noMercy: boolean;
  private readonly buff: {
    cooldown: number;
    ready: Int32Array;
    wyvern: number;
    hogstrider: number;
    lftf: number;
  };
  private readonly src: { boar: number; boarCleave: number; noMercy: number };
  /** The beast the next howl brings (SimC state.howl_of_the_pack_leader_next_beast). */
  private next = WYVERN;
  /**
   * Fury of the Wyvern's count of Kill Commands (ms, 1 s each) since Wyvern's Cry last fell off,
   * capped at 472550 #4: SimC's state.fury_of_the_wyvern_extension, which kill_command_t::execute
   * raises whether or not the buff is up (extend_duration does nothing then) and the buff's
   * stack-change callback clears when it expires. So Kill Commands while it is down use up the
   * extension of the next Wyvern's Cry.
   */
  private wyvernExtended = 0;
  /** The expiry of the Wyvern's Cry whose fall cleared wyvernExtended last (0: none yet). */
  private wyvernClearedAt = 0;
  /**
   * Fury of the Wyvern: pet swings before this skip Sim.incrementBuff, whose stack would be a
   * no-op: the expiry of the Wyvern's Cry found full at a swing, or Infinity when it was down; −1
   * when neither is known. Only a Kill Command applies the buff (it clears this) or extends it
   * (a later expiry, the stacks unchanged), so it stays full until that expiry, or down until
   * then.
   */
  private wyvernSkipUntil = -1;
  private noMercyReady = 0;
  /** The War Within season 3 set's Pack Leader bonuses (./pack-leader-tier.ts); no-ops without them. */
  private readonly tier: PackLeaderTier;
  /** The 2-piece's stat buffs or the 4-piece's Stampede are on: the summons call the set. */
  private readonly tierOn: boolean;
  /** The Bear and its Rend Flesh (./pack-leader-bear.ts), summoned by the howl's Kill Command. */
  private readonly bear: PackLeaderBear;

  constructor(
    private readonly sim: Sim,
    private readonly host: PackLeaderHost,
  ) {
    const d = sim.data;
    this.on = sim.hasTalent('howl_of_the_pack_leader');
    const has = (k: string) => this.on && sim.hasTalent(k);
    this.packMentality = has('pack_mentality');
    this.direSummons = has('dire_summons');
    this.betterTogether = has('better_together');
    this.furyOfTheWyvern = has('fury_of_the_wyvern');
    this.hogstrider = has('hogstrider');
    this.leadFromTheFront = has('lead_from_the_front');
    this.noMercy = has('no_mercy');
    const b = (k: string) => Sim.indexOf(d.buffs, k);
    this.buff = {
      cooldown: b('howl_of_the_pack_leader_cooldown'),
      ready: Int32Array.of(
        b('howl_of_the_pack_leader_wyvern'),
        b('howl_of_the_pack_leader_boar'),
        b('howl_of_the_pack_leader_bear'),
      ),
      wyvern: b('wyverns_cry'),
      hogstrider: b('hogstrider'),
      lftf: b('lead_from_the_front'),
    };
    const s = (k: string) => Sim.indexOf(d.sources, k);
    this.src = { boar: s('boar_charge'), boarCleave: s('boar_charge_cleave'), noMercy: s('claw_no_mercy') };
    if (this.on) {
      sim.buffNotify[this.buff.cooldown] = 1;
      for (const r of this.buff.ready) sim.buffNotify[r] = 1;
    }
    this.tier = new PackLeaderTier(
      sim,
      {
        bestialWrath: () => host.bestialWrath(),
        shotCrit: () => host.shotCrit(),
        spellMult: () => this.spellMult(),
      },
      this.on,
    );
    this.tierOn = this.tier.two || this.tier.four;
    this.bear = new PackLeaderBear(sim, host, this, this.on, this.tierOn, this.tier.bearSummon);
  }

  /** Start of an iteration: the cooldown aura starts with the fight (SimC combat_begin). */
  start(): void {
    this.next = WYVERN;
    this.wyvernExtended = 0;
    this.wyvernClearedAt = 0;
    this.wyvernSkipUntil = -1;
    this.bear.start();
    this.noMercyReady = 0;
    if (this.tierOn) this.tier.start();
    if (this.on) this.sim.applyBuff(this.buff.cooldown, 1, 0);
  }

  /** The set's 2-piece is on: its stat buffs change haste, crit and mastery. */
  get hasTierStats(): boolean {
    return this.tier.two;
  }

  /** The set's haste now (Hasted Hooves; 1 without it), for the spec's haste factor. */
  hasteFactor(): number {
    return this.tier.hasteFactor();
  }

  /** A notifying buff changed; returns true when it was the helper's. */
  buffChanged(buff: number): boolean {
    const sim = this.sim;
    const b = this.buff;
    if (this.tierOn && this.tier.buffChanged(buff)) return true;
    if (buff === b.cooldown) {
      // The cooldown ran out: the next beast is ready.
      if (!sim.buffs.up(buff, sim.now)) this.trigger();
      return true;
    }
    if (buff === b.ready[0] || buff === b.ready[1] || buff === b.ready[2]) {
      // A beast was summoned or its readiness ran out: the cooldown starts again unless it runs.
      if (!sim.buffs.up(buff, sim.now) && !sim.buffs.up(b.cooldown, sim.now)) sim.applyBuff(b.cooldown, 1, 0);
      return true;
    }
    return false;
  }

  /** SimC trigger_howl_of_the_pack_leader: the next beast in turn is ready. */
  private trigger(): void {
    const beast = this.next;
    this.next = (beast + 1) % 3;
    this.sim.applyBuff(this.buff.ready[beast]!, 1, 0);
  }

  private anyReady(): boolean {
    const sim = this.sim;
    const r = this.buff.ready;
    return sim.buffs.up(r[0]!, sim.now) || sim.buffs.up(r[1]!, sim.now) || sim.buffs.up(r[2]!, sim.now);
  }

  /** Pack Mentality's Kill Command bonus now (added to Alpha Predator's, SimC kill_command_bm_t). */
  killCommandBonus(): number {
    return this.packMentality && this.anyReady() ? PL.packMentalityKillCommand : 0;
  }

  /** Wyvern's Cry on the hunter's spells in its list (471881 #1 direct, #2 periodic). */
  spellMult(): number {
    if (!this.on) return 1;
    return 1 + this.sim.buffs.stack(this.buff.wyvern, this.sim.now) * PL.wyvernPerStack;
  }

  /** The hunter's pets (not guardians): Wyvern's Cry #3, Lead From the Front #4, Better Together #1. */
  petMult(): number {
    if (!this.on) return 1;
    const sim = this.sim;
    let m = 1 + sim.buffs.stack(this.buff.wyvern, sim.now) * PL.wyvernPerStack;
    if (sim.buffs.up(this.buff.lftf, sim.now)) m *= 1 + PL.leadFromTheFrontPet;
    if (this.betterTogether) m *= 1 + PL.betterTogetherPet;
    if (this.tier.two) m *= this.tier.petMult; // the set's 2-piece (1236372 #1)
    return m;
  }

  /** Better Together's Frenzy bonus per stack (472357 #5). */
  frenzyBonus(): number {
    return this.betterTogether ? PL.betterTogetherFrenzy : 0;
  }

  /**
   * Kill Command was cast, after the pets' attacks (SimC kill_command_t::execute): the ready beasts
   * come (Pack Mentality's Barbed Shot reduction per beast), then Dire Summons and Fury of the
   * Wyvern.
   */
  onKillCommand(target: number): void {
    if (!this.on) return;
    const sim = this.sim;
    const r = this.buff.ready;
    if (this.furyOfTheWyvern) {
      // SimC clears the count when Wyvern's Cry falls off (its stack-change callback at 0 stacks);
      // only a Kill Command reads or re-applies it, so clearing it here, before the howl, is the same
      const exp = sim.buffs.expires[this.buff.wyvern]!;
      if (exp <= sim.now && exp > this.wyvernClearedAt) {
        this.wyvernExtended = 0;
        this.wyvernClearedAt = exp;
      }
    }
    let beasts = 0;
    if (sim.buffs.up(r[WYVERN]!, sim.now)) {
      beasts++;
      sim.applyBuff(this.buff.wyvern, PL.wyvernStacks, 0);
      this.wyvernSkipUntil = -1; // up now, maybe not full
      this.host.petAurasChanged();
      sim.removeBuff(r[WYVERN]!);
      if (this.tierOn) this.tier.onBeast(TIER_WYVERN);
    }
    let boar = false;
    if (sim.buffs.up(r[BOAR]!, sim.now)) {
      beasts++;
      boar = true;
      // With the set, the first charge waits for the summons' buffs and the Stampede, as SimC's
      // ground effect pulses in an event of its own after them (ground_aoe_event_t, at once).
      if (!this.tierOn) this.boarPulse(target);
      for (let k = 1; k < PL.boarCharges; k++)
        sim.q.push(sim.now + k * PL.boarPeriodMs, PRIO_DEFAULT, EV_SPEC, PACK_LEADER_BOAR_EVENT, target);
      sim.removeBuff(r[BOAR]!);
      if (this.tierOn) this.tier.onBeast(TIER_BOAR);
    }
    if (sim.buffs.up(r[BEAR]!, sim.now)) {
      beasts++;
      this.bear.summon();
      if (this.tierOn) {
        // SimC: Rend Flesh is cast in the bear's summon, Grizzled Fur comes after it, and the bear's
        // first swing after that (an event of the pet's own)
        this.tier.onBeast(TIER_BEAR);
        this.bear.swing();
      }
      sim.removeBuff(r[BEAR]!);
    }
    if (this.tierOn) {
      // 4-piece: SimC consume_howl_of_the_pack_leader, after the beasts, with Lead From the Front up
      if (beasts > 0 && sim.buffs.up(this.buff.lftf, sim.now)) this.tier.stampede(target);
      if (boar) this.boarPulse(target);
    }
    if (beasts > 0 && this.packMentality) this.host.reduceBarbedShot(beasts * PL.packMentalityBarbedShotMs);
    if (this.direSummons) this.shortenCooldown(PL.direSummonsKillCommandMs);
    if (this.furyOfTheWyvern && this.wyvernExtended < PL.furyWyvernExtendCapMs) {
      const w = this.buff.wyvern;
      if (sim.buffs.up(w, sim.now)) {
        // Only the expiry moves, later (no stacks added): what was kept until the old one (the
        // host's pet multiplier, wyvernSkipUntil) stays right until then and is redone after.
        sim.applyBuff(w, 0, sim.buffs.expires[w]! - sim.now + PL.furyWyvernExtendMs);
      }
      // counted with the buff down too (SimC kill_command_t::execute)
      this.wyvernExtended += PL.furyWyvernExtendMs;
    }
  }

  /** Dire Summons: the howl's cooldown aura runs `ms` shorter (it ends now when less is left). */
  private shortenCooldown(ms: number): void {
    const sim = this.sim;
    const cd = this.buff.cooldown;
    if (!sim.buffs.up(cd, sim.now)) return;
    const left = sim.buffs.expires[cd]! - sim.now - ms;
    if (left > 0) sim.applyBuff(cd, 0, left);
    else sim.removeBuff(cd);
  }

  /** Cobra Shot's Hogstrider multiplier now (472640 #1). */
  cobraMult(): number {
    if (!this.hogstrider) return 1;
    return 1 + this.sim.buffs.stack(this.buff.hogstrider, this.sim.now) * PL.hogstriderPerStack;
  }

  /** Cobra Shot's hits on the extra targets (472640 #2: one per stack; the others in order). */
  hogstriderHits(source: number, primary: number, amount: number, crit: number): void {
    if (!this.hogstrider) return;
    const sim = this.sim;
    let extra = sim.buffs.stack(this.buff.hogstrider, sim.now) * PL.hogstriderTargetsPerStack;
    for (let t = 0; t < sim.targets && extra > 0; t++)
      if (t !== primary) {
        sim.hit(source, t, amount, true, crit);
        extra--;
      }
  }

  /** Cobra Shot was cast (after its hits): Dire Summons, Hogstrider spent. */
  onCobraShot(): void {
    if (!this.on) return;
    if (this.direSummons) this.shortenCooldown(PL.direSummonsCobraShotMs);
    if (this.hogstrider) this.sim.removeBuff(this.buff.hogstrider);
  }

  /** Bestial Wrath was cast: Lead From the Front's buff and a howl (SimC bestial_wrath_t::execute). */
  onBestialWrath(): void {
    if (!this.leadFromTheFront) return;
    this.sim.applyBuff(this.buff.lftf, 1, 0);
    this.host.petAurasChanged();
    this.trigger();
  }

  /** Kill Shot dealt damage: No Mercy's free basic attack (0.7 s internal cooldown). */
  onKillShot(target: number): void {
    if (!this.noMercy || this.sim.now < this.noMercyReady) return;
    this.noMercyReady = this.sim.now + PL.noMercyIcdMs;
    this.host.freeBasicAttack(target);
  }

  /** No Mercy's basic attack is booked under its own source. */
  get noMercySource(): number {
    return this.src.noMercy;
  }

  /** A melee swing of the main pet or the Animal Companion: Fury of the Wyvern's extra stack. */
  onPetMelee(): void {
    if (!this.furyOfTheWyvern) return;
    const sim = this.sim;
    if (sim.now < this.wyvernSkipUntil) return;
    // SimC increment(1, …, remains()): one stack, the duration unchanged (a no-op at the maximum
    // once every stack is seen: most swings while it is up; and while it is down)
    const w = this.buff.wyvern;
    if (sim.incrementBuff(w)) this.host.petAurasChanged();
    else this.wyvernSkipUntil = sim.buffs.up(w, sim.now) ? sim.buffs.expires[w]! : Infinity;
  }

  /** `until`, or sooner when Wyvern's Cry or Lead From the Front (petMult's auras) is up and ends before. */
  petAurasUntil(until: number): number {
    const sim = this.sim;
    until = firstExpiry(until, sim.buffs.expires[this.buff.wyvern]!, sim.now);
    return firstExpiry(until, sim.buffs.expires[this.buff.lftf]!, sim.now);
  }

  /**
   * One Boar Charge (SimC boar_charge_t): 4 AP on the target and 1.6 AP on up to 8 enemies, the
   * target included (SimC: "currently hits primary target"). A hunter ability: spec aura #1,
   * Master of Beasts #3 (1.9 % per point), Bestial Wrath, Wyvern's Cry; the cleave also Lead From
   * the Front. Each hit adds a Hogstrider stack.
   */
  private boarPulse(target: number): void {
    const sim = this.sim;
    const host = this.host;
    // 137015 #1 (−6 %), 76657 #3 (the pet mastery, 1.9 % per point), 19574 #1, 471881 #1
    const m =
      sim.ap * (1 + BM.specAuraSpells) * (1 + sim.masteryPct / 100) * host.bestialWrath() * this.spellMult();
    const crit = host.shotCrit();
    // the set's 2-piece: Boar Charge +15 % (1236372 #5 the target's hit, #4 the cleave; 1 without)
    sim.hit(this.src.boar, target, PL.boarImpactAp * m * this.tier.boarImpactMult, true, crit);
    this.hogstriderStack();
    const lftf = sim.buffs.up(this.buff.lftf, sim.now) ? 1 + PL.leadFromTheFrontBeasts : 1;
    // the target first, then the others in order, 8 in all
    const cleave = PL.boarCleaveAp * m * lftf * this.tier.boarCleaveMult;
    sim.hit(this.src.boarCleave, target, cleave, true, crit);
    this.hogstriderStack();
    for (let t = 0, n = 1; t < sim.targets && n < PL.boarCleaveTargets; t++) {
      if (t === target) continue;
      sim.hit(this.src.boarCleave, t, cleave, true, crit);
      this.hogstriderStack();
      n++;
    }
  }

  private hogstriderStack(): void {
    if (this.hogstrider) this.sim.applyBuff(this.buff.hogstrider, 1, 0);
  }

  /** Wildspeaker: the bear's share of a dire critter's Kill Command now (0 when no bear is out). */
  bearCritterShare(): number {
    return this.bear.critterShare();
  }

  /** A spec event; returns true when it was the helper's. */
  specEvent(kind: number, b: number): boolean {
    if (kind === PACK_LEADER_BOAR_EVENT) this.boarPulse(b);
    else if (!this.bear.specEvent(kind, b)) return this.tierOn && this.tier.specEvent(kind, b);
    return true;
  }

  /** A dot ticked; returns false when it is not Rend Flesh (the bear's, Ursine Fury on its ticks). */
  dotTick(dot: number, target: number, amount: number): boolean {
    return this.bear.dotTick(dot, target, amount);
  }
}
