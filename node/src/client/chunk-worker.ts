// The body of a simulation worker, independent of the worker runtime: given a request, parse
// (and cache) the config and run sim-core. Used by the worker_threads entry and by Web Workers.
import { ConfigError, RotationError, parseConfig, simulate } from '@wowlab/sim-core';
import type { SimConfig } from '@wowlab/sim-core';
import type { WorkerRequest, WorkerResponse } from './worker-pool.ts';

const MAX_PARSED_CONFIGS = 32;

export function createChunkWorker(): (req: WorkerRequest) => WorkerResponse {
  const parsed = new Map<string, SimConfig>();

  function configFor(req: WorkerRequest): SimConfig {
    const hit = parsed.get(req.configHash);
    if (hit) return hit;
    const config = parseConfig(req.config);
    parsed.set(req.configHash, config);
    if (parsed.size > MAX_PARSED_CONFIGS) parsed.delete(parsed.keys().next().value as string);
    return config;
  }

  return (req) => {
    let config: SimConfig;
    try {
      config = configFor(req);
    } catch (err) {
      return { type: 'error', id: req.id, kind: 'invalid-config', message: describeError(err) };
    }
    try {
      const result = simulate(config, {
        seed: req.seed,
        seedOffset: req.seedOffset,
        iterations: req.iterations,
      });
      return { type: 'result', id: req.id, result };
    } catch (err) {
      const kind =
        err instanceof ConfigError || err instanceof RotationError ? 'invalid-config' : 'sim-error';
      return { type: 'error', id: req.id, kind, message: describeError(err) };
    }
  };
}

export function describeError(err: unknown): string {
  if (err instanceof ConfigError) return `invalid config: ${err.problems.join('; ')}`;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
