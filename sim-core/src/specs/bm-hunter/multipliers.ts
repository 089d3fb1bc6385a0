/**
 * Beast Mastery's damage multipliers (the hunter's shots, the main pet, stable pets, guardians) and
 * the main pet's hit, read by ./logic.ts and its helpers on every hit. Numbers: ./data.ts.
 */
import { firstExpiry } from '../../engine/auras.ts';
import { MAX_TARGETS } from '../../engine/events.ts';
import type { Sim } from '../../engine/sim.ts';
import type { DarkRanger } from '../hero/dark-ranger.ts';
import type { PackLeader } from '../hero/pack-leader.ts';
import { BM } from './data.ts';
import type { HuntmastersCall } from './huntmasters-call.ts';
import { B, D, P } from './indices.ts';
import type { BmSpecTalents } from './spec-talents.ts';
import { BM_TALENTS } from './talent-data.ts';
import type { WildInstincts } from './wild-instincts.ts';

export class BmMultipliers {
  /**
   * The factors that follow mastery, computed when sim.masteryPct changes (a potion changes it
   * mid-fight) instead of on every hit: masteryFor is the value they were computed for.
   */
  private masteryFor = NaN;
  private masteryPlayerPct = 0;
  private playerBase = 0;
  private stable = 0;
  private guardian = 0;
  /**
   * petMult's value, kept while now < petUntil (the first of its auras up then to expire) and the
   * mastery is the same. Every application of one of its auras (Wyvern's Cry, Lead From the Front,
   * Serpentine Blessing, Hati, the pet's Bestial Wrath) clears it (petAurasChanged), as does a new
   * iteration (start); Fury of the Wyvern's extension of Wyvern's Cry does not (it only moves an
   * expiry later: pack-leader.ts). Not kept with The Bell Tolls, whose stacks change on their own.
   */
  private petValue = 0;
  private petUntil = -1;
  private petMastery = NaN;
  private readonly keepPet: boolean;
  /**
   * Solitary Companion on the main pet (474751 #2; 1 without): SimC hunter_main_pet_t's
   * composite_player_multiplier, the main pet only. It is the other option of Animal Companion's
   * node (102361), so petMult, which the companion shares, is the main pet's alone when it is taken.
   */
  private readonly solitary: number;

  constructor(
    private readonly sim: Sim,
    private readonly pl: PackLeader,
    private readonly st: BmSpecTalents,
    private readonly hm: HuntmastersCall,
    private readonly dr: DarkRanger,
    private readonly wi: WildInstincts,
  ) {
    this.keepPet = !sim.hasTalent('the_bell_tolls');
    this.solitary = sim.hasTalent('solitary_companion') ? 1 + BM_TALENTS.solitaryCompanion : 1;
  }

  /**
   * The main pet's hit terms on the main target (target 0: every melee swing and basic attack of
   * the main pet and the Animal Companion): Bloodshed's damage taken (petTargetMult(0)), its Thrill
   * crit chance (petCrit) and Piercing Fangs' crit damage (petCritDamage), kept while now <
   * mainUntil: the first of the pet's Thrill of the Hunt, its Bestial Wrath and Bloodshed on the
   * main target up then to expire (up ⇔ now < expiry, the auras' own test), Infinity when none
   * is. Each application of one of them clears it (mainAurasChanged), as does a new iteration
   * (start); nothing else changes them (the main target is never cleared: adds.ts clears adds).
   */
  private mainUntil = -1;
  private mainTarget = 0.5;
  private mainCrit = 0.5;
  private mainCritDamage = 0.5;

  /** Start of an iteration (the auras were cleared, the clock restarts). */
  start(): void {
    this.petUntil = -1;
    this.mainUntil = -1;
  }

  /** The pet's Thrill of the Hunt or Bestial Wrath, or Bloodshed, was applied: the kept main-target terms are stale. */
  mainAurasChanged(): void {
    this.mainUntil = -1;
  }

  /** Recomputes the kept main-target terms and when the first of their auras up now expires. */
  private syncMain(): void {
    const sim = this.sim;
    const now = sim.now;
    this.mainTarget = this.petTargetMult(0);
    this.mainCrit = this.petCrit();
    this.mainCritDamage = this.petCritDamage();
    let until = firstExpiry(Infinity, sim.dots.expires[D.bloodshed * MAX_TARGETS]!, now);
    until = firstExpiry(until, sim.petBuffs.expires[P.thrill]!, now);
    until = firstExpiry(until, this.wi.expires(0), now);
    this.mainUntil = firstExpiry(until, sim.petBuffs.expires[P.bw]!, now);
  }

  /** One of petMult's auras was applied or removed: the kept value is stale. */
  petAurasChanged(): void {
    this.petUntil = -1;
  }

  private syncMastery(): void {
    const m = this.sim.masteryPct;
    if (m === this.masteryFor) return;
    this.masteryFor = m;
    // Master of Beasts on the hunter's own spells, in percent (76657 #5: 1 % per mastery point).
    this.masteryPlayerPct = (m / this.sim.data.masteryCoefficient) * BM.masteryPlayerCoefficient;
    this.playerBase = (1 + BM.specAuraSpells) * (1 + this.masteryPlayerPct / 100);
    // sim.classTree.petDamage: Harmonize (specs/class-tree.ts), on pets, not guardians
    this.stable = BM.petApFromOwner * (1 + BM.specAuraPet) * (1 + m / 100) * this.sim.classTree.petDamage;
    this.guardian = BM.direBeastApFromOwner * (1 + BM.specAuraGuardian) * (1 + m / 100);
  }

  /** Bestial Wrath on the hunter's own damage (19574 effects #1/#4; Auto Shot included). */
  bwMult(): number {
    return this.sim.buffs.up(B.bw, this.sim.now) ? 1 + BM.bestialWrathDamage : 1;
  }
  /** Auto Shot: not in the spec aura's or the mastery's spell lists (137015 #1, 76657 #5). */
  autoMult(): number {
    return this.bwMult() * this.pl.spellMult();
  }
  /** Master of Beasts on the hunter's own spells, in percent (76657 #5: 1 % per mastery point). */
  playerMasteryPct(): number {
    this.syncMastery();
    return this.masteryPlayerPct;
  }
  /** The hunter's focus spenders: spec aura, Master of Beasts on the hunter's spells, Bestial Wrath. */
  playerMult(): number {
    this.syncMastery();
    return this.playerBase * this.bwMult() * this.dr.bellTollsMult() * this.pl.spellMult();
  }
  /**
   * A stable pet (the main pet, Call of the Wild's pets): pet attack power, spec aura, mastery, and
   * Pack Leader's pet multipliers (Wyvern's Cry, Lead From the Front, Better Together; 1 without it).
   * Multiply by petTargetMult for the main pet on a target.
   */
  stableMult(): number {
    this.syncMastery();
    return this.stable * this.pl.petMult() * this.st.petDamage() * this.hm.petDamage();
  }
  /**
   * Call of the Wild's pets: stable pets (SimC call_of_the_wild_pet_t is no guardian), so The Bell
   * Tolls counts for them as for the main pet (hunter_t::composite_player_pet_damage_multiplier,
   * `!guardian`: 1232992 #3 with 137015 #16), but no Bestial Wrath of their own.
   */
  cotwMult(): number {
    return this.stableMult() * this.dr.bellTollsMult();
  }
  /**
   * The main pet and the Animal Companion: stable pets with their own Bestial Wrath (186254; Call
   * of the Wild's pets have none). The companion's Frenzy, Thrill,
   * Bestial Wrath and Beast Cleave come from the same casts at the same times as the main pet's,
   * so both read the main pet's auras.
   */
  petMult(): number {
    const sim = this.sim;
    if (sim.now < this.petUntil && sim.masteryPct === this.petMastery) return this.petValue;
    const bw = sim.petBuffs.up(P.bw, sim.now) ? 1 + BM.bestialWrathDamage : 1;
    const value = this.stableMult() * bw * this.dr.bellTollsMult() * this.solitary;
    if (this.keepPet) {
      this.petValue = value;
      this.petUntil = this.petAurasUntil();
      this.petMastery = sim.masteryPct;
    }
    return value;
  }

  /** When the first of petMult's auras up now expires (Infinity when none is up). */
  private petAurasUntil(): number {
    const sim = this.sim;
    const now = sim.now;
    let until = this.pl.petAurasUntil(Infinity);
    until = firstExpiry(until, sim.buffs.expires[B.hati]!, now);
    until = firstExpiry(until, sim.buffs.expires[B.blessing]!, now);
    return firstExpiry(until, sim.petBuffs.expires[P.bw]!, now);
  }
  /**
   * Target multiplier of the main pet (and the companion): Bloodshed's damage taken while the target
   * bleeds from it, and Wild Instincts' stacks (./wild-instincts.ts; 1 without the talent).
   */
  petTargetMult(target: number): number {
    const sim = this.sim;
    const bloodshed = sim.dots.up(D.bloodshed * MAX_TARGETS + target, sim.now);
    return (bloodshed ? 1 + BM.bloodshedPetDamageTaken : 1) * this.wi.mult(target);
  }
  /** The main pet's crit chance on top of the hunter's: its own Thrill of the Hunt (312365). */
  petCrit(): number {
    return this.sim.petBuffs.stack(P.thrill, this.sim.now) * BM.petThrillCritPerStack;
  }
  /** Crit damage of the main pet's hits other than Kill Command (Piercing Fangs). */
  petCritDamage(): number {
    return this.st.mainPetCritDamage();
  }
  /**
   * One hit of the main pet or the Animal Companion other than Kill Command: `amount` before the
   * target's multiplier, the pet's crit chance and crit damage, then Laceration on a crit. The
   * hit's crit factor (1 without a crit), which Beast Cleave carries over, is mainPetCritFactor
   * after it (a field: a double returned from a call V8 does not inline is boxed).
   */
  mainPetHit(source: number, target: number, amount: number): void {
    // a small wrapper (inlined where it is called) keeping the amount in a field, as Sim.hit: a
    // double argument to a call V8 does not inline is boxed; mainPetDeliver holds the body
    this.mainPetAmount = amount;
    this.mainPetDeliver(source, target);
  }
  /** mainPetHit's amount for mainPetDeliver (a double from the start, as Sim.hit's: kept unboxed in place). */
  private mainPetAmount = 0.5;
  /**
   * The crit factor of the last mainPetHit, taken from sim.lastCritFactor at once after its hit:
   * what runs after the hit (Laceration) may hit too in the future, which would overwrite the engine's.
   */
  mainPetCritFactor = 0.5;
  private mainPetDeliver(source: number, target: number): void {
    const sim = this.sim;
    // the main target's terms are kept (syncMain); another target's are computed
    const main = target === 0;
    if (main && sim.now >= this.mainUntil) this.syncMain();
    const crit = sim.hit(
      source,
      target,
      this.mainPetAmount * (main ? this.mainTarget : this.petTargetMult(target)),
      true,
      main ? this.mainCrit : this.petCrit(),
      main ? this.mainCritDamage : this.petCritDamage(),
    );
    this.mainPetCritFactor = sim.lastCritFactor;
    this.st.afterPetHit(target, crit);
  }
  /** Dire Beast is a guardian: its own attack power share, the guardian spec aura and mastery. */
  guardianMult(): number {
    this.syncMastery();
    return this.guardian;
  }
  /** The hunter's extra crit chance on shots: Thrill of the Hunt's stacks (257946 #1). */
  playerCrit(): number {
    return this.sim.buffs.stack(B.thrill, this.sim.now) * BM.thrillCritPerStack;
  }
}
