// worker_threads entry: receives WorkerRequest messages, answers WorkerResponse messages.
// Bundled as dist/worker.js (with sim-core inlined).
import { parentPort } from 'node:worker_threads';
import { createChunkWorker } from '../client/chunk-worker.ts';
import type { WorkerRequest, WorkerResponse } from '../client/worker-pool.ts';

if (!parentPort) throw new Error('worker.ts must run inside a worker thread');
const port = parentPort;
const handle = createChunkWorker();

port.on('message', (req: WorkerRequest) => {
  if (req?.type !== 'run') return;
  port.postMessage(handle(req) satisfies WorkerResponse);
});
port.postMessage({ type: 'ready' } satisfies WorkerResponse);
