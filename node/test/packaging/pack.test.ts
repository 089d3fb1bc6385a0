// The published package: `npm pack`, then `npx ./wowlab-node-<v>.tgz` from an empty folder,
// offline (the bundle has no runtime dependencies).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeResults, simulate, specs } from '@wowlab/sim-core';
import { NODE_ROOT } from '../support/run-cli.ts';
import { NODE_VERSION } from '../../src/version.ts';

const exec = promisify(execFile);
let dir: string;
let tarball: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wowlab-node-pack-'));
  await exec('npm', ['pack', '--pack-destination', dir], { cwd: NODE_ROOT });
  tarball = join(dir, `wowlab-node-${NODE_VERSION}.tgz`);
  await mkdir(join(dir, 'empty'));
  env = {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function npx(args: string[]) {
  // A path starting with ./ or ../ makes npx install the tarball instead of running a file.
  return exec('npx', ['--yes', `../wowlab-node-${NODE_VERSION}.tgz`, ...args], {
    cwd: join(dir, 'empty'),
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('npm package', () => {
  it('contains only the bundle', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    expect(stdout.trim().split('\n').sort()).toEqual([
      'package/README.md',
      'package/dist/cli.js',
      'package/dist/worker.js',
      'package/package.json',
    ]);
  });

  it('npx <tarball> --help works from an empty folder', async () => {
    const { stdout } = await npx(['--help']);
    expect(stdout).toContain('wowlab-node — contribute CPU');
    expect(await readdir(join(dir, 'empty'))).toEqual([]);
  });

  it('the bundled worker threads compute the same result as sim-core', async () => {
    const { stdout } = await npx(['sim', '--iterations', '1500', '--seed', '11', '--cores', '2', '--json']);
    const out = JSON.parse(stdout) as { result: unknown; threads: number };
    expect(out.threads).toBe(2);
    const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
    const direct = mergeResults([
      simulate(config, { seed: 11, seedOffset: 0, iterations: 1000 }),
      simulate(config, { seed: 11, seedOffset: 1000, iterations: 500 }),
    ]);
    expect(out.result).toEqual(direct);
  });
});
