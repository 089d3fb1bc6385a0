/**
 * Unbreakable Bond (1223323): Marksmanship's main pet, as SimulationCraft's sc_hunter.cpp at
 * 50d415071f gives a Marksmanship hunter with the talent one (`summon_pet_t` is ready for MM only
 * with it, the default list summons it in precombat: here it is out from the pull, all fight). It is
 * Beast Mastery's main pet (`hunter_main_pet_t`) without BM's talents and abilities (Kill Command,
 * Bestial Wrath, Frenzy, Beast Cleave are BM's): melee swings and its basic attack with its focus
 * (../main-pet.ts, ../pet-basic-attack.ts, shared with BM). What applies to it, as SimC has it:
 * - attack power 0.6 × the hunter's (`stable_pet_t`), the hunter's crit chance with Trueshot's
 *   (288613 #4 is in `hunter_t::composite_melee_crit_chance`, which the pet inherits; not Bullseye,
 *   Trueshot's crit damage or Penetrating Shots: those are the hunter's actions'), haste and auto
 *   attack speed (Trigger Finger: with the pet out its #3 no longer raises #2, for the hunter too:
 *   ../class-tree.ts `mainPetOut`), versatility;
 * - `hunter_t::composite_player_pet_damage_multiplier`: the spec aura's pet damage (137016 #4,
 *   +12 %), Harmonize (+ Blackrock Munitions), The Bell Tolls' stacks; not Sniper Training (the
 *   mastery is BM's and Survival's there); the racials (Command) through the engine;
 * - `composite_player_target_pet_damage_multiplier`: Kill Zone (393480 #3) and Lunar Storm
 *   (450884 #2) on their target; Hunter's Mark through the engine.
 * Unbreakable Bond's own +15 % (#1) holds only "while outdoors": a raid or dungeon fight is not, so it
 * is not applied, as SimC, which reads the talent only to allow the summon (specs.md, Unbreakable Bond).
 * Numbers: ./numbers.ts.
 */
import { MAX_TARGETS } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { MAIN_PET, petMeleePerSwing, petSwingTime } from '../main-pet.ts';
import { type BasicAttackHost, MainPetBasicAttack } from '../pet-basic-attack.ts';
import { MM_DATA } from './data.ts';
import type { MarksmanshipLogic } from './logic.ts';
import { MM } from './numbers.ts';

/** Spec event kind of the pet's basic attack attempts (distinct from MM's other kinds). */
export const SPEC_MM_PET_BASIC = 5;
/** The engine's pet slot of the main pet (MM has no other engine pet). */
const PET_MAIN = 0;
const S_MELEE = Sim.indexOf(MM_DATA.sources, 'pet_melee');
const S_CLAW = Sim.indexOf(MM_DATA.sources, 'claw');
const KILL_ZONE = Sim.indexOf(MM_DATA.debuffs, 'kill_zone');
const LUNAR = Sim.indexOf(MM_DATA.debuffs, 'lunar_storm');

export class UnbreakableBond implements BasicAttackHost {
  /** The crit factor of the last mainPetHit (1 without a crit). */
  private critFactor = 1;
  /** swingTime()'s value, kept for the attack speed it was computed for. */
  private swingSpeed = NaN;
  private swingMs: number = MAIN_PET.swingMs;
  private readonly sim: Sim;
  private readonly basic: MainPetBasicAttack;
  /** The pet's multipliers that do not change in a fight: AP share, spec aura, the talent, Harmonize. */
  private readonly base: number;
  /** Kill Zone's or Lunar Storm's pet effect may apply (their talents). */
  private readonly killZone: boolean;
  private readonly lunarStorm: boolean;

  constructor(private readonly logic: MarksmanshipLogic) {
    const sim = logic.sim;
    this.sim = sim;
    this.base =
      MAIN_PET.apFromOwner *
      (1 + MM.specAuraPet) *
      (1 + MM.unbreakableBondPet * MM.unbreakableBondOutdoors) *
      sim.classTree.petDamage; // Harmonize (+ Blackrock Munitions #2), 1 without
    this.killZone = sim.hasTalent('kill_zone');
    this.lunarStorm = sim.hasTalent('lunar_storm');
    this.basic = new MainPetBasicAttack(sim, this, S_CLAW, SPEC_MM_PET_BASIC, 1);
  }

  /** Start of an iteration: the pet is out (SimC's precombat summon), its first swing and Claw at once. */
  start(): void {
    this.sim.summonPet(PET_MAIN, 0, 0, 0);
    this.basic.start();
  }

  /** The hunter's focus regeneration is about to change: the pet's focus is booked at the old rate. */
  settle(): void {
    this.basic.settle();
  }

  /** A basic attack attempt (spec event SPEC_MM_PET_BASIC). */
  basicAttack(gen: number): void {
    this.basic.event(gen);
  }

  /** A melee swing on the main target: the pet's AP × 2 s / 6 (SimC's pet melee, NOT SPELL DATA). */
  swing(): void {
    this.mainPetHit(S_MELEE, 0, petMeleePerSwing(this.sim.ap) * this.petMult());
  }

  /** Time to the next swing: 2 s at the hunter's auto attack speed (haste × Trigger Finger). */
  swingTime(): number {
    const speed = this.sim.autoHaste;
    if (speed !== this.swingSpeed) {
      this.swingSpeed = speed;
      this.swingMs = petSwingTime(speed);
    }
    return this.swingMs;
  }

  /** 0.6 × AP, 137016 #4, 1223323 #1, Harmonize, The Bell Tolls (1232992 #1 a stack; 1 without). */
  petMult(): number {
    return this.base * this.logic.dr.bellTollsMult();
  }

  mainPetHit(source: number, target: number, amount: number): void {
    const sim = this.sim;
    // physical; the hunter's crit chance (the engine's) with Trueshot's; a plain crit (× 2, racials)
    sim.hit(source, target, amount * this.takenMult(target), true, this.logic.critModel.playerCrit());
    this.critFactor = sim.lastCritFactor;
  }

  mainPetCritFactor(): number {
    return this.critFactor;
  }

  /** No Beast Cleave: only BM's Multi-Shot gives the pet one (SimC `multishot_bm_t`). */
  beastCleave(): void {}

  /** Damage taken from the hunter's pet on `target`: Kill Zone (393480 #3), Lunar Storm (450884 #2). */
  private takenMult(target: number): number {
    const sim = this.sim;
    let m = 1;
    if (this.killZone && sim.debuffs.up(KILL_ZONE * MAX_TARGETS + target, sim.now))
      m *= 1 + MM.killZonePetTaken;
    if (this.lunarStorm && sim.debuffs.up(LUNAR * MAX_TARGETS + target, sim.now))
      m *= 1 + MM.lunarStormPetTaken;
    return m;
  }
}
