// Where the worker_threads entry lives and how to start it.
// Bundled (dist/cli.js): the sibling dist/worker.js, plain JavaScript.
// From source (tsx, vitest): src/headless/worker-dev.mjs, which loads worker.ts through tsx
// (worker_threads cannot start a .ts entry, and --import hooks do not reach a worker's entry).

export interface WorkerSpawnSpec {
  url: URL;
  execArgv: string[];
}

export function workerSpawnSpec(): WorkerSpawnSpec {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    url: new URL(fromSource ? './worker-dev.mjs' : './worker.js', import.meta.url),
    execArgv: [],
  };
}
