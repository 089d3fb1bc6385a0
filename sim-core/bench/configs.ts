/**
 * The benchmark's fights, for every script (bench.ts, kinds.ts, ab.ts): each spec's default profile
 * and rotation, 300 s Patchwerk (with the default ±20 % length).
 */
import type { SimConfig } from '../src/types.ts';

export const BENCH_SPECS = ['bm-hunter', 'mm-hunter'] as const;
const BENCH_SECONDS = 300;

/**
 * `spec`'s benchmark config, from a list of specs: the engine's own (`specs` of src/index.ts), or
 * a bundled build's (ab.ts compares two).
 */
export function benchConfig(
  specs: readonly { id: string; defaultConfig(): SimConfig }[],
  spec: string,
): SimConfig {
  const config = specs.find((s) => s.id === spec)!.defaultConfig();
  config.fight.durationSeconds = BENCH_SECONDS;
  return config;
}
