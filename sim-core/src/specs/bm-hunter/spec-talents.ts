/**
 * BM spec talents of SimulationCraft's default BM profile, as sc_hunter.cpp (simc ab018d1176) has
 * them: Training Expert, Piercing Fangs, Go for the Throat, Savagery, War Orders, Scent of Blood,
 * Barbed Scales, Killer Cobra, Serpentine Rhythm, Dire Command, Dire Frenzy, Laceration, Wildspeaker,
 * and of its Dark Ranger profile Master Handler and Hunter's Prey (Bloody Frenzy: ./bloody-frenzy.ts,
 * with this file's Stomp); besides them Cobra Senses, which players take. Numbers:
 * ./talent-data.ts; table: sim-core/docs/specs.md. Each answer is neutral (1 / no-op) without its talent.
 */
import { CRIT_MULTIPLIER } from '../../engine/ratings.ts';
import type { Sim } from '../../engine/sim.ts';
import { ResidualBleed } from '../mm-hunter/bleed.ts';
import { adjustCooldown } from './call-of-the-wild.ts';
import {
  A,
  B,
  D,
  P,
  PET_ANIMAL_COMPANION,
  PET_COTW_A,
  PET_COTW_TICK_FIRST,
  PET_COTW_TICK_SLOTS,
  PET_MAIN,
  S,
  SPEC_LACERATION,
} from './indices.ts';
import { rankValue, talentRank } from '../../talents/ranks.ts';
import { BM_TALENTS as T } from './talent-data.ts';

/** What the BM logic gives the helper. */
export interface SpecTalentsHost {
  /** Takes `ms` off Barbed Shot's recharge, the rest carrying into the next charge (SimC adjust). */
  reduceBarbedShot(ms: number): void;
  /** A Dire Beast (Dire Command): the same summon as Dire Beast's bleed-tick roll. */
  summonDireBeast(): void;
  /** The main pet's damage multiplier now (attack power share, auras, mastery, Bestial Wrath…). */
  petMult(): number;
  /** One hit of the main pet (or the companion) with its target multiplier, crit and crit damage. */
  petHit(source: number, target: number, amount: number): void;
  /** A tick of one of the hunter's bleeds (Laceration): Dire Beast's roll (120679 #1). */
  bleedTick(): void;
  /** Serpentine Blessing was applied: the pet multiplier kept by the host is stale. */
  petAurasChanged(): void;
}

/** petCritDamage's Piercing Fangs answer for a bonus of 1 (the same expression, folded at load). */
const PIERCING_FANGS_CRIT_DAMAGE =
  ((CRIT_MULTIPLIER * (1 + T.piercingFangsCritDamage) - 1) * 1) / (CRIT_MULTIPLIER - 1);

export class BmSpecTalents {
  private readonly trainingExpert: boolean;
  private readonly piercingFangs: boolean;
  private readonly goForTheThroat: boolean;
  private readonly savagery: boolean;
  private readonly warOrders: boolean;
  /** Scent of Blood's Barbed Shot charges at the config's rank (0 without). */
  private readonly scentOfBlood: number;
  private readonly barbedScales: boolean;
  private readonly killerCobra: boolean;
  private readonly serpentineRhythm: boolean;
  /** Cobra Senses on Cobra Shot's damage (378244 #2; 1 without). */
  private readonly cobraSenses: number;
  private readonly direCommand: boolean;
  /** Dire Frenzy's extra time on a dire critter (385810 #1; 0 without), from its rank at load. */
  private readonly direFrenzyMs: number;
  /** Dire Frenzy's damage on a dire critter (385810 #2; 1 without), from its rank at load. */
  private readonly direFrenzyDamage: number;
  /** direBeastMult while Wildspeaker's Bestial Wrath is up: Dire Frenzy's × critterRage's, folded at load. */
  private readonly direRageDamage: number;
  readonly wildspeaker: boolean;
  private readonly stomp: boolean;
  private readonly snakeskin: boolean;
  private readonly masterHandler: boolean;
  /** Hunter's Prey's bonus a pet (468219 #1; 0 without the talent). */
  private readonly huntersPrey: number;
  /** Laceration's bleed, one per target; null without the talent. */
  private readonly laceration: ResidualBleed | null;

  constructor(
    private readonly sim: Sim,
    private readonly host: SpecTalentsHost,
  ) {
    this.trainingExpert = sim.hasTalent('training_expert');
    this.piercingFangs = sim.hasTalent('piercing_fangs');
    this.goForTheThroat = sim.hasTalent('go_for_the_throat');
    this.savagery = sim.hasTalent('savagery');
    this.warOrders = sim.hasTalent('war_orders');
    const rank = (key: string) => talentRank(sim.config.player.talents, key); // 0 when not taken
    this.scentOfBlood = rankValue(T.scentOfBloodCharges, rank('scent_of_blood'));
    this.barbedScales = sim.hasTalent('barbed_scales');
    this.killerCobra = sim.hasTalent('killer_cobra');
    this.serpentineRhythm = sim.hasTalent('serpentine_rhythm');
    this.cobraSenses = sim.hasTalent('cobra_senses') ? 1 + T.cobraSensesDamage : 1;
    // 378244 #1: Cobra Shot's focus cost −5 (SimC apply_affecting_aura; Snakeskin Quiver's is free anyway)
    if (this.cobraSenses !== 1) sim.baseCost[A.cobra]! += T.cobraSensesCost;
    // SimC: the Dire Beast summon action exists with Dire Beast or Bloodshed (hunter_t::create_actions).
    this.direCommand =
      sim.hasTalent('dire_command') && (sim.hasTalent('dire_beast') || sim.hasTalent('bloodshed'));
    const direFrenzy = rank('dire_frenzy');
    this.direFrenzyMs = rankValue(T.direFrenzyMs, direFrenzy);
    this.direFrenzyDamage = 1 + rankValue(T.direFrenzyDamage, direFrenzy);
    this.wildspeaker = sim.hasTalent('wildspeaker');
    this.direRageDamage = this.direFrenzyDamage * (1 + T.wildspeakerBestialWrath);
    this.stomp = sim.hasTalent('stomp');
    this.snakeskin = sim.hasTalent('snakeskin_quiver');
    this.masterHandler = sim.hasTalent('master_handler');
    this.huntersPrey = sim.hasTalent('hunters_prey') ? T.huntersPreyPerPet : 0;
    // SimC laceration_t is the hunter's residual bleed (459560): rolling, 6 s, 1 s ticks, no
    // multipliers but Unnatural Causes, and a bleed of the hunter's, so its ticks roll Dire Beast.
    const lacerationSpec = {
      src: S.laceration,
      kind: SPEC_LACERATION,
      ms: T.lacerationMs,
      tickMs: T.lacerationTickMs,
    };
    this.laceration = sim.hasTalent('laceration')
      ? new ResidualBleed(sim, lacerationSpec, () => host.bleedTick())
      : null;
    if (this.savagery) {
      // 424557 #2: a flat +2 s on Barbed Shot's bleed, Frenzy and both Thrills (SimC apply_affecting_aura).
      const add = T.savageryDurationMs;
      sim.dots.duration[D.bs]! += add;
      sim.petBuffs.duration[P.frenzy]! += add;
      sim.petBuffs.duration[P.thrill]! += add;
      sim.buffs.duration[B.thrill]! += add;
    }
  }

  /** Start of an iteration: no Laceration bleeds. */
  start(): void {
    this.laceration?.start();
  }

  /** A spec event; true when it was one of Laceration's ticks. */
  specEvent(kind: number, gen: number): boolean {
    return this.laceration !== null && this.laceration.specEvent(kind, gen);
  }

  /**
   * After a hit of the main pet or the Animal Companion (SimC hunter_main_pet_base_t's
   * laceration_cb_t, PF2_CRIT, melee and yellow attacks; not Bloodshed's ticks): a crit adds 8 %
   * of the damage dealt (459555 #1) to the target's Laceration.
   */
  afterPetHit(target: number, crit: number): void {
    if (crit === 1 && this.laceration !== null)
      this.laceration.add(target, this.sim.lastHitDamage * T.lacerationShare);
  }

  /**
   * The hunter's pets (not guardians), SimC composite_player_pet_damage_multiplier: Training
   * Expert (378209 #1) and Serpentine Blessing (468704 #1).
   */
  petDamage(): number {
    let m = this.trainingExpert ? 1 + T.trainingExpertPet : 1;
    if (this.serpentineRhythm && this.sim.buffs.up(B.blessing, this.sim.now))
      m *= 1 + T.serpentineBlessingPet;
    return m;
  }

  /** Savagery on the pet's Kill Command (424557 #1, 83381 in its list). */
  killCommandMult(): number {
    return this.savagery ? 1 + T.savageryKillCommand : 1;
  }

  /** War Orders on Barbed Shot's bleed (393933 #1, periodic). */
  barbedShotMult(): number {
    return this.warOrders ? 1 + T.warOrdersBarbedShot : 1;
  }

  /**
   * Sim.hit's crit-damage argument for a hit of the main pet (or the Animal Companion, both
   * hunter_main_pet_base_t): Piercing Fangs while the pet's Bestial Wrath is up is a player crit
   * damage multiplier m (392054 #1, all schools), so SimC's bonus is (2 m − 1) × the spell's;
   * Kill Command's spell bonus is 1 + Go for the Throat × the hunter's crit chance (459550 #2).
   */
  petCritDamage(killCommand: boolean, hunterCrit: number): number {
    const bonus = killCommand && this.goForTheThroat ? 1 + T.goForTheThroat * hunterCrit : 1;
    if (!this.piercingFangs || !this.sim.petBuffs.up(P.bw, this.sim.now)) return bonus;
    return ((CRIT_MULTIPLIER * (1 + T.piercingFangsCritDamage) - 1) * bonus) / (CRIT_MULTIPLIER - 1);
  }

  /** petCritDamage(false, 0), a pet melee's or basic attack's: its bonus is 1, so Piercing Fangs' is a constant. */
  mainPetCritDamage(): number {
    return this.piercingFangs && this.sim.petBuffs.up(P.bw, this.sim.now) ? PIERCING_FANGS_CRIT_DAMAGE : 1;
  }

  /**
   * Cobra Shot's (and Snakeskin Quiver's, the same spell 193455) talents: Cobra Senses (378244 #2)
   * and Serpentine Rhythm's stacks (468703 #1), read before the cast adds one.
   */
  cobraMult(): number {
    if (!this.serpentineRhythm) return this.cobraSenses;
    return this.cobraSenses * (1 + this.sim.buffs.stack(B.rhythm, this.sim.now) * T.serpentineRhythmPerStack);
  }

  /** After a Cobra Shot (SimC cobra_shot_t::execute): Killer Cobra, Serpentine Rhythm, Barbed Scales. */
  afterCobraShot(): void {
    const sim = this.sim;
    if (this.killerCobra && sim.buffs.up(B.bw, sim.now)) sim.cds.addCharge(A.kc, sim.now);
    if (this.serpentineRhythm) {
      sim.applyBuff(B.rhythm, 1, 0);
      if (sim.buffs.stack(B.rhythm, sim.now) >= sim.buffs.maxStacks[B.rhythm]!) {
        sim.removeBuff(B.rhythm);
        sim.applyBuff(B.blessing, 1, 0);
        this.host.petAurasChanged();
      }
    }
    if (this.barbedScales) this.host.reduceBarbedShot(T.barbedScalesMs);
    sim.poke();
  }

  /**
   * Stomp (199530) of `pets` main pets on a Barbed Shot, before their Frenzy and Thrill (SimC
   * barbed_shot_t::execute, stomp_t): 0.6 × the pet's AP on the target (1217528 #1) and on every
   * other enemy (201754 #1, no soft cap), with the main pet's multipliers.
   */
  barbedShotStomp(target: number, pets: number): void {
    if (this.stomp) this.mainPetStomp(target, pets);
  }

  /**
   * `pets` Stomps of the main pet (then the Animal Companion) at `target`: Barbed Shot's with the
   * talent, and Bloody Frenzy's on each Call of the Wild summon with or without it (SimC creates
   * stomp_t for either talent, stable_pet_t / hunter_main_pet_base_t::init_spells).
   */
  mainPetStomp(target: number, pets: number): void {
    const sim = this.sim;
    const m = sim.ap * this.host.petMult();
    for (let k = 0; k < pets; k++) {
      this.host.petHit(S.stomp, target, T.stompAp * m);
      for (let t = 0; t < sim.targets; t++)
        if (t !== target) this.host.petHit(S.stompCleave, t, T.stompCleaveAp * m);
    }
  }

  /** Snakeskin Quiver (468695 #1): this Auto Shot also fires a free Cobra Shot (SimC auto_shot_base_t::execute). */
  snakeskinQuiver(): boolean {
    return this.snakeskin && this.sim.rng.next() < T.snakeskinQuiverChance;
  }

  /** After a Barbed Shot: War Orders' Kill Command reset (393933 #3). */
  afterBarbedShot(): void {
    const sim = this.sim;
    if (this.warOrders && sim.rng.next() < T.warOrdersResetChance) {
      sim.cds.addCharge(A.kc, sim.now);
      sim.poke();
    }
  }

  /**
   * After each damage tick of Barbed Shot, the one on application included: Master Handler's 0.5 s
   * off Kill Command (424558 #1; SimC barbed_shot_t::tick, cooldowns.kill_command->adjust, the rest
   * carrying into the next charge).
   */
  afterBarbedShotTick(): void {
    if (!this.masterHandler) return;
    adjustCooldown(this.sim, A.kc, T.masterHandlerMs);
    this.sim.poke();
  }

  /**
   * Hunter's Prey on Kill Shot's and Black Arrow's hit, when fired: +10 % for each of the hunter's
   * pets out (468219 #1), 5 at most (468219's stacks); 1 without the talent. SimC
   * kill_shot_base_t::action_multiplier (Kill Shot and Black Arrow, not its dot or Withering Fire's
   * arrows) counts the main pet, the Animal Companion and Call of the Wild's pets
   * (cotw_stable_pet): not Dire Beasts, Hati / Fenryr or Pack Leader's beasts.
   */
  killShotMult(): number {
    if (this.huntersPrey === 0) return 1;
    const out = this.sim.petActive;
    let pets = out[PET_MAIN]! + out[PET_ANIMAL_COMPANION]!;
    for (let p = PET_COTW_A; p < PET_COTW_TICK_FIRST + PET_COTW_TICK_SLOTS; p++) pets += out[p]!;
    return 1 + this.huntersPrey * Math.min(pets, T.huntersPreyMaxPets);
  }

  /** After Bestial Wrath: Scent of Blood's Barbed Shot charges (193532 #1, SimC reset(true, 2)). */
  afterBestialWrath(): void {
    if (this.scentOfBlood === 0) return;
    const sim = this.sim;
    for (let i = 0; i < this.scentOfBlood; i++) sim.cds.addCharge(A.bs, sim.now);
    sim.poke();
  }

  /** After the hunter's Kill Command: Dire Command's Dire Beast (378743 #1). */
  afterKillCommand(): void {
    if (this.direCommand && this.sim.rng.next() < T.direCommandChance) this.host.summonDireBeast();
  }

  /** A Dire Beast's extra time (385810 #1). */
  direBeastExtraMs(): number {
    return this.direFrenzyMs;
  }

  /**
   * A Dire Beast's (and Hati's, Fenryr's) damage, dire_critter_t::composite_player_multiplier: Dire
   * Frenzy (385810 #2) and Wildspeaker's Bestial Wrath (1235388 #1). SimC gives it to the critters
   * out when Bestial Wrath is cast (15 s) and to those summoned during it (for its remains): with
   * 19574's 15 s both end with the hunter's Bestial Wrath, so it is up exactly while that is.
   */
  direBeastMult(): number {
    // direFrenzyMult() × critterRage() (× 1 without the rage: the same double), one buff read and
    // no product per dire swing
    return this.raging() ? this.direRageDamage : this.direFrenzyDamage;
  }

  /** Wildspeaker's Bestial Wrath is up: the critters' rage (critterRage, direBeastMult). */
  private raging(): boolean {
    return this.wildspeaker && this.sim.buffs.up(B.bw, this.sim.now);
  }

  /** Dire Frenzy's damage on a dire critter (385810 #2; 1 without it). */
  direFrenzyMult(): number {
    return this.direFrenzyDamage;
  }

  /** Wildspeaker's Bestial Wrath on a dire critter (1235388 #1; the Pack Leader bear is one too). */
  critterRage(): number {
    return this.raging() ? 1 + T.wildspeakerBestialWrath : 1;
  }

  /**
   * Wildspeaker's Kill Command (1232922) of one critter of `apShare` × the hunter's AP, before the
   * critter's multipliers: 0.39 AP (#1), Savagery (424557 #1) and Specialized Arsenal by
   * apply_affecting_aura (hunter_pet_action_t); `critDamage` below.
   */
  critterKillCommand(): number {
    return (
      T.wildspeakerKillCommandAp *
      this.sim.ap *
      this.killCommandMult() *
      this.sim.classTree.specializedArsenal
    );
  }

  /** Its crit damage: Go for the Throat (459550 #2) × the hunter's crit chance; no Piercing Fangs (main pet only). */
  critterKillCommandCritDamage(hunterCrit: number): number {
    return this.goForTheThroat ? 1 + T.goForTheThroat * hunterCrit : 1;
  }
}
