// Benchmark page: runs chunks in ONE Web Worker built from the site's own sim.worker.ts
// (the exact code a contributing tab runs) and reports wall time per chunk.
import { wrap } from 'comlink';
import type { WorkerRequest } from 'wowlab-node';
import type { SimWorkerApi } from '../../src/lib/contribute/sim.worker';

const worker = new Worker(new URL('../../src/lib/contribute/sim.worker.ts', import.meta.url), {
  type: 'module',
});
const api = wrap<SimWorkerApi>(worker);
let nextId = 1;

async function runChunk(config: unknown, seed: number, seedOffset: number, iterations: number) {
  const req: WorkerRequest = {
    type: 'run',
    id: nextId++,
    configHash: 'bench',
    config,
    seed,
    seedOffset,
    iterations,
  };
  const t0 = performance.now();
  const res = await api.run(req);
  const ms = performance.now() - t0;
  if (res.type !== 'result') throw new Error(res.type === 'error' ? res.message : 'unexpected answer');
  return { ms, mean: res.result.mean, n: res.result.n };
}

(window as unknown as { bench: typeof runChunk }).bench = runChunk;
await api.ping();
document.getElementById('status')!.textContent = 'ready';
