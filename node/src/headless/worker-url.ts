// Where the worker_threads entry lives and how to start it.
// Bundled (dist/cli.js): the sibling dist/worker.js, plain JavaScript.
// From source (tsx, vitest): src/headless/worker.ts, loaded through tsx's ESM loader.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface WorkerSpawnSpec {
  url: URL;
  execArgv: string[];
}

let cached: WorkerSpawnSpec | null = null;

export function workerSpawnSpec(): WorkerSpawnSpec {
  if (cached) return cached;
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) {
    cached = { url: new URL('./worker.js', import.meta.url), execArgv: [] };
    return cached;
  }
  const url = new URL('./worker.ts', import.meta.url);
  // Register tsx in the worker by absolute path, so it works whatever the working directory.
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  cached = { url, execArgv: ['--import', tsxLoader] };
  return cached;
}
