/**
 * Runs a benchmark script on the engine as it ships: bundles the script (and the engine it imports)
 * with the volunteer node's esbuild options (../build-options.mjs) into a temporary file and runs it
 * in this process. Under tsx each module-level constant is an imported binding that Node 20's V8
 * loads and checks at every use; the shipped bundle has them folded.
 * Usage: node bench/shipped.mjs bench/bench.ts [--help]
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGINE_BUILD_OPTIONS } from '../build-options.mjs';

const entry = process.argv[2];
if (entry === undefined || entry === '--help' || entry === '-h') {
  console.log(
    'Usage: node bench/shipped.mjs <benchmark script .ts>\n' +
      'Bundles the script with the engine as the volunteer node ships it (esbuild, syntax minified) and runs it.',
  );
  process.exit(entry === undefined ? 1 : 0);
}
const dir = await mkdtemp(join(tmpdir(), 'sim-core-bench-'));
const outfile = join(dir, 'bench.mjs');
try {
  await build({ ...ENGINE_BUILD_OPTIONS, entryPoints: [resolve(entry)], outfile, logLevel: 'warning' });
  await import(pathToFileURL(outfile).href);
} finally {
  await rm(dir, { recursive: true, force: true });
}
