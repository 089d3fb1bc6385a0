/**
 * Test harness (used by tests only): a one-action test spec ("bolt", plus an off-GCD "boost")
 * on the real engine, with a deterministic SpecLogic, so results can be computed by hand.
 */
import { compileRotation } from '../apl/compile.ts';
import { parseRotation } from '../apl/parser.ts';
import { action, BLOODLUST } from '../specs/common.ts';
import type { ActionDef, SpecData } from '../specs/spec-types.ts';
import { noConsumables, POTION_ACTION, POTION_SOURCE, TEMPERED_POTION_BUFF } from '../specs/consumables.ts';
import { noRaidBuffs } from '../specs/raid-buffs.ts';
import { noGear } from '../specs/gear.ts';
import { RACIAL_ACTIONS, RACIAL_BUFFS, RACIAL_SOURCES } from '../specs/racials.ts';
import { TIMING_OFF } from '../config/timing.ts';
import type { AddWaves, Consumables, PlayerStats, RaidBuffs, SimConfig, SpecId, Timing } from '../types.ts';
import { parseConfig } from '../config/parse-config.ts';
import { specs } from '../specs/registry.ts';
import { AplBinding } from './apl-binding.ts';
import { createSim, rotationResolver } from './run.ts';
import { EV_BUFF_EXPIRE, EV_DOT_TICK, EV_LAND, EV_SPEC, Sim } from './sim.ts';
import type { SpecLogic } from './spec-logic.ts';

export const HIT = 1000;

function testSpec(bolt: Partial<ActionDef>): SpecData {
  return {
    id: 'mm-hunter',
    name: 'Test',
    specId: 0,
    masteryCoefficient: 0,
    baseFocusRegen: 0,
    maxFocus: 100,
    actions: [
      action({ id: 1, key: 'bolt', name: 'Bolt', description: '', school: 'arcane', ...bolt }),
      action({
        id: 3,
        key: 'boost',
        name: 'Boost',
        description: '',
        school: 'arcane',
        gcd: false,
        cooldownMs: 100_000,
      }),
      POTION_ACTION,
      ...RACIAL_ACTIONS,
    ],
    sources: [
      { key: 'bolt', name: 'Bolt', school: 'arcane' },
      { key: 'boost', name: 'Boost', school: 'arcane' },
      POTION_SOURCE,
      ...RACIAL_SOURCES,
    ],
    buffs: [BLOODLUST, TEMPERED_POTION_BUFF, ...RACIAL_BUFFS],
    debuffs: [],
    dots: [
      {
        id: 2,
        key: 'bolt',
        name: 'Bolt',
        description: '',
        durationMs: 8000,
        maxStacks: 1,
        tickMs: 2000,
        source: 'bolt',
      },
    ],
    petBuffs: [],
    talents: [],
    defaultTalents: [],
  };
}

class TestLogic implements SpecLogic {
  constructor(
    private readonly sim: Sim,
    private readonly mode: 'direct' | 'dot',
    private readonly critBonus: number,
    private readonly physical = false,
  ) {}
  start(): void {}
  known(): boolean {
    return true;
  }
  readonly dynamicCost = false;
  cost(): number {
    return 0;
  }
  castMs(a: number): number {
    return this.sim.actions[a]!.castMs;
  }
  castStarted(): void {}
  execute(a: number, target: number): void {
    if (a === 1) return;
    if (this.mode === 'direct') this.sim.hit(0, 0, HIT, this.physical, this.critBonus);
    else this.sim.applyDot(0, target, HIT);
  }
  channelTick(): void {}
  autoShot(): void {}
  petSwing(): void {}
  petSwingMs(): number {
    return 1000;
  }
  dotTick(_dot: number, _target: number, amount: number): void {
    this.sim.hit(0, 0, amount, false, this.critBonus);
  }
  buffChanged(): void {}
  specEvent(): void {}
  hasteFactor(): number {
    return 1;
  }
  regenFactor(): number {
    return 1;
  }
}

export function run(opts: {
  rotation?: string;
  targets?: number;
  bolt?: Partial<ActionDef>;
  mode?: 'direct' | 'dot';
  ratings?: Partial<SimConfig['player']['stats']>;
  seconds: number;
  critBonus?: number;
  iterations?: number;
  /** Raid buffs turned on (all off by default, so the closed forms stay simple). */
  raidBuffs?: Partial<RaidBuffs>;
  /** The bolt deals physical damage (armor, Mystic Touch) instead of magic. */
  physical?: boolean;
  /** Flask and potion (none by default). */
  consumables?: Partial<Consumables>;
  /** The character's race (none by default). */
  race?: string;
  /** Class set bonuses worn (specs/tier-sets.ts; none by default). */
  setBonuses?: string[];
  /** Timing options turned on (all off by default: no travel, latency or reaction; linear health). */
  timing?: Partial<Timing>;
  /** ms the bolt's hits travel (the real table keys missile speeds by spell: specs/projectiles.ts). */
  travelMs?: number;
  bloodlust?: boolean;
  /** An `adds` fight with these waves (targets is then the main target only). */
  adds?: AddWaves;
}): { samples: number[]; sim: Sim } {
  const data = testSpec(opts.bolt ?? {});
  const config: SimConfig = {
    engineVersion: 'test',
    spec: 'mm-hunter',
    player: {
      stats: {
        agility: 0,
        crit: 0,
        haste: 0,
        mastery: 0,
        versatility: 0,
        weaponDps: 0,
        weaponSpeed: 3,
        ...opts.ratings,
      },
      talents: [],
    },
    fight: {
      style: opts.adds ? 'adds' : (opts.targets ?? 1) > 1 ? 'cleave' : 'patchwerk',
      durationSeconds: opts.seconds,
      durationVariation: 0,
      targets: opts.targets ?? 1,
      bloodlust: opts.bloodlust ?? false,
      ...(opts.adds ? { adds: opts.adds } : {}),
    },
    raidBuffs: { ...noRaidBuffs(), ...opts.raidBuffs },
    consumables: { ...noConsumables(), ...opts.consumables },
    race: opts.race ?? 'none',
    setBonuses: opts.setBonuses ?? [],
    timing: { ...TIMING_OFF, ...opts.timing },
    rotation: opts.rotation ?? 'actions=bolt',
  };
  const sim = new Sim(config, data);
  sim.logic = new TestLogic(sim, opts.mode ?? 'direct', opts.critBonus ?? -1, opts.physical ?? false);
  sim.state = new AplBinding(sim);
  if (opts.travelMs) sim.srcTravelMs[0] = opts.travelMs;
  const racials = RACIAL_ACTIONS.map((a) => a.key);
  const vocab = {
    actions: ['bolt', 'boost', 'potion', ...racials],
    buffs: ['bloodlust', 'tempered_potion', ...RACIAL_BUFFS.map((b) => b.key)],
    debuffs: [],
    dots: ['bolt'],
    cooldowns: ['bolt', 'boost', 'potion', ...racials],
    talents: [],
    petBuffs: [],
  };
  sim.rotation = compileRotation(parseRotation(config.rotation, vocab), rotationResolver(sim, vocab));
  const samples: number[] = [];
  for (let k = 0; k < (opts.iterations ?? 1); k++) samples.push(sim.runIteration(1, k));
  return { samples, sim };
}

/**
 * Switches off everything a mechanic's golden test does not isolate: raid buffs, consumables, items,
 * travel, latency and reaction time (health then falls linearly), and the weapon's share of
 * attack power (no weapon DPS: attack power is the agility), so hits land when and as the hand
 * computation says. Returns the same config.
 */
export function isolateMechanics(c: SimConfig): SimConfig {
  c.raidBuffs = noRaidBuffs();
  c.consumables = noConsumables();
  c.gear = noGear(); // no weapon enchant or item effect
  c.timing = { ...TIMING_OFF };
  c.player.stats = { ...c.player.stats, weaponDps: 0 };
  return c;
}

/**
 * A spec's default config for a mechanic's golden test: the talents and rotation given, a fixed
 * length (`seconds`, 100 by default) without Bloodlust, one target or a cleave of `targets`, the
 * set bonuses worn, everything isolateMechanics switches off, and the default stats with `stats`
 * over them (a weapon's DPS given there is kept); parsed.
 */
export function mechanicConfig(
  spec: SpecId,
  talents: string[],
  rotation: string,
  opts: { seconds?: number; targets?: number; stats?: Partial<PlayerStats>; setBonuses?: string[] } = {},
): SimConfig {
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  c.player.talents = talents;
  c.rotation = rotation;
  c.fight = { ...c.fight, durationSeconds: opts.seconds ?? 100, durationVariation: 0, bloodlust: false };
  const targets = opts.targets ?? 1;
  if (targets > 1) c.fight = { ...c.fight, style: 'cleave', targets };
  if (opts.setBonuses) c.setBonuses = opts.setBonuses;
  isolateMechanics(c);
  if (opts.stats) c.player.stats = { ...c.player.stats, ...opts.stats }; // over the isolation's (a weapon)
  return parseConfig(c);
}

/**
 * A Sim of `config` after one iteration (its state set up as a fight leaves it), restarted at 0 ms
 * with an empty queue and no auras (no pet swings, no casts, none of that iteration's buffs or
 * dots): for tests that fire actions and events by hand.
 */
export function freshSim(config: SimConfig): Sim {
  const sim = createSim(config);
  sim.runIteration(1, 0);
  sim.now = 0;
  sim.q.clear();
  for (const auras of [sim.buffs, sim.petBuffs, sim.debuffs, sim.dots]) auras.reset();
  sim.logic.start();
  return sim;
}

/** Fires action `a` at `target` now, as the engine does (its hits travel): for impact tests. */
export function fire(sim: Sim, a: number, target = 0): void {
  sim.travelOn = 1;
  sim.logic.execute(a, target);
  sim.travelOn = 0;
}

/** Runs the landings, spec events, dot ticks and buff expiries due by `t` (ms), then sets now = t. */
export function runUntil(sim: Sim, t: number): void {
  const q = sim.q;
  while (q.size > 0 && q.peekTime() <= t) {
    q.pop();
    sim.now = q.time;
    if (q.type === EV_LAND) sim.land(q.a);
    else if (q.type === EV_DOT_TICK) {
      if (q.b === sim.dots.gen[q.a]) sim.onDotTick(q.a);
    } else if (q.type === EV_BUFF_EXPIRE) {
      if (q.b === sim.buffs.gen[q.a]) sim.buffChanged(q.a);
    } else if (q.type >= EV_SPEC && q.type < EV_LAND) sim.logic.specEvent(q.a, q.b);
  }
  sim.now = t;
}
