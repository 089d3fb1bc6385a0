// The runtime-agnostic client (package entry `wowlab-node`) must bundle for the browser:
// no Node built-ins anywhere in its import graph.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('the package entry bundles for the browser without Node built-ins', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((p) => p.includes('src/client/node-client.ts'))).toBe(true);
  expect(
    inputs.filter((p) => p.startsWith('node:') || p.includes('/headless/') || p.includes('/cli/')),
  ).toEqual([]);
  expect(result.outputFiles[0]!.text).not.toMatch(/from ["']node:/);
});
