// Validate each new config once with sim-core before any of its chunks is assigned: it must
// parse, and its cost (one probe iteration, bounded by the work budget) must fit a chunk's
// limit on a median core — a job that would buy hours of volunteers' CPU fails at once, with
// the parameter to change.
import { ConfigError, ENGINE_VERSION, estimateCost, parseConfig } from '@wowlab/sim-core';
import { fetchConfigs } from '../db/configs.ts';
import type { Queryable } from '../db/pool.ts';

const MAX_CACHED = 10_000;

export class ConfigCheck {
  /** Valid configs → estimated work per iteration (null: another engine version, not estimated). */
  private readonly valid = new Map<string, number | null>();
  private readonly invalid = new Map<string, string>();

  /** Problem text of a known-invalid config, null if valid, undefined if not checked yet. */
  known(hash: string): string | null | undefined {
    if (this.valid.has(hash)) return null;
    return this.invalid.get(hash);
  }

  /**
   * Whether a checked valid config was priced (its engine version is this sentinel's): work that
   * was not may run on its job owner's own nodes only, never on volunteers' (scheduler.ts).
   */
  priced(hash: string): boolean {
    return typeof this.valid.get(hash) === 'number';
  }

  /** Estimated work (engine events + rotation lines) of one iteration of a checked valid config. */
  workPerIteration(hash: string): number | undefined {
    return this.valid.get(hash) ?? undefined;
  }

  /**
   * Checks the configs not seen before; returns hash → problem for the invalid ones among
   * `hashes`. Configs of another engine version cannot be checked here and pass through
   * (nodes of that version validate them and report `invalid-config`), unpriced: the scheduler
   * hands them to their job owner's own nodes only (priced).
   */
  async check(
    db: Queryable,
    hashes: Iterable<string>,
    engineVersionOf: (hash: string) => string,
  ): Promise<Map<string, string>> {
    const problems = new Map<string, string>();
    const unknown: string[] = [];
    for (const hash of new Set(hashes)) {
      const state = this.known(hash);
      if (state === undefined) unknown.push(hash);
      else if (state !== null) problems.set(hash, state);
    }
    if (unknown.length === 0) return problems;
    const configs = await fetchConfigs(db, unknown);
    if (this.valid.size + this.invalid.size > MAX_CACHED) {
      this.valid.clear();
      this.invalid.clear();
    }
    for (const hash of unknown) {
      const { problem, work } = configs.has(hash)
        ? validate(configs.get(hash), engineVersionOf(hash))
        : { problem: 'config not found', work: null };
      if (problem === null) this.valid.set(hash, work);
      else {
        this.invalid.set(hash, problem);
        problems.set(hash, problem);
      }
    }
    return problems;
  }

  /** Re-checks one config now (used when a node reports `invalid-config`). */
  async recheck(db: Queryable, hash: string, engineVersion: string): Promise<string | null> {
    const configs = await fetchConfigs(db, [hash]);
    return configs.has(hash) ? validate(configs.get(hash), engineVersion).problem : 'config not found';
  }
}

/** The config's problem (null when valid) and, when estimated, its work per iteration. */
function validate(config: unknown, engineVersion: string): { problem: string | null; work: number | null } {
  if (engineVersion !== ENGINE_VERSION) return { problem: null, work: null };
  try {
    const cost = estimateCost(parseConfig(config));
    return {
      problem: cost.ok ? null : `${cost.problem!.message} (change: ${cost.problem!.parameter})`,
      work: cost.eventsPerIteration,
    };
  } catch (err) {
    const problem =
      err instanceof ConfigError
        ? `invalid config: ${err.problems.join('; ')}`
        : `invalid config: ${err instanceof Error ? err.message : String(err)}`;
    return { problem, work: null };
  }
}
