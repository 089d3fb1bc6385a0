// Time to result: a player's BM sim submitted through the API on the local platform (what
// `npm start` runs, without the site) with one 2-thread headless platform node, against
// `wowlab-node sim` with the same config, iterations and threads, measured in the same run.
// Prints details on stderr and one JSON line on stdout:
//   pnpm --filter @wowlab/e2e bench
//   env: TTR_SIZES (10000,100000), TTR_THREADS (2)
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../src/platform.ts';
import { benchPlatform } from './bench-platform.ts';

const SIZES = (process.env.TTR_SIZES ?? '10000,100000').split(',').map(Number);
const THREADS = Number(process.env.TTR_THREADS ?? 2);
const SEED = 20261205;

const log = (msg: string) => process.stderr.write(`[bench:time-to-result] ${msg}\n`);
const run = promisify(execFile);

/** `wowlab-node sim` as a player runs it: the CLI's own timing of the simulation. */
async function cli(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: join(REPO_ROOT, 'node'),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

async function main(): Promise<void> {
  const { restUrl, headers, stop } = await benchPlatform('ttr', THREADS);
  try {
    const config = JSON.parse(await cli(['sim', '--spec', 'bm-hunter', '--print-config'])) as unknown;

    const out: Record<string, unknown> = {};
    for (const iterations of SIZES) {
      // the platform: submit, then watch the job row as the job page would
      const t0 = performance.now();
      const created = await fetch(`${restUrl}/rpc/create_job`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ config, iterations, access_type: 'public', seed: SEED }),
      });
      if (!created.ok) throw new Error(`create_job failed: ${created.status} ${await created.text()}`);
      const jobId = (await created.json()) as string;
      let firstProgressMs: number | null = null;
      let platformMs = 0;
      for (;;) {
        const res = await fetch(`${restUrl}/jobs?id=eq.${jobId}&select=status,completed_iterations`, {
          headers,
        });
        const [job] = (await res.json()) as Array<{ status: string; completed_iterations: number }>;
        const at = performance.now() - t0;
        if (firstProgressMs === null && job!.completed_iterations > 0) firstProgressMs = at;
        if (job!.status === 'completed') {
          platformMs = at;
          break;
        }
        if (job!.status === 'failed' || at > 600_000)
          throw new Error(`job ${jobId} ${job!.status} after ${at} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
      // the same sim on this machine's CLI, same threads
      const local = JSON.parse(
        await cli([
          'sim',
          '--spec',
          'bm-hunter',
          '--iterations',
          String(iterations),
          '--cores',
          String(THREADS),
          '--seed',
          String(SEED),
          '--json',
        ]),
      ) as { elapsedMs: number };
      const row = {
        platformMs: Math.round(platformMs),
        localMs: Math.round(local.elapsedMs),
        overheadRatio: Math.round((platformMs / local.elapsedMs) * 1000) / 1000,
        firstProgressMs: firstProgressMs === null ? null : Math.round(firstProgressMs),
      };
      log(`${iterations} iterations: ${JSON.stringify(row)}`);
      out[`it${iterations}`] = row;
    }
    process.stdout.write(JSON.stringify({ bench: 'time-to-result', threads: THREADS, ...out }) + '\n');
  } finally {
    await stop();
  }
}

main().catch((err) => {
  process.stderr.write(`[bench:time-to-result] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
