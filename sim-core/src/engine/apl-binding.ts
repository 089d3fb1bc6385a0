/**
 * The engine side of the rotation interface (apl/context.ts): numeric getters over a Sim.
 * Ids are positions in the spec's vocabulary lists (specs/registry.ts specVocabulary), which
 * are the engine's own indices: actions = cooldowns, buffs, debuffs, dots, talents, pet buffs.
 */
import type { AplState, AuraKind } from '../apl/context.ts';
import type { AuraSet } from './auras.ts';
import { MAX_TARGETS, type Sim } from './sim.ts';

export class AplBinding implements AplState {
  constructor(private readonly sim: Sim) {}

  time(): number {
    return this.sim.now / 1000;
  }
  fightRemains(): number {
    return Math.max(0, this.sim.endMs - this.sim.now) / 1000;
  }
  targetTimeToDie(target: number): number {
    return this.sim.timeToDie(target);
  }
  activeEnemies(): number {
    return this.sim.targets;
  }
  targetHealthPct(target: number): number {
    return this.sim.healthPctOf(target);
  }
  gcd(): number {
    return this.sim.gcdMs() / 1000;
  }
  gcdRemains(): number {
    return Math.max(0, this.sim.gcdEnd - this.sim.now) / 1000;
  }
  focus(): number {
    return this.sim.focus();
  }
  focusMax(): number {
    return this.sim.focusMax;
  }
  focusRegen(): number {
    return this.sim.focusRate * 1000;
  }
  buffRemains(buff: number): number {
    return this.sim.buffs.remainsMs(buff, this.sim.now) / 1000;
  }
  buffStack(buff: number): number {
    return this.sim.buffs.stack(buff, this.sim.now);
  }
  buffReact(buff: number): number {
    return this.sim.buffs.reactStack(buff, this.sim.now);
  }
  /** The spec's ticks (SpecLogic.buffTickRemainsMs); 0 for a spec whose buffs do not tick. */
  buffTickTimeRemains(buff: number): number {
    const logic = this.sim.logic;
    return logic.buffTickRemainsMs === undefined ? 0 : logic.buffTickRemainsMs(buff) / 1000;
  }
  debuffRemains(debuff: number, target: number): number {
    return this.sim.debuffs.remainsMs(debuff * MAX_TARGETS + target, this.sim.now) / 1000;
  }
  debuffStack(debuff: number, target: number): number {
    return this.sim.debuffs.stack(debuff * MAX_TARGETS + target, this.sim.now);
  }
  dotRemains(dot: number, target: number): number {
    return this.sim.dots.remainsMs(dot * MAX_TARGETS + target, this.sim.now) / 1000;
  }
  dotRefreshable(dot: number, target: number): number {
    const s = this.sim.dots;
    return s.remainsMs(dot * MAX_TARGETS + target, this.sim.now) < s.duration[dot]! * 0.3 ? 1 : 0;
  }
  dotStack(dot: number, target: number): number {
    return this.sim.dots.stack(dot * MAX_TARGETS + target, this.sim.now);
  }
  petBuffRemains(buff: number): number {
    if (this.sim.petActive[0] !== 1) return 0;
    return this.sim.petBuffs.remainsMs(buff, this.sim.now) / 1000;
  }
  petBuffStack(buff: number): number {
    if (this.sim.petActive[0] !== 1) return 0;
    return this.sim.petBuffs.stack(buff, this.sim.now);
  }
  buffUp(buff: number): number {
    return this.sim.buffs.expires[buff]! > this.sim.now ? 1 : 0;
  }
  debuffUp(debuff: number, target: number): number {
    return this.sim.debuffs.expires[debuff * MAX_TARGETS + target]! > this.sim.now ? 1 : 0;
  }
  dotUp(dot: number, target: number): number {
    return this.sim.dots.expires[dot * MAX_TARGETS + target]! > this.sim.now ? 1 : 0;
  }
  petBuffUp(buff: number): number {
    return this.sim.petActive[0] === 1 && this.sim.petBuffs.expires[buff]! > this.sim.now ? 1 : 0;
  }
  /** cooldownRemains > 0: after the sync, no charge (and then the next one is still to come). */
  cooldownUp(cd: number): number {
    return this.sim.cds.chargesAt(cd, this.sim.now) > 0 ? 0 : 1;
  }
  cooldownRemains(cd: number): number {
    return this.sim.cds.remainsMs(cd, this.sim.now) / 1000;
  }
  cooldownCharges(cd: number): number {
    return this.sim.cds.chargesAt(cd, this.sim.now);
  }
  cooldownChargesFractional(cd: number): number {
    return this.sim.cds.chargesFractional(cd, this.sim.now);
  }
  cooldownFullRecharge(cd: number): number {
    return this.sim.cds.fullRechargeMs(cd, this.sim.now) / 1000;
  }
  cooldownDuration(cd: number): number {
    return this.sim.cds.rechargeMs(cd) / 1000;
  }
  auraDuration(kind: AuraKind, aura: number): number {
    return this.auras(kind).duration[aura]! / 1000;
  }
  auraMaxStack(kind: AuraKind, aura: number): number {
    return Math.max(1, this.auras(kind).maxStacks[aura]!);
  }
  private auras(kind: AuraKind): AuraSet {
    return kind === 'buffs' ? this.sim.buffs : kind === 'debuffs' ? this.sim.debuffs : this.sim.petBuffs;
  }
  talent(talent: number): number {
    return this.sim.talentOn[talent] ?? 0;
  }
  talentRank(talent: number): number {
    return this.sim.talentRanks[talent] ?? 0;
  }
  prevGcd(n: number, action: number): number {
    return n >= 1 && n <= 4 && this.sim.prevGcd[n - 1] === action ? 1 : 0;
  }
  /** Known by the talents (sim.knownMask, filled before the rotation's first reset; empty: all may be). */
  actionKnown(action: number): boolean {
    const known = this.sim.knownMask;
    return known.length === 0 || known[action] === 1;
  }
  actionReady(action: number, target: number): number {
    // Most lines the walk asks about wait for their cooldown (MM: 2001 of 3848 asks an iteration):
    // answered here, without the call to Sim.actionReady (which Chromium's V8 does not inline)
    const sim = this.sim;
    if (sim.cds.waiting(action, sim.now)) return 0;
    return sim.actionReady(action, target) ? 1 : 0;
  }
  actionCost(action: number): number {
    return this.sim.cost(action);
  }
  castTime(action: number): number {
    return this.sim.castMs(action) / 1000;
  }
  executeTime(action: number): number {
    const sim = this.sim;
    const channel = sim.baseChannelMs[action]!;
    const busy = Math.max(
      sim.castMs(action),
      channel > 0 ? Math.round((sim.logic.channelMs?.(action) ?? channel) / sim.haste) : 0,
    );
    return (sim.onGcd[action] === 1 ? Math.max(sim.gcdMs(), busy) : busy) / 1000;
  }
  /**
   * SimC's hunter cast_regen (sc_hunter.cpp hunter_action_t::cast_regen): focus.regen × max(cast
   * time, the action's GCD), a channel counting as its GCD only (SimC's execute_time of a channel
   * is 0), plus floor(the focus of the cast itself, ActionDef.castFocus).
   */
  castRegen(action: number): number {
    const sim = this.sim;
    const gcd = sim.onGcd[action] === 1 ? sim.gcdMsFor(action) : 0;
    return sim.focusRate * Math.max(sim.castMs(action), gcd) + Math.floor(sim.actions[action]!.castFocus);
  }
  /** The shots of the action's own damage source in flight (engine/in-flight.ts; rotations rarely ask). */
  inFlight(action: number, target: number): number {
    const sim = this.sim;
    const src = sim.actionSource[action]!;
    if (src < 0) return 0;
    return sim.inFlight.count(src, target);
  }
}
