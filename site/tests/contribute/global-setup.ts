// Starts the platform once for the contribute tests: embedded Postgres + Supabase stand-in
// (temp data dir, free port), the sentinel in-process with short intervals, and the built
// site (`vite build` runs first, see the test:contribute script). No headless node.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '@wowlab/supabase-local';
import { buildApp, parseConfig } from '@wowlab/sentinel';
import { startSiteProxy } from './site-proxy';

export interface ContributeEnv {
  siteUrl: string;
  supabaseUrl: string;
  anonKey: string;
  serviceKey: string;
  sentinelUrl: string;
  /** How long the sentinel keeps a disconnected node's chunks before handing them back. */
  reconnectGraceMs: number;
}

const RECONNECT_GRACE_MS = 10_000;

declare module 'vitest' {
  export interface ProvidedContext {
    contribute: ContributeEnv;
  }
}

const siteDir = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(siteDir, 'build/index.js'))) {
    throw new Error(
      'site/build is missing: run `pnpm --filter @wowlab/site build` first (test:contribute does)',
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'wowlab-contribute-e2e-'));
  await chmod(dataDir, 0o755); // embedded Postgres may run as the `postgres` user
  const stack = await startLocalStack({ dataDir, port: 0, logger: false });
  const sentinel = await buildApp(
    parseConfig({
      DATABASE_URL: stack.databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.SENTINEL_TEST_LOG ?? 'silent',
      TICK_INTERVAL_MS: '250',
      MAINTENANCE_INTERVAL_MS: '1000',
      RECONNECT_GRACE_MS: String(RECONNECT_GRACE_MS),
      WS_PING_INTERVAL_MS: '10000',
      RATE_LIMIT_PER_SECOND: '1000',
      RATE_LIMIT_BURST: '1000',
      // One tab is the only node here: nobody could verify its results by replication
      // (issue 11), so results are accepted on trust; every test registers a fresh key.
      TRUST_REPLICATION: 'off',
      REGISTER_LIMIT_PER_HOUR: '1000',
    }),
    process.env.SENTINEL_TEST_LOG ? {} : { logger: false },
  );
  await sentinel.listen({ host: '127.0.0.1', port: 0 });
  const sAddr = sentinel.server.address();
  const sentinelUrl = `http://127.0.0.1:${typeof sAddr === 'object' && sAddr ? sAddr.port : 0}`;

  // The browser talks to the site through a pass-through proxy (it can publish a new sw.js).
  const port = await freePort();
  const proxy = await startSiteProxy(port);
  const siteUrl = proxy.url;
  const site: ChildProcess = spawn(process.execPath, ['build/index.js'], {
    cwd: siteDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ORIGIN: siteUrl,
      PUBLIC_SUPABASE_URL: stack.url,
      PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
      PUBLIC_SENTINEL_URL: sentinelUrl,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHttp(`http://127.0.0.1:${port}`);

  project.provide('contribute', {
    siteUrl,
    supabaseUrl: stack.url,
    anonKey: stack.anonKey,
    serviceKey: stack.serviceKey,
    sentinelUrl,
    reconnectGraceMs: RECONNECT_GRACE_MS,
  });

  return async () => {
    site.kill('SIGTERM');
    await proxy.close().catch(() => undefined);
    await sentinel.close().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };
}
