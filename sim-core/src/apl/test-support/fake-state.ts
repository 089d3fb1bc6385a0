/**
 * A scriptable AplState for tests: every getter reads a plain field or a map keyed by the ids of
 * `resolverFromVocabulary(TEST_VOCABULARY)`, so tests set exactly the state they need.
 */
import type { AplState, AplVocabulary, AuraKind } from '../context.ts';

export const TEST_VOCABULARY: AplVocabulary = {
  actions: [
    'kill_command',
    'barbed_shot',
    'cobra_shot',
    'bestial_wrath',
    'multishot',
    'aimed_shot',
    'auto_shot',
    'unyielding_netherprism',
  ],
  buffs: ['bestial_wrath', 'beast_cleave', 'trick_shots', 'precise_shots', 'latent_energy'],
  debuffs: ['hunters_mark', 'serpent_sting'],
  dots: ['barbed_shot', 'serpent_sting'],
  cooldowns: ['kill_command', 'barbed_shot', 'bestial_wrath', 'aimed_shot', 'unyielding_netherprism'],
  talents: ['killer_instinct', 'dire_beast'],
  petBuffs: ['frenzy', 'beast_cleave'],
};

/** Id of `name` in the `kind` list of TEST_VOCABULARY. */
export function idOf(kind: keyof AplVocabulary, name: string): number {
  const id = TEST_VOCABULARY[kind].indexOf(name);
  if (id < 0) throw new Error(`not in the test vocabulary: ${kind} ${name}`);
  return id;
}

const key = (id: number, target: number): string => `${id}@${target}`;

export class FakeState implements AplState {
  now = 0;
  remaining = 300;
  enemies = 1;
  healthPct: number[] = [100];
  gcdDuration = 1.5;
  gcdLeft = 0;
  focusNow = 100;
  focusCap = 100;
  regen = 10;
  buffs = new Map<number, { remains: number; stack: number }>();
  petBuffs = new Map<number, { remains: number; stack: number }>();
  debuffs = new Map<string, { remains: number; stack: number }>();
  dots = new Map<string, { remains: number; stack: number; refreshable: number }>();
  cooldowns = new Map<number, { remains: number; charges: number; fractional: number; full: number }>();
  talents = new Set<number>();
  /** Ranks of talents taken at another rank than 1 (`talent.X.rank`). */
  talentRanks = new Map<number, number>();
  /** Cooldown durations (seconds) by cooldown id; 10 when absent. */
  cooldownDurations = new Map<number, number>();
  /** Aura data by `kind:id`: base duration (seconds) and most stacks; 10 s and 1 stack when absent. */
  auraData = new Map<string, { duration: number; maxStack: number }>();
  history: number[] = [];
  /** Actions that are ready, per target (`id@target`); `readyEverywhere` ids are ready on every target. */
  ready = new Set<string>();
  readyEverywhere = new Set<number>();
  costs = new Map<number, number>();
  casts = new Map<number, number>();
  /** `cast_regen` by action id; 0 when absent. */
  castRegens = new Map<number, number>();
  /** Shots in flight per `action@target`. */
  flights = new Map<string, number>();
  /** `buff.X.tick_time_remains` by buff id; 0 when absent. */
  buffTicks = new Map<number, number>();
  /** Number of getter calls, to check evaluation bounds. */
  calls = 0;

  setReady(...names: string[]): this {
    for (const n of names) this.readyEverywhere.add(idOf('actions', n));
    return this;
  }

  time(): number {
    this.calls++;
    return this.now;
  }
  targetTimeToDie(): number {
    return this.fightRemains();
  }
  fightRemains(): number {
    this.calls++;
    return this.remaining;
  }
  activeEnemies(): number {
    this.calls++;
    return this.enemies;
  }
  targetHealthPct(target: number): number {
    this.calls++;
    return this.healthPct[target] ?? 100;
  }
  gcd(): number {
    this.calls++;
    return this.gcdDuration;
  }
  gcdRemains(): number {
    this.calls++;
    return this.gcdLeft;
  }
  focus(): number {
    this.calls++;
    return this.focusNow;
  }
  focusMax(): number {
    this.calls++;
    return this.focusCap;
  }
  focusRegen(): number {
    this.calls++;
    return this.regen;
  }
  buffRemains(buff: number): number {
    this.calls++;
    return this.buffs.get(buff)?.remains ?? 0;
  }
  buffStack(buff: number): number {
    this.calls++;
    return this.buffs.get(buff)?.stack ?? 0;
  }
  buffReact(buff: number): number {
    return this.buffStack(buff);
  }
  buffTickTimeRemains(buff: number): number {
    this.calls++;
    return this.buffTicks.get(buff) ?? 0;
  }
  debuffRemains(debuff: number, target: number): number {
    this.calls++;
    return this.debuffs.get(key(debuff, target))?.remains ?? 0;
  }
  debuffStack(debuff: number, target: number): number {
    this.calls++;
    return this.debuffs.get(key(debuff, target))?.stack ?? 0;
  }
  dotRemains(dot: number, target: number): number {
    this.calls++;
    return this.dots.get(key(dot, target))?.remains ?? 0;
  }
  dotRefreshable(dot: number, target: number): number {
    this.calls++;
    return this.dots.get(key(dot, target))?.refreshable ?? 1;
  }
  dotStack(dot: number, target: number): number {
    this.calls++;
    return this.dots.get(key(dot, target))?.stack ?? 0;
  }
  petBuffRemains(buff: number): number {
    this.calls++;
    return this.petBuffs.get(buff)?.remains ?? 0;
  }
  petBuffStack(buff: number): number {
    this.calls++;
    return this.petBuffs.get(buff)?.stack ?? 0;
  }
  buffUp(buff: number): number {
    return this.buffRemains(buff) > 0 ? 1 : 0;
  }
  debuffUp(debuff: number, target: number): number {
    return this.debuffRemains(debuff, target) > 0 ? 1 : 0;
  }
  dotUp(dot: number, target: number): number {
    return this.dotRemains(dot, target) > 0 ? 1 : 0;
  }
  petBuffUp(buff: number): number {
    return this.petBuffRemains(buff) > 0 ? 1 : 0;
  }
  cooldownUp(cooldown: number): number {
    return this.cooldownRemains(cooldown) > 0 ? 1 : 0;
  }
  cooldownRemains(cooldown: number): number {
    this.calls++;
    return this.cooldowns.get(cooldown)?.remains ?? 0;
  }
  cooldownCharges(cooldown: number): number {
    this.calls++;
    return this.cooldowns.get(cooldown)?.charges ?? 1;
  }
  cooldownChargesFractional(cooldown: number): number {
    this.calls++;
    return this.cooldowns.get(cooldown)?.fractional ?? 1;
  }
  cooldownFullRecharge(cooldown: number): number {
    this.calls++;
    return this.cooldowns.get(cooldown)?.full ?? 0;
  }
  cooldownDuration(cooldown: number): number {
    this.calls++;
    return this.cooldownDurations.get(cooldown) ?? 10;
  }
  auraDuration(kind: AuraKind, aura: number): number {
    this.calls++;
    return this.auraData.get(`${kind}:${aura}`)?.duration ?? 10;
  }
  auraMaxStack(kind: AuraKind, aura: number): number {
    this.calls++;
    return this.auraData.get(`${kind}:${aura}`)?.maxStack ?? 1;
  }
  talent(talent: number): number {
    this.calls++;
    return this.talents.has(talent) ? 1 : 0;
  }
  talentRank(talent: number): number {
    this.calls++;
    return this.talents.has(talent) ? (this.talentRanks.get(talent) ?? 1) : 0;
  }
  prevGcd(n: number, action: number): number {
    this.calls++;
    return this.history[this.history.length - n] === action ? 1 : 0;
  }
  actionReady(action: number, target: number): number {
    this.calls++;
    return this.readyEverywhere.has(action) || this.ready.has(key(action, target)) ? 1 : 0;
  }
  actionCost(action: number): number {
    this.calls++;
    return this.costs.get(action) ?? 0;
  }
  castTime(action: number): number {
    this.calls++;
    return this.casts.get(action) ?? 0;
  }
  executeTime(action: number): number {
    this.calls++;
    return Math.max(this.gcdDuration, this.casts.get(action) ?? 0);
  }
  castRegen(action: number): number {
    this.calls++;
    return this.castRegens.get(action) ?? 0;
  }
  inFlight(action: number, target: number): number {
    this.calls++;
    if (target >= 0) return this.flights.get(key(action, target)) ?? 0;
    let n = 0;
    for (const [k, v] of this.flights) if (k.startsWith(`${action}@`)) n += v;
    return n;
  }
}
