/**
 * Tab-node benchmark: the same fixed chunk (BM Hunter, 300 s Patchwerk, seed 42) simulated in
 * one Web Worker of a Chromium page — the site's sim.worker.ts, bundled by Vite as in the
 * build — and by sim-core in this Node process. Best of several runs each, after a warm-up.
 * Prints the last line as JSON: both iterations/s and their ratio (target browser ≥ 0.9 Node).
 * Run: pnpm --filter @wowlab/site bench
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../tests/harness';
import { ENGINE_VERSION, parseConfig, simulate, specs } from '@wowlab/sim-core';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = 42;

const pageDir = fileURLToPath(new URL('./page/', import.meta.url));
const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
config.fight.durationSeconds = 300;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

function nodeRun(seedOffset: number, iterations: number): { ms: number; mean: number } {
  const parsed = parseConfig(config);
  const t0 = performance.now();
  const r = simulate(parsed, { seed: SEED, seedOffset, iterations });
  return { ms: performance.now() - t0, mean: r.mean };
}

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'wowlab-site-bench-'));
  let server: Server | undefined;
  const browser = await launchBrowser();
  try {
    await build({
      root: pageDir,
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, target: 'es2022' },
      worker: { format: 'es' },
    });
    const served = await serve(outDir);
    server = served.server;
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.getByText('ready').waitFor({ timeout: 30_000 });
    const browserRun = (offset: number, n: number) =>
      page.evaluate(
        ([c, s, o, i]) =>
          (window as unknown as { bench: (...a: unknown[]) => Promise<{ ms: number; mean: number }> }).bench(
            c,
            s,
            o,
            i,
          ),
        [config, SEED, offset, n] as const,
      );

    // Warm-up (JIT) on both sides with a different slice of the job, then the fixed chunk.
    await browserRun(100_000, 300);
    nodeRun(100_000, 300);
    const browserMs: number[] = [];
    const nodeMs: number[] = [];
    let browserMean = 0;
    let nodeMean = 0;
    for (let i = 0; i < RUNS; i++) {
      const b = await browserRun(0, ITERATIONS);
      const n = nodeRun(0, ITERATIONS);
      browserMs.push(b.ms);
      nodeMs.push(n.ms);
      browserMean = b.mean;
      nodeMean = n.mean;
      console.log(`run ${i + 1}: browser worker ${b.ms.toFixed(0)} ms, node ${n.ms.toFixed(0)} ms`);
    }
    if (browserMean !== nodeMean)
      throw new Error(`results differ: browser ${browserMean} vs node ${nodeMean}`);
    const browserIps = ITERATIONS / (Math.min(...browserMs) / 1000);
    const nodeIps = ITERATIONS / (Math.min(...nodeMs) / 1000);
    console.log(
      JSON.stringify({
        bench: 'tab-worker-vs-node',
        engineVersion: ENGINE_VERSION,
        chunk: { spec: 'bm-hunter', durationSeconds: 300, seed: SEED, iterations: ITERATIONS },
        runs: RUNS,
        browserIterationsPerSecond: Math.round(browserIps),
        nodeIterationsPerSecond: Math.round(nodeIps),
        ratio: Number((browserIps / nodeIps).toFixed(3)),
      }),
    );
  } finally {
    await browser.close();
    server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

await main();
