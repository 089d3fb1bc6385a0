/** Beast Mastery rules on top of the generic engine. Numbers: ./data.ts. */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { CANNOT_CRIT, type Sim } from '../../engine/sim.ts';
import { aoeScale, WEAPON_POWER_COEFFICIENT } from '../../engine/ratings.ts';
import type { SpecLogic } from '../../engine/spec-logic.ts';
import { BLOODLUST_HASTE } from '../common.ts';
import { BM, BM_DATA } from './data.ts';
import {
  PET_MAIN,
  PET_DIRE_FIRST,
  PET_ANIMAL_COMPANION,
  SPEC_BARBED_FOCUS,
  SPEC_COTW_TICK,
  SPEC_BASIC_ATTACK,
  SPEC_BARBED_LAND,
  A,
  MARK,
  S,
  B,
  P,
  D,
} from './indices.ts';
import { DARK_RANGER_BM, DarkRanger } from '../hero/dark-ranger.ts';
import { PackLeader } from '../hero/pack-leader.ts';
import { PetBasicAttack } from './pet-basic-attack.ts';
import { petMeleePerSwing, petSwingTime } from '../main-pet.ts';
import { BmSpecTalents } from './spec-talents.ts';
import { HuntmastersCall } from './huntmasters-call.ts';
import { BM_TALENTS } from './talent-data.ts';
import { rankValue, talentRank } from '../../talents/ranks.ts';
import { adjustCooldown, CallOfTheWild } from './call-of-the-wild.ts';
import { BeastMasteryImpacts, IMPACT_NO_MERCY, IMPACT_SERPENT_STING } from './impact.ts';
import { BmMultipliers } from './multipliers.ts';
import { BloodyFrenzy } from './bloody-frenzy.ts';
import { DIRE_CLEAVE_BEAR, DireCleave } from './dire-cleave.ts';
import { PoisonedBarbs } from './poisoned-barbs.ts';
import { WildInstincts } from './wild-instincts.ts';
import { BmExplosiveShot } from './explosive-shot.ts';
import { DireCritters } from './dire-critters.ts';
import { beastCleaveShare, mainPetBeastCleave, multiShotBeastCleave } from './beast-cleave.ts';

export class BeastMasteryLogic implements SpecLogic {
  private readonly knownAction: Uint8Array;
  private readonly alpha: boolean;
  private readonly barbedWrath: boolean;
  private readonly thrill: boolean;
  /** Killer Instinct's Kill Command factor at the config's rank (273887 #1 × its rank table; 1 without). */
  private readonly killerInstinct: number;
  private readonly killCleave: boolean;
  /** The Beast Cleave talent: Multi-Shot gives the pets Beast Cleave (./beast-cleave.ts). */
  private readonly beastCleaveTalent: boolean;
  /** The share the pets' Beast Cleave copies: 80 % with the talent, 100 % without (./beast-cleave.ts). */
  private readonly cleaveShare: number;
  private readonly companion: boolean;
  /** Dire Beasts and Wildspeaker's critter Kill Commands (./dire-critters.ts). */
  private readonly critters: DireCritters;
  private readonly regen: number;
  /** Dark Ranger hero tree (specs/hero/dark-ranger.ts); no-ops without its talents. */
  private readonly dr: DarkRanger;
  /** The main pet's Claw / Bite / Smack and its focus (./pet-basic-attack.ts). */
  private readonly basic: PetBasicAttack;
  /** Pack Leader hero tree (specs/hero/pack-leader.ts); no-ops without its talents. */
  private readonly pl: PackLeader;
  /** BM spec talents of SimC's default profile (./spec-talents.ts); no-ops without them. */
  private readonly st: BmSpecTalents;
  /** Huntmaster's Call: Hati and Fenryr (./huntmasters-call.ts); no-op without it. */
  private readonly hm: HuntmastersCall;
  /** Call of the Wild's pets and cooldown reduction (./call-of-the-wild.ts). */
  private readonly cotw: CallOfTheWild;
  /** Bloody Frenzy: Beast Cleave and Stomps with Call of the Wild (./bloody-frenzy.ts); no-op without it. */
  private readonly bf: BloodyFrenzy;
  /** Dire Cleave: the dire critters' Beast Cleave for 8 s after their summon (./dire-cleave.ts). */
  private readonly dc: DireCleave;
  /** Poisoned Barbs: Barbed Shot's explosion and Serpent Sting (./poisoned-barbs.ts); no-op without it. */
  private readonly pb: PoisonedBarbs;
  /** Wild Instincts: the main pet's Kill Command during Call of the Wild marks its target (./wild-instincts.ts). */
  private readonly wi: WildInstincts;
  /** Explosive Shot and Thundering Hooves (./explosive-shot.ts). */
  private readonly es: BmExplosiveShot;
  /** What a shot does when it lands (./impact.ts): Barbed Shot's bleed, Wild Call, No Mercy. */
  private readonly impacts: BeastMasteryImpacts;
  /** The damage multipliers and the main pet's hit (./multipliers.ts). */
  private readonly m: BmMultipliers;
  /** Attack power the pet melee's base (perSwing) was computed for (NaN: not yet). */
  private swingAp = NaN;
  private perSwing = 0;
  /** Frenzy's attack speed per stack: its own and Better Together's (472357 #5). */
  private readonly frenzyPerStack: number;
  /** petSwingMs kept for the auto-attack haste and Frenzy stacks it was computed for. */
  private mainSwingHaste = NaN;
  private mainSwingStacks = -1;
  private mainSwingMs = 0;
  private otherSwingHaste = NaN;
  private otherSwingMs = 0;

  constructor(private readonly sim: Sim) {
    this.knownAction = Uint8Array.from(
      BM_DATA.actions.map((a) => (a.talent && !sim.hasTalent(a.talent) ? 0 : 1)),
    );
    this.alpha = sim.hasTalent('alpha_predator');
    this.barbedWrath = sim.hasTalent('barbed_wrath');
    this.thrill = sim.hasTalent('thrill_of_the_hunt');
    const ki = talentRank(sim.config.player.talents, 'killer_instinct');
    this.killerInstinct = 1 + BM.killerInstinctBonus * rankValue(BM.killerInstinctRank, ki);
    this.killCleave = sim.hasTalent('kill_cleave');
    this.beastCleaveTalent = sim.hasTalent('beast_cleave');
    this.cleaveShare = beastCleaveShare(sim);
    this.companion = sim.hasTalent('animal_companion');
    this.regen = sim.hasTalent('pack_tactics') ? 1 + BM.packTacticsRegen : 1;
    this.dc = new DireCleave(sim, this.cleaveShare);
    this.st = new BmSpecTalents(sim, {
      reduceBarbedShot: (ms) => adjustCooldown(sim, A.bs, ms),
      summonDireBeast: () => this.critters.summon(),
      petMult: () => this.m.petMult(),
      petHit: (src, t, amount) => this.m.mainPetHit(src, t, amount),
      bleedTick: () => this.critters.roll(),
      petAurasChanged: () => this.m.petAurasChanged(),
    });
    this.hm = new HuntmastersCall(sim, {
      guardianMult: () => this.m.guardianMult(),
      direBeastMult: () => this.st.direBeastMult(),
      direBeastExtraMs: () => this.st.direBeastExtraMs(),
      petAurasChanged: () => this.m.petAurasChanged(),
      critterSummoned: (slot) => this.dc.summoned(slot),
      critterSwing: (slot, t, amount) => this.dc.melee(slot, t, amount),
    });
    if (this.alpha) sim.cds.setMaxCharges(A.kc, 1 + BM.alphaPredatorCharges);
    this.dr = new DarkRanger(sim, DARK_RANGER_BM, {
      buffMult: () => this.m.bwMult(),
      spellMastery: () => this.m.playerMasteryPct() / 100,
      spellAura: () => 1 + BM.specAuraSpells,
      shotCrit: () => this.m.playerCrit(),
      blackArrowMult: () => this.st.killShotMult(), // Hunter's Prey (SimC kill_shot_base_t)
      guardianMult: () => this.m.guardianMult(), // Shadow Hounds: Dire Beast's (1 × AP, 137015 #4, mastery)
    });
    this.knownAction.forEach((_, a) => this.dr.known(a) || (this.knownAction[a] = 0));
    this.basic = new PetBasicAttack(
      sim,
      {
        petMult: () => this.m.petMult(),
        mainPetHit: (source, t, amount) => this.m.mainPetHit(source, t, amount),
        mainPetCritFactor: () => this.m.mainPetCritFactor,
        beastCleave: (amount, t) => mainPetBeastCleave(this.sim, this.m, this.cleaveShare, amount, t),
      },
      S.claw,
      SPEC_BASIC_ATTACK,
    );
    this.pl = new PackLeader(sim, {
      bestialWrath: () => this.m.bwMult(),
      shotCrit: () => this.m.playerCrit(),
      reduceBarbedShot: (ms) => {
        adjustCooldown(sim, A.bs, ms);
        sim.poke();
      },
      freeBasicAttack: (t) => this.basic.hit(this.pl.noMercySource, t, 1),
      critterRage: () => this.st.critterRage(),
      direCritterExtraMs: () => this.st.direBeastExtraMs(),
      direFrenzyMult: () => this.st.direFrenzyMult(),
      petAurasChanged: () => this.m.petAurasChanged(),
      bearSummoned: () => this.dc.summoned(DIRE_CLEAVE_BEAR),
      bearSwing: (t, amount) => this.dc.melee(DIRE_CLEAVE_BEAR, t, amount),
    });
    this.cotw = new CallOfTheWild(sim);
    this.impacts = new BeastMasteryImpacts(sim, {
      playerCrit: () => this.m.playerCrit(),
      direBeastRoll: () => this.critters.roll(),
      noMercy: (t) => this.pl.onKillShot(t),
      afterBarbedTick: () => this.st.afterBarbedShotTick(),
      barbedShotLanded: () => this.pb.barbedShotLanded(),
    });
    this.pb = new PoisonedBarbs(sim, {
      // 1217549 and 271788 are in the spec aura's and Bestial Wrath's lists, not the mastery's
      spellMult: () =>
        (1 + BM.specAuraSpells) * this.m.bwMult() * this.dr.bellTollsMult() * this.pl.spellMult(),
      playerCrit: () => this.m.playerCrit(),
    });
    this.wi = new WildInstincts(sim);
    this.es = new BmExplosiveShot(sim, {
      playerMult: () => this.m.playerMult(),
      playerCrit: () => this.m.playerCrit(),
      petMult: () => this.m.petMult(),
      petHit: (source, t, amount) => this.m.mainPetHit(source, t, amount),
      cotwMult: () => this.m.cotwMult(),
      petTargetMult: (t) => this.wi.mult(t),
      mainPets: () => (this.companion ? 2 : 1),
    });
    this.m = new BmMultipliers(sim, this.pl, this.st, this.hm, this.dr, this.wi);
    this.bf = new BloodyFrenzy(
      sim,
      {
        mainPetStomp: (t, pets) => this.st.mainPetStomp(t, pets),
        cotwMult: () => this.m.cotwMult(),
      },
      this.cleaveShare,
    );
    this.critters = new DireCritters(sim, {
      st: this.st,
      m: this.m,
      pl: this.pl,
      hm: this.hm,
      dc: this.dc,
      petSwingMs: (pet) => this.petSwingMs(pet),
    });
    this.frenzyPerStack = BM.frenzyAttackSpeedPerStack + this.pl.frenzyBonus();
    this.tierHaste = this.pl.hasTierStats;
  }

  /** Pack Leader's set gives haste (its 2-piece): hasteFactor asks it. */
  private readonly tierHaste: boolean;

  start(): void {
    this.critters.start();
    this.dc.start();
    this.es.start();
    this.m.start();
    this.cotw.start();
    this.bf.start();
    this.sim.summonPet(PET_MAIN, 0, 0, 0);
    if (this.companion) this.sim.summonPet(PET_ANIMAL_COMPANION, 0, 0, 0);
    this.basic.start();
    this.dr.start();
    this.pl.start();
    this.st.start();
    this.impacts.start();
  }
  known(a: number): boolean {
    return this.knownAction[a] === 1;
  }
  cost(a: number): number {
    return this.sim.baseCost[a]!; // the data's cost with the talents' changes (Cobra Senses)
  }
  castMs(a: number): number {
    return this.sim.baseCastMs[a]!;
  }
  readonly dynamicCost = false;
  castStarted(): void {}
  hasteFactor(): number {
    const f = (this.sim.buffs.up(B.lust, this.sim.now) ? 1 + BLOODLUST_HASTE : 1) * this.hm.hasteFactor();
    return this.tierHaste ? f * this.pl.hasteFactor() : f; // the Pack Leader set's Hasted Hooves
  }
  /** Asked when the hunter's regeneration is recomputed: the pet's focus is booked at the old rate first. */
  regenFactor(): number {
    this.basic.settle();
    return this.regen;
  }

  execute(a: number, target: number): void {
    const sim = this.sim;
    const ap = sim.ap;
    // Dark Ranger executes Black Arrow only (its execute returns false for any other): asked only for it
    if (a === A.blackArrow && this.dr.execute(a, target)) return;
    // Kill Command and Barbed Shot in their own methods (each with its own inlining budget)
    if (a === A.kc) this.killCommandCast(target);
    else if (a === A.bs) this.barbedShot(target);
    else if (a === A.cobra) this.cobraShot(S.cobra, target);
    else if (a === A.killShot) {
      const [up, down] = BM.specAuraKillShot;
      const amount =
        BM.killShotAp * ap * this.m.playerMult() * (1 + up) * (1 + down) * this.st.killShotMult();
      sim.landTag = IMPACT_NO_MERCY; // No Mercy when it lands (SimC kill_shot_t::impact)
      sim.hit(S.killShot, target, amount, true, this.m.playerCrit());
      this.dr.onKillShot();
    } else if (a === A.multi) {
      const amount = BM.multiShotAp * ap * this.m.playerMult() * aoeScale(sim.targets, BM.multiShotAoeCap);
      const crit = this.m.playerCrit();
      for (let t = 0; t < sim.targets; t++) sim.hit(S.multi, t, amount, true, crit);
      multiShotBeastCleave(sim, this.beastCleaveTalent);
    } else if (a === A.bw) {
      sim.applyBuff(B.bw, 1, 0);
      // SimC bestial_wrath_t: the pet attacks (344572) before its own Bestial Wrath buff is applied.
      const amount = BM.bestialWrathPetAp * ap * this.m.petMult();
      for (let k = this.companion ? 2 : 1; k > 0; k--) this.m.mainPetHit(S.bw, target, amount);
      sim.petBuffs.apply(P.bw, P.bw, sim.now, 1, 0);
      this.m.petAurasChanged();
      this.m.mainAurasChanged();
      this.pl.onBestialWrath();
      this.st.afterBestialWrath();
    } else if (a === A.bloodshed) {
      // Ticks add Bloodshed's own damage taken when they land (dotTick): the target bleeds then.
      sim.applyDot(D.bloodshed, target, BM.bloodshedTickAp * ap * this.m.petMult());
      this.m.mainAurasChanged();
    } else if (a === A.mark) {
      sim.applyDebuff(MARK, target, 1, 0);
    } else if (a === A.explosive) {
      this.es.fire(target);
    } else if (a === A.cotw) {
      this.cotw.cast();
      this.bf.afterCast();
      this.dr.onWitheringFireTrigger();
    }
  }

  private killCommandCast(target: number): void {
    this.dr.onDeathblowTrigger();
    // SimC kill_command_t: every active main-pet-like pet attacks (the Animal Companion too).
    this.killCommand(target, this.companion ? 2 : 1);
    if (this.st.wildspeaker) this.critters.wildspeakerKillCommands(target);
    this.pl.onKillCommand(target);
    this.st.afterKillCommand();
  }

  private barbedShot(target: number): void {
    const sim = this.sim;
    const tick = BM.barbedShotTickAp * sim.ap * this.m.playerMult() * this.st.barbedShotMult();
    this.impacts.barbedShot(target, tick); // the bleed starts when the shot lands (./impact.ts)
    this.st.barbedShotStomp(target, this.companion ? 2 : 1);
    sim.petBuffs.apply(P.frenzy, P.frenzy, sim.now, 1, 0);
    if (this.thrill) {
      sim.applyBuff(B.thrill, 1, 0);
      sim.petBuffs.apply(P.thrill, P.thrill, sim.now, 1, 0);
      this.m.mainAurasChanged();
    }
    // Brutal Companion: after the pets' Frenzy and Thrill (SimC barbed_shot_t::execute; no-op without it)
    if (this.basic.brutalCompanion)
      this.basic.afterBarbedShotFrenzy(target, sim.petBuffs.stack(P.frenzy, sim.now));
    if (this.barbedWrath) sim.cds.reduce(A.bw, sim.now, BM.barbedWrathReductionMs);
    for (let i = 1; i <= BM.barbedShotFocusTicks; i++) {
      sim.q.push(sim.now + i * BM.barbedShotFocusTickMs, PRIO_DEFAULT, EV_SPEC, SPEC_BARBED_FOCUS, 0);
    }
    this.st.afterBarbedShot();
  }

  /** A Cobra Shot (193455), cast or Snakeskin Quiver's (SimC cobra_shot_base_t: the same execute). */
  private cobraShot(source: number, target: number): void {
    const sim = this.sim;
    const amount = BM.cobraShotAp * sim.ap * this.m.playerMult() * this.pl.cobraMult() * this.st.cobraMult();
    const crit = this.m.playerCrit();
    sim.hit(source, target, amount, true, crit);
    this.pl.hogstriderHits(S.cobra, target, amount, crit);
    sim.cds.reduce(A.kc, sim.now, BM.cobraShotKcReductionMs);
    this.pl.onCobraShot();
    this.st.afterCobraShot();
  }

  /**
   * The Kill Command (83381) of `pets` pets (the main pet, then the Animal Companion), each with Kill
   * Cleave during Beast Cleave. Both read the main pet's auras and nothing a hit changes, so the
   * amount, crit chance and crit damage are computed once for both (the same values).
   */
  private killCommand(target: number, pets: number): void {
    const sim = this.sim;
    // 83381 is not in 137015's spell list; the pet aura (137015 #3) is in petMult.
    let amount = BM.killCommandAp * sim.ap * this.m.petMult();
    // Alpha Predator and Pack Mentality add up (SimC kill_command_bm_t::composite_da_multiplier).
    amount *= 1 + (this.alpha ? BM.alphaPredatorDamage : 0) + this.pl.killCommandBonus();
    amount *= this.killerInstinct;
    amount *= this.st.killCommandMult();
    amount *= sim.classTree.specializedArsenal; // class tree: Specialized Arsenal (83381 in its list)
    const critDamage = this.st.petCritDamage(true, sim.critChance + this.m.playerCrit());
    let onTarget = amount * this.m.petTargetMult(target);
    const petCrit = this.m.petCrit();
    for (let k = pets; k > 0; k--) {
      const crit = sim.hit(S.kc, target, onTarget, true, petCrit, critDamage);
      const critFactor = sim.lastCritFactor;
      const dealt = sim.lastHitDamage;
      this.st.afterPetHit(target, crit);
      if (this.killCleave && sim.targets > 1 && sim.petBuffs.up(P.cleave, sim.now)) {
        // SimC kill_command impact: 80 % of the hit's result_total, its crit included, over the target
        // multipliers of the primary (each other target applies its own); the cleave does not crit.
        const each =
          amount * critFactor * BM.killCleaveShare * aoeScale(sim.targets - 1, BM.killCleaveAoeCap);
        for (let t = 0; t < sim.targets; t++)
          if (t !== target) sim.hit(S.cleave, t, each * this.m.petTargetMult(t), true, CANNOT_CRIT);
      }
      // Dark Ranger's Phantom Pain: after Kill Cleave, as SimC's kill_command_bm_t::impact
      if (this.dr.phantomPain.on) this.dr.phantomPain.hit(target, dealt);
      // Wild Instincts: the main pet's (the first) hit adds a stack, which the companion's then takes
      if (k === pets && this.wi.on && this.wi.afterMainPetKillCommand(target)) {
        this.m.mainAurasChanged();
        onTarget = amount * this.m.petTargetMult(target);
      }
    }
  }

  channelTick(): void {}

  autoShot(): void {
    const sim = this.sim;
    const speed = sim.weaponSpeedMs / 1000;
    const amount =
      (sim.weaponDps * speed + (sim.baseAp * speed) / WEAPON_POWER_COEFFICIENT) * this.m.autoMult();
    // Wild Call when it lands; at once for a Bleak Arrow that does not travel (after its Deathblow roll)
    const crit = this.dr.autoShot(S.auto, amount, this.m.playerCrit(), this.impacts.autoShotTag);
    if (crit >= 0) this.impacts.wildCallRoll(crit);
    if (this.st.snakeskinQuiver()) this.cobraShot(S.snakeskin, 0);
  }

  petSwing(pet: number): void {
    const sim = this.sim;
    if (sim.ap !== this.swingAp) {
      // Pet melee: pet AP × base swing / 6 (weapon power coefficient; NOT SPELL DATA, see BM).
      this.swingAp = sim.ap;
      this.perSwing = petMeleePerSwing(sim.ap);
    }
    const perSwing = this.perSwing;
    if (pet === PET_MAIN || pet === PET_ANIMAL_COMPANION) {
      const amount = perSwing * this.m.petMult();
      this.m.mainPetHit(pet === PET_MAIN ? S.pet : S.companion, 0, amount);
      if (sim.targets > 1)
        mainPetBeastCleave(sim, this.m, this.cleaveShare, amount * this.m.mainPetCritFactor, 0);
      this.pl.onPetMelee();
    } else if (pet < PET_DIRE_FIRST + this.critters.slots) {
      const target = sim.petTarget[pet]!;
      const amount = perSwing * this.m.guardianMult() * this.st.direBeastMult();
      sim.hit(S.dire, target, amount, true, 0);
      if (this.dc.on) this.dc.melee(pet, target, amount); // Dire Cleave (./dire-cleave.ts)
    } else if (!this.hm.petSwing(pet, perSwing)) {
      const amount = perSwing * this.m.cotwMult();
      sim.hit(S.cotw, 0, amount * this.wi.mult(0), true, 0); // Wild Instincts: a pet's target multiplier
      if (this.bf.on) this.bf.afterCotwSwing(pet, amount); // Bloody Frenzy's Beast Cleave
    }
  }

  /** Base swing / speed, rounded; kept while the speed's inputs stay the same. */
  petSwingMs(pet: number): number {
    const sim = this.sim;
    const haste = sim.autoHaste; // haste × Trigger Finger (pets inherit the hunter's attack speed)
    if (pet === PET_MAIN || pet === PET_ANIMAL_COMPANION) {
      const stacks = sim.petBuffs.stack(P.frenzy, sim.now);
      if (haste !== this.mainSwingHaste || stacks !== this.mainSwingStacks) {
        this.mainSwingHaste = haste;
        this.mainSwingStacks = stacks;
        this.mainSwingMs = Math.round(BM.petSwingMs / (haste * (1 + this.frenzyPerStack * stacks)));
      }
      return this.mainSwingMs;
    }
    if (haste !== this.otherSwingHaste) {
      this.otherSwingHaste = haste;
      this.otherSwingMs = petSwingTime(haste);
    }
    return this.otherSwingMs;
  }

  /** The spec's own dots first (the helpers' dots are distinct indices); any other is Bloodshed's. */
  dotTick(dot: number, target: number, amount: number): void {
    if (dot === D.bs) this.impacts.barbedBleed(target, amount);
    else if (dot === D.bloodshed) this.bloodshedTick(target, amount);
    else if (dot === this.pb.stingDot) this.pb.tick(target, amount);
    else if (
      !this.dr.dotTick(dot, target, amount) &&
      !this.pl.dotTick(dot, target, amount) &&
      !this.hm.dotTick(dot, target, amount)
    )
      this.bloodshedTick(target, amount);
  }

  private bloodshedTick(target: number, amount: number): void {
    // Bloodshed's damage taken (the target bleeds) and Wild Instincts' (1 without it) at the tick
    const amt = amount * (1 + BM.bloodshedPetDamageTaken) * this.wi.mult(target);
    this.sim.hit(S.bloodshed, target, amt, true, this.m.petCrit(), this.m.petCritDamage());
    // SimC bloodshed_t: dire_beast_chance 10 % per tick, with or without the Dire Beast talent.
    if (this.sim.rng.next() < BM_TALENTS.bloodshedDireBeastChance) this.critters.summon();
  }

  buffChanged(buff: number): void {
    if (this.pl.buffChanged(buff) || this.hm.buffChanged(buff)) return;
    const sim = this.sim;
    if (buff === B.lust) sim.updateHaste();
  }

  /** The spec's own kinds first (the helpers' kinds are distinct: Laceration's, 1000, 1100…). */
  specEvent(kind: number, b: number): void {
    if (kind === SPEC_BASIC_ATTACK) this.basic.event(b);
    else if (kind === SPEC_BARBED_FOCUS) this.sim.gainFocus(BM.barbedShotFocusPerTick);
    else if (kind === SPEC_COTW_TICK) {
      this.cotw.tick();
      this.bf.afterSummon();
    } else if (kind === SPEC_BARBED_LAND) this.impacts.barbedLanded(b);
    else if (!this.es.specEvent(kind, b) && !this.st.specEvent(kind, b) && !this.pl.specEvent(kind, b))
      this.dr.specEvent(kind, b);
  }

  /** Withering Fire's 4 s ticks (Dark Ranger), for the rotation's `buff.X.tick_time_remains`. */
  buffTickRemainsMs(buff: number): number {
    return this.dr.tickRemainsMs(buff);
  }

  /** A tagged hit landed (the engine's SpecLogic.landed): SimC's impact (./impact.ts). */
  landed(_src: number, target: number, damage: number, crit: number, tag: number): void {
    this.impacts.landed(target, crit, tag);
    if ((tag & IMPACT_SERPENT_STING) !== 0) this.pb.stingLanded(target);
    this.dr.landed(target, tag, damage); // Dark Ranger's shots: after the spec's bits, as SimC's impact
  }
}
