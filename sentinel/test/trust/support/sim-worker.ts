// A worker_threads simulation worker (as the headless node runs chunks): sim-core in a
// separate thread and isolate, for the cross-thread agreement test.
import { parentPort } from 'node:worker_threads';
import { simulate, type SimConfig, type SimulateOptions } from '@wowlab/sim-core';

parentPort!.on('message', (m: { id: number; config: SimConfig; opts: SimulateOptions }) => {
  parentPort!.postMessage({ id: m.id, result: simulate(m.config, m.opts) });
});
