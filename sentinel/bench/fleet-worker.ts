// The bench fleet in its own thread (or child process), so the sentinel is measured alone.
// Spec: workerData (thread) or the FLEET_SPEC environment variable (child process).
// Messages out: FleetEvent. Message in: 'close'.
import { parentPort, workerData } from 'node:worker_threads';
import { agent, BenchNode, type FleetHooks } from './fleet.ts';

export interface FleetSpec {
  baseUrl: string;
  nodes: number;
  engineVersion: string;
  maxParallel: number;
  /** ChunkResult JSON split around `"seedOffset":0`; null: idle nodes that never complete. */
  result: [string, string] | null;
}

export type FleetEvent =
  | { type: 'ready' }
  | { type: 'progress'; completed: number; assigned: Array<[jobId: string, atMs: number]> }
  | { type: 'error'; message: string };

interface Port {
  postMessage(msg: unknown): void;
  on(event: 'message', fn: (msg: unknown) => void): void;
  close(): void;
}
const childPort: Port = {
  postMessage: (msg) => process.send!(msg),
  on: (event, fn) => process.on(event, fn),
  close: () => process.disconnect(),
};
const spec = (parentPort ? workerData : JSON.parse(process.env.FLEET_SPEC ?? '{}')) as FleetSpec;
const port: Port = parentPort ?? childPort;
let completed = 0;
let assigned: Array<[string, number]> = [];
const hooks: FleetHooks = {
  onAssigned: (_chunkId, jobId) => assigned.push([jobId, performance.timeOrigin + performance.now()]),
  onCompleted: () => completed++,
  onError: (err) => port.postMessage({ type: 'error', message: String(err) } satisfies FleetEvent),
};
const flush = setInterval(() => {
  if (completed === 0 && assigned.length === 0) return;
  port.postMessage({ type: 'progress', completed, assigned } satisfies FleetEvent);
  completed = 0;
  assigned = [];
}, 2);

const resultFor = spec.result
  ? (offset: number) => `${spec.result![0]}"seedOffset":${offset}${spec.result![1]}`
  : null;
const fleet: BenchNode[] = [];
for (let i = 0; i < spec.nodes; i += 50) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(50, spec.nodes - i) }, () =>
      BenchNode.create(spec.baseUrl, spec.engineVersion, spec.maxParallel),
    ),
  );
  await Promise.all(batch.map((n) => n.connect(hooks, resultFor)));
  fleet.push(...batch);
}
port.postMessage({ type: 'ready' } satisfies FleetEvent);
port.on('message', (msg) => {
  if (msg !== 'close') return;
  clearInterval(flush);
  for (const n of fleet) n.close();
  agent.destroy();
  port.close();
  if (!parentPort) setTimeout(() => process.exit(0), 100).unref();
});
