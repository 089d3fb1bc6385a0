// Starts the whole platform ONCE for the suite (local Supabase stack, sentinel with short
// intervals, the site's production build) on free ports with a temp data dir, and packs
// wowlab-node into a tarball that the tests run with `npx`. Every platform log line goes to
// artifacts/platform.log. The returned function is the global teardown.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/free-port.ts';
import { REPO_ROOT, startPlatform } from '../src/platform.ts';
import {
  ARTIFACTS,
  CRASH_FILE,
  ENV_KEY,
  HEADLESS_PIDS,
  NODE_LOG,
  PLATFORM_LOG,
  SCREENSHOTS,
  tail,
  type E2eEnv,
} from './support/env.ts';

/** Short sentinel intervals so reclaim after a kill takes seconds, not a minute. */
export const SENTINEL_ENV = {
  TICK_INTERVAL_MS: '200',
  RECONNECT_GRACE_MS: '2000',
  HEARTBEAT_TIMEOUT_MS: '5000',
  MAINTENANCE_INTERVAL_MS: '500',
  // The sentinel's default, stated here: a confirmed failure fails a job at this many attempts
  // (volunteer-fails.spec.ts brings a chunk there with reports that must confirm nothing).
  MAX_CHUNK_ATTEMPTS: '5',
  WS_PING_INTERVAL_MS: '2000',
  RATE_LIMIT_PER_SECOND: '1000',
  RATE_LIMIT_BURST: '1000',
  // Every node of the suite registers from 127.0.0.1 (issue 11 limits registrations per address).
  REGISTER_LIMIT_PER_HOUR: '1000',
  LOG_LEVEL: 'info',
};

function exec(cmd: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    proc.stdout.on('data', (b: Buffer) => log(b.toString().trimEnd()));
    proc.stderr.on('data', (b: Buffer) => log(b.toString().trimEnd()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** `pnpm --filter wowlab-node build` then `npm pack` into `dir`; returns the tarball path. */
async function packNode(dir: string, log: (line: string) => void): Promise<string> {
  await exec('pnpm', ['--filter', 'wowlab-node', 'build'], REPO_ROOT, log);
  // prepack would bundle a second time: the build above is the one that is packed.
  await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], join(REPO_ROOT, 'node'), log);
  const tgz = (await readdir(dir)).find((f) => f.startsWith('wowlab-node-') && f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack left no wowlab-node tarball in ${dir}`);
  return join(dir, tgz);
}

/** Headless nodes whose test worker died before stopping them (their own process groups). */
function killLeftoverNodes(workDir: string): void {
  const file = join(workDir, HEADLESS_PIDS);
  if (!existsSync(file)) return;
  for (const pid of readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number)) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone
    }
    if (!cmdline.includes('npx') && !cmdline.includes('wowlab-node')) continue; // pid reused
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already exited
    }
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const stale of [CRASH_FILE, NODE_LOG, SCREENSHOTS]) rmSync(stale, { force: true, recursive: true });
  const logFile = createWriteStream(PLATFORM_LOG, { flags: 'w' });
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  const write = (service: string, line: string) => logFile.write(`${stamp()} [${service}] ${line}\n`);

  const workDir = await mkdtemp(join(tmpdir(), 'wowlab-e2e-'));
  await chmod(workDir, 0o755); // embedded Postgres may run as the `postgres` user
  const dataDir = join(workDir, 'data');
  const packDir = join(workDir, 'pack');
  mkdirSync(packDir);

  let platform;
  let tarball: string;
  try {
    tarball = await packNode(packDir, (l) => write('pack', l));
    const [sentinelPort, sitePort] = [await freePort(), await freePort()];
    platform = await startPlatform({
      dataDir,
      supabasePort: 0,
      sentinelPort,
      sitePort,
      node: false,
      sentinelEnv: SENTINEL_ENV,
      log: write,
    });
  } catch (err) {
    await new Promise((r) => logFile.end(r));
    console.error(`\n----- last lines of ${PLATFORM_LOG} -----\n${tail(PLATFORM_LOG, 60)}\n`);
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    throw new Error(`the platform did not start (see ${PLATFORM_LOG}): ${(err as Error).message}`, {
      cause: err,
    });
  }
  void platform.crashed.then(({ service, code, signal }) => {
    const msg = `${service} stopped unexpectedly (exit ${code ?? signal})`;
    write('e2e', `CRASH: ${msg}`);
    writeFileSync(CRASH_FILE, msg);
  });
  write('e2e', `platform up in ${stamp()}: site ${platform.siteUrl}, sentinel ${platform.sentinelUrl}`);

  const env: E2eEnv = {
    siteUrl: platform.siteUrl,
    sentinelUrl: platform.sentinelUrl,
    supabaseUrl: platform.supabaseUrl,
    anonKey: platform.anonKey,
    serviceKey: platform.serviceKey,
    databaseUrl: platform.databaseUrl,
    tarball,
    workDir,
  };
  // Workers inherit the runner's environment: this is how the tests find the platform.
  process.env[ENV_KEY] = JSON.stringify(env);

  return async () => {
    killLeftoverNodes(workDir);
    write('e2e', 'stopping the platform');
    await platform.stop().catch((err: Error) => write('e2e', `stop failed: ${err.message}`));
    await new Promise((r) => logFile.end(r));
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  };
}
