// Development entry of the simulation worker (running from TypeScript sources, e.g. under tsx
// or vitest): worker_threads cannot start a .ts file directly, so load it through tsx.
// The published bundle uses dist/worker.js instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
