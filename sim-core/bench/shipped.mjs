/**
 * Runs a benchmark script on the engine as it ships: bundles the script (and the engine it imports)
 * with the volunteer node's esbuild options (./bundle.mjs) into a temporary file and runs it in this
 * process. Under tsx each module-level constant is an imported binding that Node 20's V8 loads and
 * checks at every use; the shipped bundle has them folded.
 * Usage: node bench/shipped.mjs bench/bench.ts [arguments…] [--help]; the arguments reach the
 * script as globalThis.benchArgs (./host.ts).
 */
import { pathToFileURL } from 'node:url';
import { scriptArgument, withBundle } from './bundle.mjs';

const entry = scriptArgument(
  'Usage: node bench/shipped.mjs <benchmark script .ts> [arguments…]\n' +
    'Bundles the script with the engine as the volunteer node ships it (esbuild, syntax minified) and runs it\n' +
    'with the arguments.',
);
// the script's own arguments, as bench/browser.mjs gives them (./host.ts)
globalThis.benchArgs = process.argv.slice(3);
await withBundle(entry, {}, 'bench.mjs', (file) => import(pathToFileURL(file).href));
