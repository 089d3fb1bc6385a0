/**
 * Marksmanship's Spotting Eagle, as SimC's trigger_spotters_mark and aimed_shot_base_t have it:
 * Eyes in the Sky (1219616, the spec's baseline) puts Spotter's Mark (466872) on the primary
 * target of a hit empowered by Precise Shots; the next Aimed Shot deals more to it and spends it.
 * With Avian Specialization (466867), On Target (471348, 474257), Feathered Frenzy (470943),
 * Target Acquisition (473379) and Ohn'ahran Winds (1215021, 1215057).
 * Numbers: ./numbers.ts.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { MM_DATA } from './data.ts';
import { A, B } from './indices.ts';
import { MM } from './numbers.ts';

/** Spec event kind: an On Target stack ran out (haste is recomputed). */
export const SPEC_ON_TARGET = 3;

const MARK = Sim.indexOf(MM_DATA.debuffs, 'spotters_mark');
/** Ohn'ahran Winds' mark (1215057), a debuff of its own beside Spotter's Mark (SimC: the same). */
const WINDS = Sim.indexOf(MM_DATA.debuffs, 'ohnahran_winds');

export class SpottersMark {
  readonly eyes: boolean;
  private readonly onTarget: boolean;
  private readonly featheredFrenzy: boolean;
  /** Target Acquisition (473379): a spent mark takes 2 s off Aimed Shot, once per 1.5 s. */
  private readonly targetAcquisition: boolean;
  private targetAcquisitionReady = 0;
  /** Ohn'ahran Winds (1215021): a mark also puts 1215057 on one other enemy. */
  private readonly ohnahranWinds: boolean;
  /** Aimed Shot's multiplier on a target with Ohn'ahran Winds' mark: 1215057 #1 (+ 466867 #1). */
  readonly windsBonus: number;
  /** Aimed Shot's multiplier on a marked target: 466872 #1 (+ Avian Specialization 466867 #1). */
  readonly aimedBonus: number;
  /** On Target's stacks: each its own expiry (SimC buff_stack_behavior::ASYNCHRONOUS); -1 free. */
  private readonly expires = new Float64Array(MM.onTargetStacks);

  constructor(private readonly sim: Sim) {
    this.eyes = sim.hasTalent('eyes_in_the_sky');
    this.onTarget = this.eyes && sim.hasTalent('on_target');
    this.featheredFrenzy = this.eyes && sim.hasTalent('feathered_frenzy');
    this.targetAcquisition = this.eyes && sim.hasTalent('target_acquisition');
    this.ohnahranWinds = this.eyes && sim.hasTalent('ohnahran_winds');
    this.aimedBonus =
      1 + MM.spottersMarkAimed + (sim.hasTalent('avian_specialization') ? MM.avianSpecialization : 0);
    this.windsBonus =
      1 + MM.ohnahranWindsAimed + (sim.hasTalent('avian_specialization') ? MM.avianSpecialization : 0);
  }

  start(): void {
    this.expires.fill(-1);
    this.hasteUntil = -1;
    this.targetAcquisitionReady = 0;
  }

  private marked(target: number): boolean {
    return this.sim.debuffs.up(MARK * MAX_TARGETS + target, this.sim.now);
  }

  private windsOn(target: number): boolean {
    return this.sim.debuffs.up(WINDS * MAX_TARGETS + target, this.sim.now);
  }

  /**
   * Puts Spotter's Mark on `target`; with Ohn'ahran Winds also its mark on the first other enemy
   * (SimC trigger_spotters_mark: the first of the target list that is not `target`, 1 at most, #1;
   * #2's chance is 100 %).
   */
  private mark(target: number): void {
    const sim = this.sim;
    sim.applyDebuff(MARK, target, 1, 0);
    if (!this.ohnahranWinds || sim.targets < 2) return;
    sim.applyDebuff(WINDS, target === 0 ? 1 : 0, 1, 0);
  }

  /**
   * A hit empowered by Precise Shots landed on `target` (Arcane Shot, Multi-Shot's primary, Kill
   * Shot or Black Arrow with Headshot): 30 % (1219616 #1), doubled during Trueshot with Feathered
   * Frenzy (470943 #1).
   */
  trigger(target: number): void {
    if (!this.eyes) return;
    const sim = this.sim;
    let chance = MM.spottersMarkChance;
    if (this.featheredFrenzy && sim.buffs.up(B.trueshot, sim.now)) chance *= 1 + MM.featheredFrenzyChance;
    if (sim.rng.next() < chance) this.mark(target);
  }

  /** Feathered Frenzy: Trueshot marks its target (SimC trueshot_t::execute, forced). */
  onTrueshot(target: number): void {
    if (this.featheredFrenzy) this.mark(target);
  }

  /**
   * Aimed Shot's multiplier: the primary target's mark, × Ohn'ahran Winds' when it has that one
   * (SimC reads td( target ) for every hit: the ricochets take the primary's).
   */
  aimedMult(primary: number): number {
    if (!this.eyes) return 1;
    const m = this.marked(primary) ? this.aimedBonus : 1;
    return this.ohnahranWinds && this.windsOn(primary) ? m * this.windsBonus : m;
  }

  /**
   * An Aimed Shot hit `target`: its mark (either: Spotter's Mark or Ohn'ahran Winds') is spent, On Target adds a stack below its maximum, then
   * Target Acquisition takes 2 s off Aimed Shot's cooldown (473379 #1) unless its 1.5 s internal
   * cooldown runs (SimC aimed_shot_base_t::impact, in that order).
   */
  consume(target: number): void {
    if (!this.eyes) return;
    const winds = this.ohnahranWinds && this.windsOn(target);
    if (!winds && !this.marked(target)) return;
    const sim = this.sim;
    sim.debuffs.remove(MARK * MAX_TARGETS + target, sim.now);
    if (winds) sim.debuffs.remove(WINDS * MAX_TARGETS + target, sim.now);
    if (this.onTarget) this.addOnTarget();
    if (this.targetAcquisition && sim.now >= this.targetAcquisitionReady) {
      this.targetAcquisitionReady = sim.now + MM.targetAcquisitionIcdMs;
      sim.cds.reduce(A.aimed, sim.now, MM.targetAcquisitionMs);
      sim.poke(); // a landing, not the player's action: an idle player may use Aimed Shot sooner
    }
  }

  private addOnTarget(): void {
    const sim = this.sim;
    let free = 0;
    while (free < this.expires.length && this.expires[free]! > sim.now) free++;
    if (free === this.expires.length) return;
    this.expires[free] = sim.now + MM.onTargetMs;
    this.hasteUntil = -1;
    sim.updateHaste();
    sim.q.push(sim.now + MM.onTargetMs, PRIO_DEFAULT, EV_SPEC, SPEC_ON_TARGET, 0);
  }

  /** On Target's haste now: 4 % per stack (474257 #1). */
  hasteFactor(): number {
    if (!this.onTarget) return 1;
    const now = this.sim.now;
    if (now < this.hasteUntil) return this.haste;
    let n = 0;
    let until = Infinity;
    for (let i = 0; i < this.expires.length; i++) {
      const e = this.expires[i]!;
      if (e > now) {
        n++;
        if (e < until) until = e;
      }
    }
    this.hasteUntil = until;
    this.haste = 1 + n * MM.onTargetHaste;
    return this.haste;
  }
  /**
   * hasteFactor()'s value, valid while now < hasteUntil (the first stack to expire after it was
   * counted; a new stack and start clear it): read at every haste change, the stacks change less.
   */
  private haste = 1;
  private hasteUntil = -1;

  /** A spec event; true when it was an On Target stack's end. */
  specEvent(kind: number): boolean {
    if (kind !== SPEC_ON_TARGET) return false;
    this.sim.updateHaste();
    return true;
  }
}
