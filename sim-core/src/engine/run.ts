import { compileRotation } from '../apl/compile.ts';
import { resolverFromVocabulary, type AplResolver, type AplVocabulary } from '../apl/context.ts';
import { parseRotation } from '../apl/parser.ts';
import { parseConfig } from '../config/parse-config.ts';
import { BeastMasteryLogic } from '../specs/bm-hunter/logic.ts';
import { MarksmanshipLogic } from '../specs/mm-hunter/logic.ts';
import { specData, specVocabulary } from '../specs/registry.ts';
import { summarize } from '../stats/merge.ts';
import type { SetBonus } from '../specs/tier-sets.ts';
import { noGear, wears } from '../specs/gear.ts';
import type { AbilityStats, ChunkResult, SimConfig, SimulateOptions } from '../types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { AplBinding } from './apl-binding.ts';
import { Sim } from './sim.ts';

/**
 * Most iterations in one simulate() call. Keeps the per-ability damage sums (whole numbers)
 * exact in float64: 100,000 × the largest per-iteration damage (~2·10^10) < 2^53.
 */
export const MAX_CHUNK_ITERATIONS = 100_000;
export { JOB_CHUNK_ITERATIONS } from './job-chunks.ts';
/** Iterations a sim runs when the player does not say (the sim builder's and the CLI's default). */
export const DEFAULT_ITERATIONS = 10_000;

function checkOptions(opts: SimulateOptions): void {
  const bad: string[] = [];
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) bad.push('seed must be a safe integer >= 0');
  if (!Number.isSafeInteger(opts.seedOffset) || opts.seedOffset < 0)
    bad.push('seedOffset must be a safe integer >= 0');
  if (!Number.isInteger(opts.iterations) || opts.iterations < 0 || opts.iterations > MAX_CHUNK_ITERATIONS) {
    bad.push(`iterations must be a whole number from 0 to ${MAX_CHUNK_ITERATIONS}`);
  }
  if (bad.length) throw new RangeError(`simulate: ${bad.join('; ')}`);
}

/** Builds a ready-to-run Sim for a validated config. */
export function createSim(config: SimConfig): Sim {
  const data = specData(config.spec);
  const sim = new Sim(config, data);
  sim.logic = config.spec === 'bm-hunter' ? new BeastMasteryLogic(sim) : new MarksmanshipLogic(sim);
  sim.state = new AplBinding(sim);
  const vocabulary = specVocabulary(config.spec);
  sim.rotation = compileRotation(parseRotation(config.rotation, vocabulary), rotationResolver(sim));
  return sim;
}

/**
 * The names of a sim's spec, and its talents and set bonuses as fixed values (a sim's talents and
 * gear never change), and its number of targets when no adds come, which the rotation compiler folds: a line they rule out
 * is left out, a test that always holds is not read (AplResolver.talentValue and activeEnemies; the
 * same values AplBinding.talent/talentRank/activeEnemies read).
 */
export function rotationResolver(
  sim: Sim,
  vocabulary: AplVocabulary = specVocabulary(sim.config.spec),
): AplResolver {
  const names = resolverFromVocabulary(vocabulary);
  return {
    resolve: (kind, name) => {
      const id = names.resolve(kind, name);
      return kind === 'actions' ? lineAction(sim, id) : id;
    },
    talentValue: (talent, rank) => (rank ? sim.talentRanks[talent] : sim.talentOn[talent]) ?? 0,
    // the config's set bonuses (set_bonus.NAME, its full name) are worn for the whole sim
    setBonus: (name) => (sim.hasSetBonus(name as SetBonus) ? 1 : 0),
    // so are the items whose effects are modelled (equipped.NAME)
    equipped: (name) => (wears(sim.config.gear ?? noGear(), name) ? 1 : 0),
    // only adds waves change the number of targets (engine/adds.ts)
    activeEnemies: () => (sim.waveStarts.length === 0 ? sim.baseTargets : undefined),
    // a buff whose `react` the rotation reads draws reaction times (SimState.buffReactable)
    reactable: (buff) => {
      sim.buffReactable[buff] = 1;
    },
  };
}

/**
 * The action a rotation names, after replacements (ActionDef.replaces): SimC's hunter_t::create_action
 * builds the replacement for the replaced name when its talent is taken, and the replaced action for
 * the replacement's name when it is not (a `kill_shot` line casts Black Arrow with Dark Ranger's
 * keystone, a `black_arrow` line Kill Shot without). Cooldown names are not replaced (SimC keeps a
 * `kill_shot` cooldown of its own).
 */
function lineAction(sim: Sim, id: number): number {
  const actions = sim.data.actions;
  const def = actions[id];
  if (def === undefined) return id;
  const has = (a: (typeof actions)[number]) => a.talent === undefined || sim.hasTalent(a.talent);
  if (def.replaces !== undefined && !has(def)) {
    const replaced = actions.findIndex((a) => a.key === def.replaces);
    return replaced >= 0 ? replaced : id;
  }
  const replacement = actions.findIndex((a) => a.replaces === def.key && has(a));
  return replacement >= 0 ? replacement : id;
}

/**
 * simulate() plus the engine events and iterations processed (for the benchmark): the chunk's
 * and those of the health calibration it ran first (iteration.ts calibrate, when health comes
 * from damage), since both are work done inside the call.
 */
export function simulateCounted(
  config: SimConfig,
  opts: SimulateOptions,
): { result: ChunkResult; events: number; iterations: number } {
  checkOptions(opts);
  const valid = parseConfig(config);
  const sim = createSim(valid);
  const samples: number[] = new Array<number>(opts.iterations);
  for (let i = 0; i < opts.iterations; i++) samples[i] = sim.runIteration(opts.seed, opts.seedOffset + i);
  const { n, mean, m2, min, max } = summarize(samples);
  const abilities: Record<string, AbilityStats> = {};
  sim.data.sources.forEach((s, i) => {
    if (sim.srcHits[i]! > 0 || sim.srcCasts[i]! > 0) {
      abilities[s.key] = {
        damage: sim.srcDamage[i]!,
        casts: sim.srcCasts[i]!,
        hits: sim.srcHits[i]!,
        crits: sim.srcCrits[i]!,
      };
    }
  });
  return {
    result: {
      engineVersion: ENGINE_VERSION,
      seedOffset: opts.seedOffset,
      iterations: opts.iterations,
      n,
      mean,
      m2,
      min,
      max,
      samples,
      abilities,
    },
    events: sim.events + sim.calibrationEvents,
    iterations: opts.iterations + sim.calibrationIterations,
  };
}

/**
 * Runs iterations seedOffset .. seedOffset+iterations-1 of a job; iteration k is seeded from
 * (seed, k) only. Validates the config first (throws ConfigError) and the options (RangeError).
 */
export function simulate(config: SimConfig, opts: SimulateOptions): ChunkResult {
  return simulateCounted(config, opts).result;
}
