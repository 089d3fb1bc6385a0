/**
 * What the benchmark runners (shipped.mjs: Node; browser.mjs: Chromium) share: the script
 * argument with its usage text, and the script bundled with the engine's shipped esbuild options
 * (../build-options.mjs) into a temporary directory that is removed afterwards.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENGINE_BUILD_OPTIONS } from '../build-options.mjs';

/** The benchmark script named on the command line; prints `usage` and exits without one (or on --help). */
export function scriptArgument(usage) {
  const entry = process.argv[2];
  if (entry === undefined || entry === '--help' || entry === '-h') {
    console.log(usage);
    process.exit(entry === undefined ? 1 : 0);
  }
  return entry;
}

/**
 * Bundles `entry` with ENGINE_BUILD_OPTIONS and `overrides` into `name` in a temporary directory,
 * runs `use(file)`, then removes the directory (also when `use` fails).
 */
export async function withBundle(entry, overrides, name, use) {
  const dir = await mkdtemp(join(tmpdir(), 'sim-core-bench-'));
  const outfile = join(dir, name);
  try {
    await build({
      ...ENGINE_BUILD_OPTIONS,
      ...overrides,
      entryPoints: [resolve(entry)],
      outfile,
      logLevel: 'warning',
    });
    return await use(outfile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
