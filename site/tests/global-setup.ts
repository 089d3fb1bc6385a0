// Starts the local stack once for all browser tests: embedded Postgres + Supabase stand-in
// (random ports, temp data dir), the sentinel, and the built site (`vite build` runs first,
// see the test:e2e script). Tears everything down afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '@wowlab/supabase-local';
import { buildApp, parseConfig } from '@wowlab/sentinel';
import { freePort } from './free-port';

export interface E2eEnv {
  siteUrl: string;
  supabaseUrl: string;
  anonKey: string;
  serviceKey: string;
  sentinelUrl: string;
  databaseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv;
  }
}

const siteDir = fileURLToPath(new URL('..', import.meta.url));

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up: ${String(last)}`);
}

export default async function setup(project: TestProject) {
  const buildDir = join(siteDir, '.svelte-kit/e2e/build');
  if (!existsSync(join(buildDir, 'index.js'))) {
    throw new Error('the e2e build is missing: run `WOWLAB_SITE_OUT=e2e vite build` first (test:e2e does)');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'wowlab-site-e2e-'));
  await chmod(dataDir, 0o755); // embedded Postgres may run as the `postgres` user
  const stack = await startLocalStack({ dataDir, port: 0, logger: false });

  const sentinel = await buildApp(
    parseConfig({
      DATABASE_URL: stack.databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      TICK_INTERVAL_MS: '500',
    }),
    { logger: false },
  );
  await sentinel.listen({ host: '127.0.0.1', port: 0 });
  const sAddr = sentinel.server.address();
  const sentinelUrl = `http://127.0.0.1:${typeof sAddr === 'object' && sAddr ? sAddr.port : 0}`;

  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const site: ChildProcess = spawn(process.execPath, [join(buildDir, 'index.js')], {
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
  await waitForHttp(siteUrl);

  project.provide('e2e', {
    siteUrl,
    supabaseUrl: stack.url,
    anonKey: stack.anonKey,
    serviceKey: stack.serviceKey,
    sentinelUrl,
    databaseUrl: stack.databaseUrl,
  });

  return async () => {
    site.kill('SIGTERM');
    await sentinel.close().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };
}
