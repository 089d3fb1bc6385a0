// Stat weights as a smart sim: a brand-new player's BM stat-weights job (the base and base + δ of
// each weighed stat, common random numbers) asking for a target error of 0.1 % instead of an
// iteration count, on the local platform (what `npm start` runs, without the site) with one
// 2-thread headless platform node. The base stops on its own DPS error; each weight stops on the
// error of its paired Δ vs the base (sim-core's SmartStop, rule `paired`).
// Prints details on stderr and one JSON line on stdout:
//   iterationsUsed            iterations all runs ran together
//   iterationsFixedEquivalent the fixed count per run that gives every reported figure (the
//                             base's DPS error and every weight's Δ error) the target — the
//                             base's count, which no weight exceeds — × the runs: what a
//                             fixed-count job must ask for to get the same errors
//   savedFraction             1 − iterationsUsed / iterationsFixedEquivalent
//   savedVsDefault            1 − iterationsUsed / (the builder's default iterations × the runs):
//                             against what a player gets without choosing a count
//   baseError, maxDeltaError  the base's 95 % DPS error and the largest weight's 95 % Δ error, as
//                             fractions of the base's DPS (the target bounds both)
//   timeToResultMs            submit → completed, read as the job page does
//   pnpm --filter @wowlab/e2e bench
//   env: SWS_TARGET (0.001), SWS_CAP (100000 per run), SWS_THREADS (2)
import { DEFAULT_ITERATIONS, specs, statWeightVariants } from '@wowlab/sim-core';
import { benchPlatform } from './bench-platform.ts';

const TARGET = Number(process.env.SWS_TARGET ?? 0.001);
const CAP = Number(process.env.SWS_CAP ?? 100_000);
const THREADS = Number(process.env.SWS_THREADS ?? 2);
const SEED = 20261205;

const log = (msg: string) => process.stderr.write(`[bench:stat-weights-smart] ${msg}\n`);

interface SmartResult {
  iterations: number;
  mean: number;
  dpsError: number;
  stopped: string;
  variants: Array<{ name: string; iterations: number; stopped: string; deltaError: number }>;
}

async function main(): Promise<void> {
  const { restUrl, headers, stop } = await benchPlatform('sws', THREADS);
  try {
    const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
    const t0 = performance.now();
    const created = await fetch(`${restUrl}/rpc/create_job`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        config,
        iterations: CAP,
        access_type: 'public',
        seed: SEED,
        variants: statWeightVariants(config),
        target_error: TARGET,
        eliminate: false,
      }),
    });
    if (!created.ok) throw new Error(`create_job failed: ${created.status} ${await created.text()}`);
    const jobId = (await created.json()) as string;
    let result: SmartResult | null = null;
    for (;;) {
      const res = await fetch(`${restUrl}/jobs?id=eq.${jobId}&select=status,result`, { headers });
      const [job] = (await res.json()) as Array<{ status: string; result: SmartResult | null }>;
      if (job!.status === 'completed') {
        result = job!.result;
        break;
      }
      if (job!.status === 'failed' || performance.now() - t0 > 900_000)
        throw new Error(`job ${jobId} ${job!.status}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const timeToResultMs = Math.round(performance.now() - t0);
    const runs = [
      { name: 'base', iterations: result!.iterations, stopped: result!.stopped },
      ...result!.variants.map((v) => ({ name: v.name, iterations: v.iterations, stopped: v.stopped })),
    ];
    for (const r of runs) log(`${r.name}: ${r.iterations} iterations (${r.stopped})`);
    const iterationsUsed = runs.reduce((a, r) => a + r.iterations, 0);
    // every weight is paired with the base over the iterations it ran: none runs past the base
    const iterationsFixedEquivalent = result!.iterations * runs.length;
    const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
    process.stdout.write(
      JSON.stringify({
        bench: 'stat-weights-smart',
        targetError: TARGET,
        runs: runs.length,
        capPerRun: CAP,
        iterationsUsed,
        iterationsFixedEquivalent,
        savedFraction: round(1 - iterationsUsed / iterationsFixedEquivalent, 3),
        savedVsDefault: round(1 - iterationsUsed / (DEFAULT_ITERATIONS * runs.length), 3),
        reachedTarget: runs.every((r) => r.stopped === 'target'),
        baseError: round(result!.dpsError / result!.mean, 6),
        maxDeltaError: round(Math.max(...result!.variants.map((v) => v.deltaError)) / result!.mean, 6),
        timeToResultMs,
        threads: THREADS,
      }) + '\n',
    );
  } finally {
    await stop();
  }
}

main().catch((err) => {
  process.stderr.write(
    `[bench:stat-weights-smart] failed: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
