/**
 * The War Within season 3 hunter set for Pack Leader (Beast Mastery): the rules of its 2-piece
 * (1236372: pets +5 %, beasts +15 %, a stat for each beast summoned) and 4-piece (1236373: a
 * Stampede when a beast comes under Lead From the Front), called by ./pack-leader.ts. Numbers in
 * ./pack-leader-data.ts (PACK_LEADER_TIER); the rules follow SimulationCraft's sc_hunter.cpp at
 * 50d415071f (consume_howl_of_the_pack_leader, the grizzled_fur / hasted_hooves /
 * sharpened_fangs buffs, stampede_t, composite_player_pet_damage_multiplier, bear_t). Each bonus is
 * on only with the Pack Leader keystone and the bonus in config.setBonuses, read once here; how
 * SimC does each and what differs: sim-core/docs/specs.md.
 */
import { EV_SPEC, MAX_TARGETS, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { BM } from '../bm-hunter/data.ts';
import { PACK_LEADER_TIER as T } from './pack-leader-data.ts';

/** What the set needs from the BM logic (through the Pack Leader host). */
export interface PackLeaderTierHost {
  /** Bestial Wrath on the hunter's spells now (19574 #1; 1 when down). */
  bestialWrath(): number;
  /** The hunter's extra crit chance on shots now (Thrill of the Hunt 257946 #1 lists 201594). */
  shotCrit(): number;
  /** Wyvern's Cry on the hunter's spells now (471881 #1 lists 201594). */
  spellMult(): number;
}

/** Spec event kinds (distinct from BM's, Dark Ranger's and Pack Leader's 1100, 1101). */
export const PACK_LEADER_STAMPEDE_TICK = 1102;
export const PACK_LEADER_STAMPEDE_END = 1103;

/** The beasts, in the order SimC's consume_howl_of_the_pack_leader takes them. */
export const TIER_WYVERN = 0;
export const TIER_BOAR = 1;
export const TIER_BEAR = 2;

export class PackLeaderTier {
  /** 2-piece worn with Pack Leader. */
  readonly two: boolean;
  /** 4-piece worn with Pack Leader and Lead From the Front (SimC's buff it needs exists only with it). */
  readonly four: boolean;
  /** The pet damage factor (1236372 #1; 1 without the 2-piece). */
  readonly petMult: number;
  /** Bear Summon's extra damage done (1236372 #3; 0 without). */
  readonly bearSummon: number;
  /** Boar Charge's factors (1236372 #5, #4; 1 without). */
  readonly boarImpactMult: number;
  readonly boarCleaveMult: number;
  /** The stat buffs by beast (Wyvern, Boar, Bear) and the Stampede aura, -1 when not in the data. */
  private readonly statBuff: Int32Array;
  private readonly stampedeBuff: number;
  private readonly src: number;
  /** 1 while a stat buff is up (kept for the stats: the buffs notify on each change). */
  private critUp = false;
  private masteryUp = false;
  private hasteUp = false;
  /** The Stampede per target, as SimC's dot of stampede_t: its tick schedule's start and end. */
  private readonly stampedeStart = new Float64Array(MAX_TARGETS);
  private readonly stampedeEnd = new Float64Array(MAX_TARGETS);
  /** Per target: generations of the Stampede (its tick chain) and of its end (a refresh moves it). */
  private readonly stampedeGen = new Int32Array(MAX_TARGETS);
  private readonly stampedeEndGen = new Int32Array(MAX_TARGETS);
  private readonly stampedeOn = new Uint8Array(MAX_TARGETS);
  private readonly stampedeTargets: number;

  constructor(
    private readonly sim: Sim,
    private readonly host: PackLeaderTierHost,
    packLeader: boolean,
  ) {
    this.two = packLeader && sim.hasSetBonus('thewarwithin_season_3_2pc');
    this.four =
      packLeader && sim.hasSetBonus('thewarwithin_season_3_4pc') && sim.hasTalent('lead_from_the_front');
    this.petMult = this.two ? 1 + T.petDamage : 1;
    this.bearSummon = this.two ? T.bearSummon : 0;
    this.boarImpactMult = this.two ? 1 + T.boarImpact : 1;
    this.boarCleaveMult = this.two ? 1 + T.boarCleave : 1;
    const b = (k: string) => sim.data.buffs.findIndex((x) => x.key === k);
    this.statBuff = Int32Array.of(b('sharpened_fangs'), b('hasted_hooves'), b('grizzled_fur'));
    this.stampedeBuff = b('stampede');
    this.src = this.four ? Sim.indexOf(sim.data.sources, 'stampede') : -1;
    // SimC's default bugs=1 hits every enemy (stampede_t::damage_t: aoe -1); 1236373 #4 says 8
    this.stampedeTargets = MAX_TARGETS;
    if (this.two) for (const s of this.statBuff) sim.buffNotify[s] = 1;
  }

  /** Start of an iteration: no stat buff, no Stampede (the auras and events were cleared). */
  start(): void {
    if (this.critUp || this.masteryUp) this.sim.setStatBuffs(0, 0);
    this.critUp = this.masteryUp = this.hasteUp = false;
    if (this.four) {
      for (let t = 0; t < MAX_TARGETS; t++) {
        this.stampedeOn[t] = 0;
        this.stampedeGen[t]!++;
        this.stampedeEndGen[t]!++;
      }
    }
  }

  /** A beast was summoned (SimC: the buff after the beast's own effects): its stat for 8 s. */
  onBeast(beast: number): void {
    if (this.two) this.sim.applyBuff(this.statBuff[beast]!, 1, 0);
  }

  /** Hasted Hooves' haste factor now (1236565 #1; SimC divides the haste by 1 + 6 %). */
  hasteFactor(): number {
    return this.hasteUp ? 1 + T.haste : 1;
  }

  /** A notifying buff changed; true when it was one of the set's stat buffs. */
  buffChanged(buff: number): boolean {
    if (!this.two) return false;
    const sim = this.sim;
    const s = this.statBuff;
    const up = sim.buffs.up(buff, sim.now);
    if (buff === s[TIER_BOAR]) {
      if (up !== this.hasteUp) {
        this.hasteUp = up;
        sim.updateHaste();
      }
    } else if (buff === s[TIER_WYVERN] || buff === s[TIER_BEAR]) {
      const crit = buff === s[TIER_WYVERN] ? up : this.critUp;
      const mastery = buff === s[TIER_BEAR] ? up : this.masteryUp;
      if (crit !== this.critUp || mastery !== this.masteryUp) {
        this.critUp = crit;
        this.masteryUp = mastery;
        sim.setStatBuffs(crit ? T.crit : 0, mastery ? T.masteryPoints : 0);
      }
    } else return false;
    return true;
  }

  /**
   * Beasts were summoned with Lead From the Front up (SimC consume_howl_of_the_pack_leader, once
   * for all beasts of the Kill Command): a Stampede on the target, SimC's dot of 1250068 — 4 s,
   * a tick at once and every 2 s (not hasted), one more when it ends, so 3; a Stampede started
   * while one runs refreshes it (pandemic: up to 30 % of 4 s kept), ticks at once and keeps its
   * 2 s schedule.
   */
  stampede(target: number): void {
    if (!this.four) return;
    const sim = this.sim;
    const now = sim.now;
    sim.srcCasts[this.src]!++; // each Stampede (SimC's stampede_t execute), refreshes too
    let end: number;
    if (this.stampedeOn[target] === 1) {
      const left = this.stampedeEnd[target]! - now;
      const keep = T.stampedePandemic * T.stampedeMs;
      end = now + T.stampedeMs + (left < keep ? left : keep);
    } else {
      end = now + T.stampedeMs;
      this.stampedeOn[target] = 1;
      this.stampedeStart[target] = now;
      const gen = ++this.stampedeGen[target]!;
      sim.q.push(
        now + T.stampedeTickMs,
        PRIO_DEFAULT,
        EV_SPEC,
        PACK_LEADER_STAMPEDE_TICK,
        gen * MAX_TARGETS + target,
      );
    }
    this.stampedeEnd[target] = end;
    const endGen = ++this.stampedeEndGen[target]!;
    sim.q.push(end, PRIO_DEFAULT, EV_SPEC, PACK_LEADER_STAMPEDE_END, endGen * MAX_TARGETS + target);
    const b = this.stampedeBuff;
    if (b >= 0 && sim.buffs.expires[b]! < end) sim.applyBuff(b, 1, end - now);
    this.tick(target);
  }

  /** A spec event; true when it was the set's. */
  specEvent(kind: number, b: number): boolean {
    if (kind !== PACK_LEADER_STAMPEDE_TICK && kind !== PACK_LEADER_STAMPEDE_END) return false;
    const target = b % MAX_TARGETS;
    const gen = (b - target) / MAX_TARGETS;
    const sim = this.sim;
    if (kind === PACK_LEADER_STAMPEDE_TICK) {
      // the periodic ticks before the end (the one at the end is the end's)
      if (gen !== this.stampedeGen[target] || this.stampedeOn[target] === 0) return true;
      if (sim.now >= this.stampedeEnd[target]!) return true;
      this.tick(target);
      sim.q.push(sim.now + T.stampedeTickMs, PRIO_DEFAULT, EV_SPEC, PACK_LEADER_STAMPEDE_TICK, b);
    } else if (gen === this.stampedeEndGen[target] && this.stampedeOn[target] === 1) {
      // SimC dot_end_event: the last (partial) tick, a whole one here (the hits are not scaled)
      this.tick(target);
      this.stampedeOn[target] = 0;
      this.stampedeGen[target]!++;
    }
    return true;
  }

  /**
   * One tick (SimC stampede_t::tick): three Stampede hits (201594) on the target and every other
   * enemy, computed now and landing 0.6, 0.9 and 1.2 s later. A hunter ability: 137015 #1
   * (−6 %) and #12 (−55 %), Master of Beasts #3 (1.9 % per point), Bestial Wrath, Wyvern's Cry,
   * Thrill of the Hunt's crit.
   */
  private tick(target: number): void {
    const sim = this.sim;
    if (target >= sim.targets) return; // the target died: SimC's dot ends with it
    const host = this.host;
    const amount =
      T.stampedeAp *
      sim.ap *
      (1 + BM.specAuraSpells) *
      (1 + T.stampedeSpecAura) *
      (1 + sim.masteryPct / 100) *
      host.bestialWrath() *
      host.spellMult();
    const crit = host.shotCrit();
    const travel = sim.travelOn;
    sim.travelOn = 1;
    const delays = T.stampedeHitDelaysMs;
    for (let k = 0; k < delays.length; k++) {
      sim.srcTravelMs[this.src] = delays[k]!;
      sim.hit(this.src, target, amount, true, crit);
      for (let t = 0, n = 1; t < sim.targets && n < this.stampedeTargets; t++) {
        if (t === target) continue;
        sim.hit(this.src, t, amount, true, crit);
        n++;
      }
    }
    sim.travelOn = travel;
  }
}
