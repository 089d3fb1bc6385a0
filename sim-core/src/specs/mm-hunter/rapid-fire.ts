/**
 * Rapid Fire's channel for the Marksmanship logic (257044, its shots 257045): how many shots over
 * how long (Ammo Conservation, Double Tap), what the cast does at its first shot, each shot with its
 * ricochets and Aspect of the Hydra's copy, and what its last shot ends. Numbers: ./numbers.ts.
 */
import type { Sim } from '../../engine/sim.ts';
import type { DarkRanger } from '../hero/dark-ranger.ts';
import { rapidFireShape } from './ammo-conservation.ts';
import { DoubleTap } from './double-tap.ts';
import type { AspectOfTheHydra } from './hydra.ts';
import { IMPACT_BULLETSTORM } from './impact.ts';
import { B, S } from './indices.ts';
import { MM } from './numbers.ts';
import type { PreciseShots } from './precise.ts';
import type { SentinelTree } from './sentinel.ts';
import { ricochet, ricochetTargets, type RicochetHost } from './trick-shots.ts';
import type { Volley } from './volley.ts';

/** What the channel needs of the Marksmanship logic (MarksmanshipLogic is one). */
export interface RapidFireHost extends RicochetHost {
  readonly hero: SentinelTree;
  readonly volley: Volley;
  readonly precise: PreciseShots;
  readonly hydra: AspectOfTheHydra;
  readonly doubleTap: DoubleTap;
  readonly dr: DarkRanger;
  crit(): number;
  critDamage(): number;
  mult(): number;
}

export class RapidFire {
  /** Shots and unhasted channel (ms): 7 in 1998 ms, + Ammo Conservation; with Double Tap up. */
  private readonly plain: { ticks: number; ms: number };
  private readonly doubled: { ticks: number; ms: number };
  private readonly streamline: boolean;
  private readonly bulletstorm: boolean;
  private readonly inTheRhythm: boolean;
  /** Trick Shots' ricochet targets of a shot (5, 7 with Light Ammo). */
  private readonly trickTargets: number;
  /** The shots of the channel running. */
  private ticksNow = 0;
  /** The channel began with Volley's Trick Shots: each shot ricochets while Trick Shots is up. */
  private inVolley = false;
  /** The channel began with Trick Shots (outside Volley): every shot ricochets. */
  private trick = false;

  /**
   * `mult`: the talents' damage multiplier of a shot (Streamline, Surging Shots, ...);
   * `deathblowChance`: the cast's Deathblow roll (Improved Deathblow; 0 without).
   */
  constructor(
    private readonly host: RapidFireHost,
    private readonly mult: number,
    private readonly deathblowChance: number,
  ) {
    const sim = host.sim;
    this.plain = rapidFireShape(sim); // Ammo Conservation (./ammo-conservation.ts)
    this.doubled = DoubleTap.rapidFire(this.plain.ticks, this.plain.ms);
    this.streamline = sim.hasTalent('streamline');
    this.bulletstorm = sim.hasTalent('bulletstorm');
    this.inTheRhythm = sim.hasTalent('in_the_rhythm');
    this.trickTargets = ricochetTargets(sim.hasTalent('light_ammo'), true);
  }

  start(): void {
    this.trick = false;
    this.inVolley = false;
    this.ticksNow = this.plain.ticks;
  }

  /** Shots of a channel begun now (459794 #2 Ammo Conservation; 260402 #3 Double Tap). */
  ticks(): number {
    return this.host.doubleTap.up() ? this.doubled.ticks : this.plain.ticks;
  }

  /** Unhasted channel of one begun now (459794 #1; Double Tap's longer one, 260402 #1, #3). */
  ms(): number {
    return this.host.doubleTap.up() ? this.doubled.ms : this.plain.ms;
  }

  /** Shot `tick` (0 first) of the channel at `target`. */
  shot(target: number, tick: number): void {
    const host = this.host;
    const sim: Sim = host.sim;
    if (tick === 0) {
      this.ticksNow = this.ticks();
      host.hero.onRapidFire(target);
      // during Volley (SimC: each shot reads Trick Shots, the last spends it unless Volley is up)
      this.inVolley = host.volley.up();
      this.trick = !this.inVolley && sim.buffs.up(B.trick, sim.now);
      if (this.trick) sim.removeBuff(B.trick);
      // The cast: Deathblow's roll (Improved Deathblow), Streamline +1 stack (260367), No Scope's
      // Precise Shots, Bulletstorm's stacks removed (389019).
      if (this.deathblowChance > 0 && sim.rng.next() < this.deathblowChance) host.dr.grantDeathblow();
      if (this.streamline) sim.applyBuff(B.streamline, 1, 0);
      host.precise.onRapidFire(); // No Scope (./precise.ts)
      sim.removeBuff(B.bulletstorm);
    }
    const crit = host.crit();
    const cd = host.critDamage();
    const amount = MM.rapidFireTickAp * sim.ap * host.mult() * this.mult;
    // Bulletstorm: a stack per Rapid Fire hit when it lands (SimC rapid_fire_tick_t::impact), the ricochets' too
    const storm = this.bulletstorm ? IMPACT_BULLETSTORM : 0;
    host.shot(S.rapid, target, amount, true, crit, cd, true, storm);
    // Trick Shots: those the cast began with, or Volley's while they are up (SimC n_targets per shot)
    const trick = this.trick || (this.inVolley && sim.buffs.up(B.trick, sim.now));
    if (trick) ricochet(host, S.rapid, target, amount, crit, cd, storm, this.trickTargets);
    if (host.hydra.on) host.hydra.rapid(target, amount, crit, cd, storm, trick);
    // a channel begun in Volley: its last shot spends Trick Shots if Volley has ended (SimC last_tick)
    const last = tick === this.ticksNow - 1;
    if (this.inVolley && last && !host.volley.up()) sim.removeBuff(B.trick);
    if (host.doubleTap.on && last) host.doubleTap.spend(); // SimC rapid_fire_t::last_tick
    // In the Rhythm: when the channel finishes (its last shot here), 12 s of faster Auto Shots.
    if (this.inTheRhythm && last) sim.applyBuff(B.rhythm, 1, 0);
    sim.gainFocus(MM.rapidFireFocusPerTick);
  }
}
