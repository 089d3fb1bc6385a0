// worker_threads cannot start a .ts file directly: load the fleet worker through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./fleet-worker.ts', import.meta.url);
