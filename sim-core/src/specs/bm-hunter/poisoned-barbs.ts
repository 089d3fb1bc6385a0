/**
 * Poisoned Barbs (1217535) as sc_hunter.cpp has it (barbed_shot_t::impact, poisoned_barbs_t): each
 * Barbed Shot that lands has a 30 % chance (#1) to explode at its target: 1.2 × the hunter's AP as
 * Nature damage (1217549 #1) on every enemy, soft-capped beyond 8 (#2: `reduced_aoe_targets`, no
 * full-amount target, so the primary target is scaled too), and each enemy hit gets Serpent Sting
 * (271788: 0.3 × AP at once, #1, and a 0.206 × AP tick every 3 s hasted for 18 s, #2; SimC's
 * serpent_sting_t, the spec's `specs.serpent_sting`, which flies at 45 yd/s: its dot starts when
 * it lands, ./impact.ts's IMPACT_SERPENT_STING). Serpent Sting is nature, not a bleed, so its
 * ticks roll no Dire Beast (SimC hunter_action_t sets dire_beast_chance for physical bleeds only).
 * Numbers: ./talent-data.ts; table: sim-core/docs/specs.md.
 */
import { MAX_TARGETS } from '../../engine/events.ts';
import { aoeScale } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { IMPACT_SERPENT_STING } from './impact.ts';
import { BM_TALENTS as T } from './talent-data.ts';

export interface PoisonedBarbsHost {
  /**
   * The hunter's spells outside the mastery's lists (1217549, 271788): spec aura (137015 #1 / #2),
   * Bestial Wrath (19574 #1 / #4), The Bell Tolls, Wyvern's Cry.
   */
  spellMult(): number;
  /** The hunter's extra crit chance (Thrill of the Hunt, 257946 #1 lists both). */
  playerCrit(): number;
}

export class PoisonedBarbs {
  readonly on: boolean;
  private readonly src: number;
  private readonly stingSrc: number;
  /** Serpent Sting's dot index (sim.data.dots). */
  readonly stingDot: number;
  /** Per target: the tick of the Serpent Sting last fired at it (snapshotted then), for when it lands. */
  private readonly stingTick = new Float64Array(MAX_TARGETS);

  constructor(
    private readonly sim: Sim,
    private readonly host: PoisonedBarbsHost,
  ) {
    this.on = sim.hasTalent('poisoned_barbs');
    this.src = Sim.indexOf(sim.data.sources, 'poisoned_barbs');
    this.stingSrc = Sim.indexOf(sim.data.sources, 'serpent_sting');
    this.stingDot = Sim.indexOf(sim.data.dots, 'serpent_sting');
  }

  /**
   * A Barbed Shot landed (after its bleed, as SimC's impact): the roll, then the explosion on every
   * enemy (the shot's target among them: an explosion at it reaches all in the model's fight).
   */
  barbedShotLanded(): void {
    const sim = this.sim;
    if (!this.on || sim.rng.next() >= T.poisonedBarbsChance) return;
    const n = sim.targets;
    const mult = this.host.spellMult();
    const crit = this.host.playerCrit();
    const ap = sim.ap;
    const blast = T.poisonedBarbsAp * ap * mult * aoeScale(n, T.poisonedBarbsAoeCap);
    const ct = sim.classTree;
    // Serpent Sting is shot from the hunter and travels (SimC executes it at the blast's impact):
    // the engine lets only the player's own actions travel, so this one is let through here
    const travel = sim.travelOn;
    sim.travelOn = 1;
    for (let t = 0; t < n; t++) {
      sim.hit(this.src, t, blast, false, crit);
      // Serpent Sting on each enemy hit (271788 is in 459529 #1's list: Unnatural Causes, direct and periodic)
      const uc = ct.unnaturalCauses(t);
      this.stingTick[t] = T.serpentStingTickAp * ap * mult;
      sim.landTag = IMPACT_SERPENT_STING; // the dot starts when the shot lands (45 yd/s: ../projectiles.ts)
      sim.hit(this.stingSrc, t, T.serpentStingAp * ap * mult * uc, false, crit);
    }
    sim.travelOn = travel;
  }

  /** A Serpent Sting landed on `target` (at once without travel): its dot, as fired (SimC impact). */
  stingLanded(target: number): void {
    this.sim.applyDot(this.stingDot, target, this.stingTick[target]!);
  }

  /** A Serpent Sting tick on `target` (the snapshot `amount`); Unnatural Causes at the tick. */
  tick(target: number, amount: number): void {
    const sim = this.sim;
    sim.hit(
      this.stingSrc,
      target,
      amount * sim.classTree.unnaturalCauses(target),
      false,
      this.host.playerCrit(),
    );
  }
}
