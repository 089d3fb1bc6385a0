/**
 * Beast Mastery's main pet basic attack: the one both specs' main pet has (../pet-basic-attack.ts,
 * SimulationCraft's `basic_attack_main_t`), with BM's talents on it: Aspect of the Beast on every
 * basic attack and Brutal Companion's extra one after a Barbed Shot.
 */
import { Sim } from '../../engine/sim.ts';
import { type BasicAttackHost, MainPetBasicAttack } from '../pet-basic-attack.ts';
import { BM_TALENTS as T } from './talent-data.ts';

export type { BasicAttackHost } from '../pet-basic-attack.ts';

export class PetBasicAttack extends MainPetBasicAttack {
  /** Brutal Companion's basic attack: taken, and its source. */
  readonly brutalCompanion: boolean;
  private readonly brutalSource: number;

  constructor(sim: Sim, host: BasicAttackHost, source: number, kind: number) {
    // Aspect of the Beast on every basic attack (191384 #1: Claw / Bite / Smack in its list; 1 without)
    super(sim, host, source, kind, sim.hasTalent('aspect_of_the_beast') ? 1 + T.aspectOfTheBeast : 1);
    this.brutalCompanion = sim.hasTalent('brutal_companion');
    this.brutalSource = Sim.indexOf(sim.data.sources, 'claw_brutal_companion');
  }

  /**
   * Brutal Companion (386870), after a Barbed Shot's Frenzy: when the main pet's Frenzy is at 3
   * stacks (#1) it uses its basic attack at once at the shot's target for +50 % (#2: SimC
   * brutal_companion_ba_t's base_multiplier), free (a proc action pays no cost) and without Wild
   * Hunt, its own cooldown and focus untouched (barbed_shot_t::execute).
   */
  afterBarbedShotFrenzy(target: number, frenzyStacks: number): void {
    if (this.brutalCompanion && frenzyStacks === T.brutalCompanionStacks)
      this.hit(this.brutalSource, target, 1 + T.brutalCompanionDamage);
  }
}
