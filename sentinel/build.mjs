// Bundles the sentinel for production (Dockerfile): dist/server.js with our workspace packages
// (@wowlab/sim-core, wowlab-node/protocol and what they import) inlined from TypeScript source,
// and the sentinel's own npm dependencies left external so they are installed normally
// (`pnpm deploy --prod`).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('package.json', import.meta.url), 'utf8'));
const own = Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@wowlab/') && d !== 'wowlab-node');
const isExternal = (path) => own.some((d) => path === d || path.startsWith(`${d}/`));

await rm(new URL('dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { server: 'src/server.ts', 'discord-register': 'src/discord/register.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-deps',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          isExternal(args.path) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});
console.log('sentinel bundled into dist/');
