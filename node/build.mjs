// Bundles the published CLI: dist/cli.js (the `wowlab-node` bin, with a shebang) and
// dist/worker.js (the worker_threads entry). sim-core, ws, typebox and @noble/ed25519 are
// inlined, so the package has no runtime dependencies.
import { build } from 'esbuild';
import { ENGINE_BUILD_OPTIONS } from '@wowlab/sim-core/build-options';
import { chmod, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('package.json', import.meta.url), 'utf8'));

await rm(new URL('dist', import.meta.url), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/headless/worker.ts' },
  outdir: 'dist',
  // bundled, syntax-minified (the engine's constants folded), as the sim-core benchmark measures it
  ...ENGINE_BUILD_OPTIONS,
  // Bundled CommonJS (ws) calls require(): give the ESM bundle one.
  banner: {
    js: [
      '#!/usr/bin/env node',
      `// wowlab-node ${pkg.version} — bundled; see https://github.com (package wowlab-node)`,
      "import { createRequire as __wowlabCreateRequire } from 'node:module';",
      'const require = __wowlabCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  // Optional native accelerators of ws; it falls back to JavaScript without them.
  external: ['bufferutil', 'utf-8-validate'],
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
await chmod(new URL('dist/cli.js', import.meta.url), 0o755);
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  console.log(`${file}  ${(info.bytes / 1024).toFixed(0)} KiB`);
}
