// Runs a test node's chunks in a worker thread instead of the test's main thread.
import { Worker } from 'node:worker_threads';
import type { ChunkResult, SimConfig } from '@wowlab/sim-core';
import type { ChunkAssignment } from 'wowlab-node/protocol';
import type { TestNode } from '../../helpers/test-node.ts';

export class SimWorker {
  private readonly worker = new Worker(new URL('./sim-worker-entry.mjs', import.meta.url));
  private next = 0;
  private readonly waiting = new Map<number, (r: ChunkResult) => void>();
  /** Chunks this worker computed. */
  runs = 0;

  constructor() {
    this.worker.on('message', (m: { id: number; result: ChunkResult }) => {
      this.waiting.get(m.id)?.(m.result);
      this.waiting.delete(m.id);
    });
  }

  simulate(
    config: SimConfig,
    opts: { seed: number; seedOffset: number; iterations: number },
  ): Promise<ChunkResult> {
    const id = this.next++;
    this.runs++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, config, opts });
    });
  }

  /** Makes `node` run its chunks on this worker (config fetched by the node as usual). */
  attach(node: TestNode): void {
    node.run = async (chunk: ChunkAssignment) => {
      let config = (node as unknown as { configs: Map<string, SimConfig> }).configs.get(chunk.configHash);
      if (!config) {
        const res = await node.fetchConfig(chunk.configHash);
        if (res.status !== 200) throw new Error(`config fetch failed: ${res.status}`);
        config = res.body.config;
        (node as unknown as { configs: Map<string, SimConfig> }).configs.set(chunk.configHash, config);
      }
      return this.simulate(config, {
        seed: chunk.seed,
        seedOffset: chunk.seedOffset,
        iterations: chunk.iterations,
      });
    };
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
