/**
 * Pack Leader's Bear (Howl of the Pack Leader's third beast) for the Pack Leader helper
 * (./pack-leader.ts), which owns it and summons it on Kill Command: the guardian's swings and its
 * Rend Flesh bleed, with Ursine Fury on the bleed's ticks and Envenomed Fangs (./envenomed-fangs.ts)
 * on its impact. The bear and its Rend Flesh are one rule: the bleed is a spell of the bear, cast
 * in its summon with the bear's damage. Numbers: ./pack-leader-data.ts; the rules follow
 * SimulationCraft's sc_hunter.cpp at ab018d1176 (bear_t, rend_flesh_t), Envenomed Fangs at
 * 50d415071f (rend_flesh_t::impact); how SimC does each and what is simplified:
 * sim-core/docs/specs.md.
 */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { BM } from '../bm-hunter/data.ts';
import { EnvenomedFangs } from './envenomed-fangs.ts';
import { PACK_LEADER as PL } from './pack-leader-data.ts';

/** What the BM logic gives the bear (through the Pack Leader host, which extends this). */
export interface PackLeaderBearHost {
  /** Bestial Wrath on the hunter's spells now (19574 #4 on Rend Flesh; 1 when down). */
  bestialWrath(): number;
  /** Wildspeaker's Bestial Wrath on a dire critter (the bear is one, SimC bear_t): 1.15 or 1. */
  critterRage(): number;
  /** Dire Frenzy on a dire critter (the bear is one): its extra time (385810 #1, 0 without). */
  direCritterExtraMs(): number;
  /** Dire Frenzy on a dire critter: its damage factor (385810 #2, 1 without). */
  direFrenzyMult(): number;
  /** The bear was summoned (a dire critter: BM's Dire Cleave), before its first swing. */
  bearSummoned(): void;
  /** After a swing of the bear at `target` for `amount` (BM's Dire Cleave). */
  bearSwing(target: number, amount: number): void;
}

/** What the bear asks of the Pack Leader helper that owns it. */
export interface PackLeaderBearOwner {
  /** Wyvern's Cry on the hunter's spells now (471881 #2 on Rend Flesh; 1 without the keystone). */
  spellMult(): number;
}

/** Spec event kind of the bear's swings (distinct from BM's, Dark Ranger's and Pack Leader's others). */
export const PACK_LEADER_BEAR_EVENT = 1101;

/** The Bear of one Sim and its Rend Flesh (never summoned when the loadout lacks the keystone). */
export class PackLeaderBear {
  /** Howl of the Pack Leader is taken. */
  private readonly on: boolean;
  private readonly ursineFury: boolean;
  /** Envenomed Fangs (./envenomed-fangs.ts): Rend Flesh's impact consumes Serpent Sting. */
  private readonly envenomedFangs: EnvenomedFangs;
  /** The War Within season 3 set's Pack Leader bonuses are on (./pack-leader-tier.ts). */
  private readonly tierOn: boolean;
  /** The set's 2-piece on Bear Summon's damage done (1236372 #3; 0 without). */
  private readonly tierBearSummon: number;
  /** BM's Dire Cleave is taken: the bear's swings ask the host to cleave (a boolean read without it). */
  private readonly cleaves: boolean;
  private readonly lftf: number;
  private readonly src: number;
  private readonly rendSrc: number;
  private readonly rend: number;
  private readonly killCommand: number;
  /** The bear: its swings run while now < until; a new bear replaces it (generation). */
  private until = 0;
  private gen = 0;
  /** Bear Summon's damage done and Dire Frenzy's, set when the bear comes. */
  private damage = 1;

  /**
   * `on`: Howl of the Pack Leader is taken; `tierOn`: the set's 2-piece stat buffs or 4-piece
   * Stampede are on, so the first swing waits for the owner (Grizzled Fur comes before it);
   * `tierBearSummon`: the 2-piece's Bear Summon bonus (PackLeaderTier.bearSummon).
   */
  constructor(
    private readonly sim: Sim,
    private readonly host: PackLeaderBearHost,
    private readonly owner: PackLeaderBearOwner,
    on: boolean,
    tierOn: boolean,
    tierBearSummon: number,
  ) {
    const d = sim.data;
    this.on = on;
    this.ursineFury = on && sim.hasTalent('ursine_fury');
    this.envenomedFangs = new EnvenomedFangs(sim, on && sim.hasTalent('envenomed_fangs'));
    this.tierOn = tierOn;
    this.tierBearSummon = tierBearSummon;
    this.cleaves = sim.hasTalent('dire_cleave');
    this.lftf = Sim.indexOf(d.buffs, 'lead_from_the_front');
    this.src = Sim.indexOf(d.sources, 'bear_melee');
    this.rendSrc = Sim.indexOf(d.sources, 'rend_flesh');
    this.rend = Sim.indexOf(d.dots, 'rend_flesh');
    this.killCommand = Sim.indexOf(d.actions, 'kill_command');
  }

  /** Start of an iteration: no bear, and the swings booked in the last one are stale. */
  start(): void {
    this.until = 0;
    this.gen++;
  }

  /**
   * The Bear (SimC bear_t, a guardian): swings at once and every 1.5 s / haste for 12 s, 1 × the
   * hunter's AP × 1.5 / 6 × 7 per swing; Rend Flesh on up to 8 enemies at once. Bear Summon's
   * damage (1225858 #1 with 137015 #9: −20 %, +25 with Lead From the Front up) is set when it comes.
   * With the set the first swing is the owner's, after Grizzled Fur.
   */
  summon(): void {
    const sim = this.sim;
    this.gen++;
    // Dire Frenzy (385810): the bear is a dire_critter_t, so it lasts longer (#1) and hits harder (#2).
    this.until = sim.now + PL.bearMs + this.host.direCritterExtraMs();
    const lftf = sim.buffs.up(this.lftf, sim.now);
    // the set's 2-piece adds its +15 to Bear Summon as the spec aura's −20 (1236372 #3; 0 without)
    this.damage = 1 + PL.bearDamageBm + this.tierBearSummon + (lftf ? PL.leadFromTheFrontBeasts : 0);
    this.damage *= this.host.direFrenzyMult();
    this.host.bearSummoned();
    if (!this.tierOn) this.swing();
    // 471999: a pet spell of the bear: 137015 #2 (−6 % periodic), the guardian aura and mastery,
    // Bear Summon, the hunter's Bestial Wrath (19574 #4), Wyvern's Cry #2, Lead From the Front #2.
    const tick =
      PL.rendFleshTickAp *
      sim.ap *
      PL.bearApFromOwner *
      (1 + BM.specAuraSpells) *
      this.guardian() *
      this.damage *
      this.host.critterRage() *
      this.host.bestialWrath() *
      this.owner.spellMult() *
      (lftf ? 1 + PL.leadFromTheFrontBeasts : 1);
    const n = sim.targets < PL.rendFleshTargets ? sim.targets : PL.rendFleshTargets;
    for (let t = 0; t < n; t++) {
      sim.applyDot(this.rend, t, tick);
      if (this.envenomedFangs.on) this.envenomedFangs.consume(t);
    }
  }

  /**
   * Wildspeaker: the bear's share of a dire critter's Kill Command now (its AP share, the guardian
   * aura, mastery, Bear Summon's damage and Dire Frenzy), 0 when no bear is out.
   */
  critterShare(): number {
    if (!this.on || this.sim.now >= this.until) return 0;
    return PL.bearApFromOwner * this.guardian() * this.damage;
  }

  /** A guardian's multiplier: 137015 #4 (−6 %) and Master of Beasts #4 (1.9 % per point). */
  private guardian(): number {
    return (1 + BM.specAuraGuardian) * (1 + this.sim.masteryPct / 100);
  }

  /** One swing of the bear at the first enemy, then the next one booked while the bear is out. */
  swing(): void {
    const sim = this.sim;
    const perSwing = (sim.ap * PL.bearApFromOwner * PL.bearSwingMs) / 1000 / BM.petMeleeApDivisor;
    const mult = PL.bearAutoAttackMult * this.guardian() * this.damage * this.host.critterRage();
    sim.hit(this.src, 0, perSwing * mult, true, 0);
    if (this.cleaves) this.host.bearSwing(0, perSwing * mult);
    const next = sim.now + Math.round(PL.bearSwingMs / sim.haste);
    if (next < this.until) sim.q.push(next, PRIO_DEFAULT, EV_SPEC, PACK_LEADER_BEAR_EVENT, this.gen);
  }

  /** A spec event; true when it was the bear's swing (of a replaced bear: nothing). */
  specEvent(kind: number, gen: number): boolean {
    if (kind !== PACK_LEADER_BEAR_EVENT) return false;
    if (gen === this.gen) this.swing();
    return true;
  }

  /** A dot ticked; returns false when it is not Rend Flesh. */
  dotTick(dot: number, target: number, amount: number): boolean {
    if (dot !== this.rend) return false;
    const sim = this.sim;
    sim.hit(this.rendSrc, target, amount, true, 0);
    // Ursine Fury (472478): 10 % per tick, 1 s off Kill Command.
    if (this.ursineFury && sim.rng.next() < PL.ursineFuryChance) {
      sim.cds.reduce(this.killCommand, sim.now, PL.ursineFuryKillCommandMs);
      sim.poke();
    }
    return true;
  }
}
