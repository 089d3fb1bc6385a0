// worker_threads cannot start a .ts file: load the simulation worker through tsx (as the
// headless node's worker-dev.mjs does).
import { tsImport } from 'tsx/esm/api';

await tsImport('./sim-worker.ts', import.meta.url);
