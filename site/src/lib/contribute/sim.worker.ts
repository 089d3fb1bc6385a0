// The simulation Web Worker: wowlab-node's runtime-independent chunk worker (sim-core's
// parseConfig + simulate, parsed configs cached by hash) exposed through Comlink. A chunk is
// one synchronous loop over its iterations — no timers, so a hidden tab keeps computing.
import { expose } from 'comlink';
import { createChunkWorker } from 'wowlab-node';
import type { WorkerRequest, WorkerResponse } from 'wowlab-node';

const handle = createChunkWorker();

export interface SimWorkerApi {
  run(req: WorkerRequest): WorkerResponse;
  ping(): 'pong';
}

const api: SimWorkerApi = {
  run: (req) => handle(req),
  ping: () => 'pong',
};

expose(api);
