// Where the suite keeps its artifacts, and the platform's coordinates handed from the global
// setup to the tests (through the environment, which Playwright's workers inherit).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ARTIFACTS = join(E2E_ROOT, 'artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
export const PLATFORM_LOG = join(ARTIFACTS, 'platform.log');
export const NODE_LOG = join(ARTIFACTS, 'headless-node.log');
/** Written by the global setup when a platform service exits on its own. */
export const CRASH_FILE = join(ARTIFACTS, 'platform-crashed.txt');
export const ENV_KEY = 'WOWLAB_E2E_PLATFORM';
/** File in the run's work dir listing the process groups of the headless nodes started. */
export const HEADLESS_PIDS = 'headless-pids';

export interface E2eEnv {
  siteUrl: string;
  sentinelUrl: string;
  supabaseUrl: string;
  anonKey: string;
  serviceKey: string;
  databaseUrl: string;
  /** The packed wowlab-node tarball (npm pack). */
  tarball: string;
  /** Temp dir of this run (removed by the teardown). */
  workDir: string;
}

export function e2eEnv(): E2eEnv {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error(`${ENV_KEY} is not set: run the suite with \`playwright test\` (global setup)`);
  return JSON.parse(raw) as E2eEnv;
}

/** Throws when a platform service crashed: waiting any longer would only time out. */
export function assertPlatformAlive(): void {
  if (existsSync(CRASH_FILE)) throw new Error(`platform crashed: ${readFileSync(CRASH_FILE, 'utf8')}`);
}

/** The last `lines` lines of a log file, runs of the same message folded into one (empty when
 * the file does not exist). */
export function tail(path: string, lines = 80): string {
  if (!existsSync(path)) return '';
  const folded: Array<{ line: string; key: string; times: number }> = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const key = line.replace(/^\s*[\d.]+s /, ''); // the same message at another time
    const last = folded.at(-1);
    if (last && last.key === key) last.times += 1;
    else folded.push({ line, key, times: 1 });
  }
  return folded
    .slice(-lines)
    .map((f) => (f.times > 1 ? `${f.line}  [× ${f.times}]` : f.line))
    .join('\n');
}
