// A smart sim run locally: the base and its variants run chunk by chunk (the job's layout and
// seeds), and sim-core's SmartStop stops each run where the platform would (the job's rule from
// smartRule: in stat weights each weight on its paired Δ vs the base) — so the answer is the one
// the platform gives for the same seed. A few chunks per run are computed ahead to keep every
// worker busy; what a stopped run had in flight is cancelled and never merged.
import { SmartStop, type ChunkResult, type SmartRule, type StopReason } from '@wowlab/sim-core';
import { splitIterations } from './local-sim.ts';
import type { ChunkTask, WorkerPool } from './worker-pool.ts';

export interface SmartRun {
  /** The run's chunks in seed order, up to where it stopped. */
  chunks: ChunkResult[];
  stopped: StopReason;
}

let smartCounter = 0;

export async function runSmartLocal(
  pool: WorkerPool & { readonly size?: number },
  configs: readonly unknown[],
  opts: {
    /** Iterations of each run at most. */
    cap: number;
    seed: number;
    /** Relative 95 % error to reach. */
    target: number;
    /** How runs stop (smartRule of the variants' names). */
    rule: SmartRule;
    threads: number;
    onProgress?: (done: number, going: number) => void;
  },
): Promise<SmartRun[]> {
  const parts = splitIterations(opts.cap);
  const stopper = new SmartStop(configs.length, opts.target, parts.length, opts.rule);
  const results: ChunkResult[][] = configs.map(() => []);
  const scheduled = new Array<number>(configs.length).fill(0);
  const pushed = new Array<number>(configs.length).fill(0);
  const inFlight = new Map<string, { run: number; promise: Promise<void> }>();
  const tag = `smart:${++smartCounter}`;
  let done = 0;
  try {
    while (!stopper.done) {
      const going = stopper.runs.flatMap((r, i) => (r.stopped === null ? [i] : []));
      // keep about two chunks per thread in flight, spread over the runs still going
      const ahead = Math.max(1, Math.ceil((2 * opts.threads) / going.length));
      for (const run of going) {
        while (scheduled[run]! - pushed[run]! < ahead && scheduled[run]! < parts.length) {
          const index = scheduled[run]!++;
          const task: ChunkTask = {
            id: `${tag}-${run}-${index}`,
            configHash: `${tag}-${run}`,
            seed: opts.seed,
            ...parts[index]!,
          };
          const promise = pool.run(task, configs[run]).then((r) => {
            results[run]![index] = r;
            inFlight.delete(task.id);
          });
          inFlight.set(task.id, { run, promise });
        }
      }
      if (inFlight.size === 0) break; // cannot happen: a run going has chunks left or stopped at the cap
      await Promise.race([...inFlight.values()].map((f) => f.promise));
      for (const run of going) {
        while (results[run]![pushed[run]!] !== undefined) {
          const c = results[run]![pushed[run]!]!;
          stopper.push(run, c);
          pushed[run]!++;
          done += c.iterations;
        }
      }
      for (const s of stopper.advance())
        for (const [id, f] of inFlight)
          if (f.run === s.run) {
            pool.cancel(id);
            f.promise.catch(() => undefined);
            inFlight.delete(id);
          }
      opts.onProgress?.(done, stopper.runs.filter((r) => r.stopped === null).length);
    }
  } catch (err) {
    for (const id of inFlight.keys()) pool.cancel(id);
    throw err;
  }
  return stopper.runs.map((r, i) => ({
    chunks: results[i]!.slice(0, r.chunks),
    stopped: r.stopped ?? 'cap',
  }));
}
