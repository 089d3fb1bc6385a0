// `wowlab-node sim [config.json]`: a local simulation on the worker-thread pool.
import { readFile } from 'node:fs/promises';
import {
  ConfigError,
  ENGINE_VERSION,
  parseConfig,
  parseProfile,
  ProfileError,
  type ProfileLine,
  problemText,
  compareVariants,
  DEFAULT_ITERATIONS,
  smartRule,
  mergeResults,
  SMART_DEFAULT_CAP,
  TARGET_ERROR_RANGE,
  describeLoadoutTalents,
  pawnString,
  runSamples,
  specs,
  statWeights,
  statWeightVariants,
  talentsFromLoadout,
} from '@wowlab/sim-core';
import type { JobResult, ParsedProfile, SimConfig, VariantComparison } from '@wowlab/sim-core';
import { intOption, stringOption, UsageError } from './args.ts';
import type { ParsedCommand } from './args.ts';
import { formatComparison, formatResult, formatSmartStops, formatStatWeights } from './format-result.ts';
import { progressBar, StatusLine } from './terminal.ts';
import type { CliIo } from './terminal.ts';
import { MAX_LOCAL_ITERATIONS, runLocalSim, splitIterations } from '../client/local-sim.ts';
import { runSmartLocal } from '../client/smart-local.ts';
import { ThreadPool, defaultThreadCount } from '../headless/thread-pool.ts';

const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/**
 * The config to simulate: a spec's defaults, a config JSON file, or SimulationCraft profile text
 * (any file that is not JSON, e.g. profile.simc); `onProfile` receives what the profile said
 * besides the config (ignored lines, warnings, iterations=, decoded talent strings), and a
 * profile's problems are all listed, by line (and column in the rotation); `onTalents` receives
 * the lines saying what a JSON config's in-game talent string became.
 */
export async function loadSimConfig(
  path: string | undefined,
  specId: string | undefined,
  onProfile?: (profile: ParsedProfile) => void,
  onTalents?: (lines: string[]) => void,
): Promise<SimConfig> {
  if (path === undefined) {
    const id = specId ?? 'bm-hunter';
    const spec = specs.find((s) => s.id === id);
    if (!spec) throw new UsageError(`unknown spec "${id}" (specs: ${specs.map((s) => s.id).join(', ')})`);
    return spec.defaultConfig();
  }
  if (specId !== undefined)
    throw new UsageError('--spec cannot be combined with a config file (the file names its spec)');
  let text: string;
  try {
    const buf = await readFile(path);
    if (buf.byteLength > MAX_CONFIG_FILE_BYTES)
      throw new UsageError(`config file ${path} is larger than 1 MiB`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read config file ${path}: ${(err as Error).message}`);
  }
  if (!text.trimStart().startsWith('{')) {
    try {
      const profile = parseProfile(text, ENGINE_VERSION);
      onProfile?.(profile);
      return profile.config;
    } catch (err) {
      if (!(err instanceof ProfileError)) throw err;
      const problems = err.problems.map(problemText);
      // the warnings of the lines read too, so that both are mended in one round
      const warnings = err.warnings.map(warningLine);
      throw new UsageError(
        [`profile ${path} cannot be simulated:\n  - ${problems.join('\n  - ')}`, ...warnings].join('\n'),
      );
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    const config = parseConfig(json);
    const talents = (json as { player?: { talents?: unknown } }).player?.talents;
    if (typeof talents === 'string')
      onTalents?.(describeLoadoutTalents(talentsFromLoadout(talents, { expected: config.spec })));
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new UsageError(
        `config file ${path} is not a valid sim config:\n  - ${err.problems.join('\n  - ')}`,
      );
    }
    throw err;
  }
}

/** `warning line 4 (actions=auto_shot): auto_shot is not modelled (…); ignored` */
function warningLine(w: ProfileLine): string {
  return `warning line ${w.line} (${w.text}): ${w.reason}`;
}

export function randomSeed(): number {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  return (words[0]! & 0x1fffff) * 0x1_0000_0000 + words[1]!; // 53 bits
}

export async function simCommand(cmd: ParsedCommand, io: CliIo): Promise<number> {
  let profileIterations: number | undefined;
  let profileTargetPct: number | undefined;
  let variants: Array<{ name: string; config: SimConfig }> = [];
  const printLines = (lines: string[]) => {
    for (const l of lines) io.stderr.write(`${l}\n`);
  };
  const config = await loadSimConfig(
    cmd.positionals[0],
    stringOption(cmd.values, 'spec'),
    (p) => {
      // a talent string's unmodelled talents are one ignored line: printed in full below instead
      const loadoutLines = new Set(p.loadouts.map((l) => l.line));
      for (const x of p.ignored)
        if (!loadoutLines.has(x.line)) io.stderr.write(`ignored line ${x.line} (${x.text}): ${x.reason}\n`);
      for (const w of p.warnings) io.stderr.write(`${warningLine(w)}\n`);
      for (const l of p.loadouts) {
        const [head, ...rest] = describeLoadoutTalents(l.talents);
        const where = l.profileset === null ? '' : ` of profileset "${l.profileset}"`;
        printLines([`line ${l.line}${where}, ${head}`, ...rest]);
      }
      variants = p.profilesets;
      const n = p.options.iterations;
      if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= MAX_LOCAL_ITERATIONS)
        profileIterations = n;
      profileTargetPct = p.options.targetError;
    },
    printLines,
  );
  const target = targetErrorOption(cmd.values['target-error'], profileTargetPct);
  const iterations =
    intOption(cmd.values, 'iterations', 1, MAX_LOCAL_ITERATIONS) ??
    profileIterations ??
    (target === null ? DEFAULT_ITERATIONS : SMART_DEFAULT_CAP);
  const seed = intOption(cmd.values, 'seed', 0, Number.MAX_SAFE_INTEGER) ?? randomSeed();
  const cores = intOption(cmd.values, 'cores', 1, 256) ?? defaultThreadCount();
  const weigh = cmd.values['stat-weights'] === true;
  if (weigh) {
    if (variants.length > 0)
      throw new UsageError(
        "--stat-weights makes its own variants: remove the profile's profileset lines, or drop --stat-weights",
      );
    variants = statWeightVariants(config);
  }
  if (cmd.values['print-config']) {
    io.stdout.write(JSON.stringify(config, null, 2) + '\n');
    return 0;
  }

  if (target !== null)
    return smartSim(io, cmd, { config, variants, target, cap: iterations, seed, cores, weigh });

  const threads = Math.min(cores, splitIterations(iterations).length);
  const pool = new ThreadPool({ size: threads });
  const status = new StatusLine(io.stderr, !cmd.json);
  const started = performance.now();
  try {
    const { result, chunks } = await runLocalSim(pool, config, {
      iterations,
      seed,
      onProgress: (done, total) => {
        const secs = (performance.now() - started) / 1000;
        const rate = secs > 0 ? Math.round(done / secs) : 0;
        status.update(
          `${progressBar(done, total)} ${done}/${total} iterations  ${rate} it/s`,
          done === total,
        );
      },
    });
    const elapsedMs = performance.now() - started;
    // profilesets: each variant with the base's seeds, compared from paired iterations
    const comparison =
      variants.length === 0
        ? null
        : compareVariants(
            { samples: runSamples(chunks) },
            await runVariants(pool, variants, { iterations, seed, status }),
          );
    status.clear();
    writeOutcome(io, cmd.json, { config, seed, threads, elapsedMs, iterations, result, comparison, weigh });
    return 0;
  } finally {
    status.clear();
    await pool.close();
  }
}

/** Prints a finished run: JSON, or the result, then the stat weights or the comparison, then `extra`. */
function writeOutcome(
  io: CliIo,
  json: boolean,
  o: {
    config: SimConfig;
    seed: number;
    threads: number;
    elapsedMs: number;
    iterations: number;
    result: JobResult;
    comparison: VariantComparison[] | null;
    weigh: boolean;
  },
  extra: { json: Record<string, unknown>; text: string } | null = null,
): void {
  const { config, seed, threads, elapsedMs, iterations, result, comparison } = o;
  const weights = o.weigh && comparison ? statWeights(comparison) : null;
  const pawn = weights ? pawnString(weights, { name: 'wowlab', spec: config.spec }) : null;
  if (json) {
    io.stdout.write(
      JSON.stringify({
        spec: config.spec,
        seed,
        ...extra?.json,
        iterations,
        threads,
        elapsedMs,
        iterationsPerSecond: (iterations * 1000) / elapsedMs,
        result,
        ...(comparison ? { variants: comparison } : {}),
        ...(weights ? { statWeights: weights, pawn } : {}),
      }) + '\n',
    );
    return;
  }
  const title = `${config.spec} — ${config.fight.style}, ${config.fight.durationSeconds} s, ${config.fight.targets} target(s)`;
  io.stdout.write(formatResult(result, { title, seed, threads, elapsedMs }) + '\n');
  if (weights && pawn) io.stdout.write('\n' + formatStatWeights(weights, pawn) + '\n');
  else if (comparison) io.stdout.write('\n' + formatComparison(result, comparison) + '\n');
  if (extra) io.stdout.write('\n' + extra.text + '\n');
}

/** --target-error (or the profile's target_error=), in percent, as a fraction; null when absent. */
function targetErrorOption(
  flag: string | boolean | undefined,
  fromProfile: number | undefined,
): number | null {
  const raw = typeof flag === 'string' ? flag : fromProfile === undefined ? undefined : String(fromProfile);
  if (raw === undefined) return null;
  const pct = Number(raw);
  const { min, max } = TARGET_ERROR_RANGE;
  if (!Number.isFinite(pct) || pct < min * 100 || pct > max * 100)
    throw new UsageError(
      `the target error is a percentage of the mean DPS from ${min * 100} to ${max * 100} (e.g. 0.1), not "${raw}"`,
    );
  return pct / 100;
}

/** A smart sim on this machine: every run stops where the platform would stop it. */
async function smartSim(
  io: CliIo,
  cmd: ParsedCommand,
  opts: {
    config: SimConfig;
    variants: Array<{ name: string; config: SimConfig }>;
    target: number;
    cap: number;
    seed: number;
    cores: number;
    weigh: boolean;
  },
): Promise<number> {
  const { config, variants, target, cap, seed, cores, weigh } = opts;
  const runCount = 1 + variants.length;
  const threads = Math.min(cores, splitIterations(cap).length * runCount);
  const pool = new ThreadPool({ size: threads });
  const status = new StatusLine(io.stderr, !cmd.json);
  const started = performance.now();
  const rule = smartRule(
    variants.map((v) => v.name),
    !weigh,
  );
  try {
    const runs = await runSmartLocal(pool, [config, ...variants.map((v) => v.config)], {
      cap,
      seed,
      target,
      rule,
      threads,
      onProgress: (done, going) =>
        status.update(`${done} iterations, ${going} of ${runCount} run(s) still going`, going === 0),
    });
    const elapsedMs = performance.now() - started;
    const result = mergeResults(runs[0]!.chunks);
    const comparison =
      variants.length === 0
        ? null
        : compareVariants(
            { samples: runSamples(runs[0]!.chunks) },
            variants.map((v, k) => ({ name: v.name, samples: runSamples(runs[k + 1]!.chunks) })),
          );
    const stops = [
      { name: 'base', ...runs[0]! },
      ...variants.map((v, k) => ({ name: v.name, ...runs[k + 1]! })),
    ].map((r) => ({
      name: r.name,
      iterations: r.chunks.reduce((a, c) => a + c.iterations, 0),
      stopped: r.stopped,
    }));
    status.clear();
    writeOutcome(
      io,
      cmd.json,
      {
        config,
        seed,
        threads,
        elapsedMs,
        iterations: stops.reduce((a, r) => a + r.iterations, 0),
        result,
        comparison,
        weigh,
      },
      {
        json: { targetError: target, capPerRun: cap, smart: stops },
        text:
          formatSmartStops(stops, target, cap) +
          (rule === 'paired'
            ? `\n  (each weight stops once its Δ's error is within ±${+(target * 100).toFixed(3)} % of the base's DPS)`
            : ''),
      },
    );
    return 0;
  } finally {
    status.clear();
    await pool.close();
  }
}

async function runVariants(
  pool: ThreadPool,
  variants: ReadonlyArray<{ name: string; config: SimConfig }>,
  opts: { iterations: number; seed: number; status: StatusLine },
): Promise<Array<{ name: string; samples: Float64Array }>> {
  const out: Array<{ name: string; samples: Float64Array }> = [];
  for (const [k, v] of variants.entries()) {
    const { chunks } = await runLocalSim(pool, v.config, {
      iterations: opts.iterations,
      seed: opts.seed,
      onProgress: (done, total) =>
        opts.status.update(
          `variant ${k + 1}/${variants.length} ${progressBar(done, total)} ${v.name}`,
          false,
        ),
    });
    out.push({ name: v.name, samples: runSamples(chunks) });
  }
  return out;
}
