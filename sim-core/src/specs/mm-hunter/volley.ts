/**
 * Volley (260243, 260247) for the Marksmanship logic, as SimC's volley_t has it: the cast gives the
 * Volley buff and Trick Shots for its 6 s (which Aimed Shot and Rapid Fire then do not spend), and
 * an area on the target that pulses every 0.5 s (12 pulses, the first 0.5 s after the cast), each
 * hitting every enemy. Each pulse's hits bring Kill Zone (459921, 393480), Salvo's Explosive Shots
 * (400456, first pulse only) and Bullet Hell's Rapid Fire reduction (473378 #1) with them. Numbers:
 * ./numbers.ts.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { MM_DATA } from './data.ts';
import { A, B } from './indices.ts';
import { MM } from './numbers.ts';
import type { ShotHost } from './sentinel.ts';

/** Spec event kind of a Volley pulse (b: the pulses left after it, its generation in the high bits). */
export const SPEC_VOLLEY = 9;

const S_VOLLEY = Sim.indexOf(MM_DATA.sources, 'volley');
const B_VOLLEY = Sim.indexOf(MM_DATA.buffs, 'volley');
const KILL_ZONE = Sim.indexOf(MM_DATA.debuffs, 'kill_zone');

/** What Volley needs of the logic: its hit, mult and crit, and Salvo's Explosive Shot. */
export interface VolleyHost extends ShotHost {
  /** Salvo: an Explosive Shot applied to `target` without a cast (SimC explosive_shot_background_t). */
  salvoExplosive(target: number): void;
}

export class Volley {
  /** The talent: the action is known and Trick Shots are kept while it is up. */
  readonly on: boolean;
  private readonly killZone: boolean;
  /** Salvo's Explosive Shots per Volley (400456 #1; 0 without). */
  private readonly salvoTargets: number;
  private readonly bulletHell: boolean;
  /** The running Volley's primary target and generation (a new cast stops the old pulses). */
  private target = 0;
  private gen = 0;

  constructor(private readonly host: VolleyHost) {
    const sim = host.sim;
    this.on = sim.hasTalent('volley');
    this.killZone = this.on && sim.hasTalent('kill_zone');
    this.salvoTargets = this.on && sim.hasTalent('salvo') ? MM.salvoTargets : 0;
    this.bulletHell = this.on && sim.hasTalent('bullet_hell');
  }

  start(): void {
    this.gen = 0;
  }

  /** Volley's Trick Shots are up: Aimed Shot and Rapid Fire do not spend them (SimC consume_trick_shots). */
  up(): boolean {
    return this.on && this.host.sim.buffs.up(B_VOLLEY, this.host.sim.now);
  }

  /** The cast on `target`: the buff and Trick Shots for 6 s (a running Trick Shots refreshed to 6 s), the pulses. */
  cast(target: number): void {
    const sim = this.host.sim;
    sim.applyBuff(B_VOLLEY, 1, MM.volleyMs);
    sim.applyBuff(B.trick, 1, MM.volleyMs);
    // a Volley cast while one is still pulsing (not with its 45 s cooldown): the old one's area ends
    this.endKillZone();
    this.target = target;
    this.gen++;
    sim.q.push(
      sim.now + MM.volleyPulseMs,
      PRIO_DEFAULT,
      EV_SPEC,
      SPEC_VOLLEY,
      this.pulseTag(MM.volleyPulses - 1),
    );
  }

  private pulseTag(left: number): number {
    return this.gen * 64 + left;
  }

  /** A spec event: true when it was a Volley pulse. */
  specEvent(kind: number, b: number): boolean {
    if (kind !== SPEC_VOLLEY) return false;
    if (b >> 6 !== this.gen) return true; // a pulse of a Volley that a new cast replaced
    this.pulse(b & 63);
    return true;
  }

  /**
   * One pulse: 0.75 AP physical on every enemy, the primary target first (SimC volley damage_t,
   * `aoe = -1`, no reduced_aoe_targets); after each hit (its impact) Salvo on the first two
   * targets of the first pulse, Kill Zone on the target, Bullet Hell −0.3 s on Rapid Fire.
   */
  private pulse(left: number): void {
    const host = this.host;
    const sim = host.sim;
    const amount = MM.volleyAp * sim.ap * host.mult();
    const crit = host.crit();
    const cd = host.critDamage();
    // SimC damage_t::execute starts Salvo's 6 s cooldown after the first pulse's impacts: only that pulse applies it
    const salvo = left === MM.volleyPulses - 1 ? this.salvoTargets : 0;
    const n = sim.targets;
    for (let k = 0; k < n; k++) {
      // chain target k: the primary first, then the others in order
      const t = k === 0 ? this.target : k <= this.target ? k - 1 : k;
      // Unnatural Causes: 260247 is in 459529 #1's list (SimC composite_target_da_multiplier)
      host.shot(S_VOLLEY, t, amount * sim.classTree.unnaturalCauses(t), true, crit, cd);
      if (k < salvo) host.salvoExplosive(t);
      if (this.killZone) sim.applyDebuff(KILL_ZONE, t, 1, 0);
      if (this.bulletHell) sim.cds.reduce(A.rapid, sim.now, MM.bulletHellRapidFireMs);
    }
    if (this.bulletHell) sim.poke();
    if (left > 0)
      sim.q.push(sim.now + MM.volleyPulseMs, PRIO_DEFAULT, EV_SPEC, SPEC_VOLLEY, this.pulseTag(left - 1));
    else this.endKillZone(); // the area stops: SimC expires Kill Zone on every enemy then
  }

  private endKillZone(): void {
    if (!this.killZone) return;
    const sim = this.host.sim;
    for (let t = 0; t < MAX_TARGETS; t++) sim.debuffs.remove(KILL_ZONE * MAX_TARGETS + t, sim.now);
  }

  /** Kill Zone's damage taken from the hunter on `target` (393480 #2, +8 %); 1 without it. */
  takenMult(target: number): number {
    return this.killZone && this.host.sim.debuffs.up(KILL_ZONE * MAX_TARGETS + target, this.host.sim.now)
      ? 1 + MM.killZoneTaken
      : 1;
  }
}
