// Starts the whole wowlab platform on this machine: the local Supabase stack (embedded Postgres +
// HTTP stand-in) in-process, then the sentinel, the site and optionally one headless node as
// child processes. Used by `npm start` and by the Playwright suite, so both run the same thing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalStack, type LocalStack } from '@wowlab/supabase-local';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

export type Service = 'db' | 'sentinel' | 'site' | 'node' | 'build';
export type LogFn = (service: Service, line: string) => void;

export interface PlatformOptions {
  /** Postgres data, JWT secret and the node's identity (default `<repo>/.wowlab`). */
  dataDir?: string;
  supabasePort?: number;
  sentinelPort?: number;
  sitePort?: number;
  /** Start one headless node with this many worker threads; false for none. */
  node?: false | { cores: number };
  /** Serve the site with `vite dev` instead of the production build. */
  dev?: boolean;
  /** Start the site (default true; benchmarks of the API and the grid need none). */
  site?: boolean;
  /** Extra environment for the sentinel (tests use short intervals). */
  sentinelEnv?: Record<string, string>;
  log?: LogFn;
}

export interface Platform {
  siteUrl: string;
  sentinelUrl: string;
  supabaseUrl: string;
  anonKey: string;
  serviceKey: string;
  databaseUrl: string;
  demo: { email: string; password: string };
  /** Resolves when a child process exits without being asked to (a crash). */
  crashed: Promise<{ service: Service; code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

export const DEMO = { email: 'demo@wowlab.local', password: 'wowlab-demo' };

interface Child {
  service: Service;
  proc: ChildProcess;
  stopping: boolean;
}

const PINO_LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const PINO_NOISE = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'reqId',
  'req',
  'res',
  'responseTime',
]);

/** Turns a pino JSON line into `level msg key=value ...`; per-request access lines are dropped. */
export function readableLogLine(line: string): string | null {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof entry.level !== 'number' || typeof entry.msg !== 'string') return line;
  if (entry.level <= 30 && (entry.msg === 'incoming request' || entry.msg === 'request completed'))
    return null;
  const fields = Object.entries(entry)
    .filter(([k]) => !PINO_NOISE.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [PINO_LEVELS[entry.level] ?? entry.level, entry.msg, ...fields].join(' ');
}

function pipeLines(proc: ChildProcess, service: Service, log: LogFn): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    let buf = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = readableLogLine(buf.slice(0, i));
        if (line !== null) log(service, line);
        buf = buf.slice(i + 1);
      }
    });
    stream?.on('end', () => buf && log(service, buf));
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

const httpOk = (url: string) => async () => (await fetch(url)).status < 500;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the site's production build is missing or older than its sources. */
export function siteBuildIsStale(): boolean {
  const built = join(REPO_ROOT, 'site', 'build', 'index.js');
  if (!existsSync(built)) return true;
  const sources = ['site/src', 'site/static', 'sim-core/src', 'node/src']
    .map((d) => join(REPO_ROOT, d))
    .filter(existsSync)
    .map(newestMtime);
  return Math.max(...sources) > statSync(built).mtimeMs;
}

function run(cmd: string, args: string[], cwd: string, service: Service, log: LogFn): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    pipeLines(proc, service, log);
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export async function buildSite(log: LogFn): Promise<void> {
  await run('pnpm', ['--filter', '@wowlab/site', 'run', 'build'], REPO_ROOT, 'build', log);
}

/** Signs the demo user up (or in, when it exists) through the stand-in's Auth API. */
async function demoAccessToken(stack: LocalStack): Promise<string> {
  const headers = { apikey: stack.anonKey, 'content-type': 'application/json' };
  const body = JSON.stringify(DEMO);
  let res = await fetch(`${stack.authUrl}/token?grant_type=password`, { method: 'POST', headers, body });
  if (!res.ok) res = await fetch(`${stack.authUrl}/signup`, { method: 'POST', headers, body });
  if (!res.ok) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Claims the local headless node for the demo user (as a player would, through claim_node),
 * lets it take public work and marks it a platform node (trusted by construction, a verifier for
 * every job), so sims submitted by anyone complete on this machine. */
async function claimLocalNode(
  stack: LocalStack,
  demoAccessToken: string,
  nodeDir: string,
  log: LogFn,
): Promise<void> {
  const iniPath = join(nodeDir, 'config.ini');
  let nodeId = '';
  await waitFor(
    'the headless node registration',
    async () => {
      if (!existsSync(iniPath)) return false;
      nodeId = /^[ \t]*node_id[ \t]*=[ \t]*(\S+)/m.exec(readFileSync(iniPath, 'utf8'))?.[1] ?? '';
      return nodeId !== '';
    },
    30_000,
  );
  const rest = (path: string, init: RequestInit) =>
    fetch(`${stack.restUrl}${path}`, {
      ...init,
      headers: {
        apikey: stack.serviceKey,
        authorization: `Bearer ${stack.serviceKey}`,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
      },
    });
  const rows = (await (await rest(`/nodes?id=eq.${nodeId}&select=user_id,claim_code`, {})).json()) as Array<{
    user_id: string | null;
    claim_code: string | null;
  }>;
  const node = rows[0];
  if (!node) throw new Error(`node ${nodeId} from ${iniPath} is not registered`);
  if (node.user_id === null && node.claim_code) {
    const res = await fetch(`${stack.restUrl}/rpc/claim_node`, {
      method: 'POST',
      headers: {
        apikey: stack.anonKey,
        authorization: `Bearer ${demoAccessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ code: node.claim_code, name: 'local-node', max_parallel: 2 }),
    });
    if (!res.ok) throw new Error(`claiming the local node failed: ${res.status} ${await res.text()}`);
    log('node', `claimed for ${DEMO.email}`);
  }
  const perms = (await (
    await rest(`/nodes_permissions?node_id=eq.${nodeId}&access_type=eq.public&select=id`, {})
  ).json()) as unknown[];
  if (perms.length === 0) {
    const res = await rest('/nodes_permissions', {
      method: 'POST',
      headers: { prefer: 'return=minimal' },
      body: JSON.stringify({ node_id: nodeId, access_type: 'public', target_id: null }),
    });
    if (!res.ok) throw new Error(`allowing public work failed: ${res.status} ${await res.text()}`);
  }
  const marked = await rest(`/nodes?id=eq.${nodeId}`, {
    method: 'PATCH',
    headers: { prefer: 'return=minimal' },
    body: JSON.stringify({ platform_node: true }),
  });
  if (!marked.ok) throw new Error(`marking the local node as a platform node failed: ${marked.status}`);
}

export async function startPlatform(opts: PlatformOptions = {}): Promise<Platform> {
  const log: LogFn = opts.log ?? ((s, l) => console.log(`[${s}] ${l}`));
  const dataDir = resolve(opts.dataDir ?? join(REPO_ROOT, '.wowlab'));
  mkdirSync(dataDir, { recursive: true });
  const sentinelPort = opts.sentinelPort ?? 8080;
  const sitePort = opts.sitePort ?? 3000;
  const children: Child[] = [];
  let reportCrash!: (c: { service: Service; code: number | null; signal: string | null }) => void;
  const crashed = new Promise<{ service: Service; code: number | null; signal: string | null }>(
    (r) => (reportCrash = r),
  );

  const spawnChild = (service: Service, args: string[], cwd: string, env: Record<string, string>) => {
    const proc = spawn(process.execPath, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const child: Child = { service, proc, stopping: false };
    pipeLines(proc, service, log);
    proc.on('exit', (code, signal) => {
      if (!child.stopping) reportCrash({ service, code, signal });
    });
    children.push(child);
    return child;
  };

  let stack: LocalStack | undefined;
  const stop = async () => {
    // Node first (it hands its chunks back), then the site, the sentinel, and the database last.
    for (const child of [...children].reverse()) {
      child.stopping = true;
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) continue;
      const exited = new Promise((r) => child.proc.once('exit', r));
      child.proc.kill('SIGTERM');
      const timer = setTimeout(() => child.proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await stack?.stop();
  };

  try {
    const withSite = opts.site ?? true;
    if (withSite && !opts.dev && siteBuildIsStale()) {
      log('build', 'building the site (first start or sources changed) ...');
      await buildSite(log);
    }
    stack = await startLocalStack({ dataDir, port: opts.supabasePort ?? 54321 });
    log('db', `Postgres + Supabase stand-in on ${stack.url}`);
    const demoToken = await demoAccessToken(stack); // creates the demo account on a first start
    const tsx = ['--import', 'tsx'];

    const sentinelUrl = `http://127.0.0.1:${sentinelPort}`;
    spawnChild('sentinel', [...tsx, 'src/server.ts'], join(REPO_ROOT, 'sentinel'), {
      DATABASE_URL: stack.databaseUrl,
      PORT: String(sentinelPort),
      HOST: '127.0.0.1',
      ...opts.sentinelEnv,
    });
    await waitFor('the sentinel', httpOk(`${sentinelUrl}/status`), 30_000);

    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const siteEnv = {
      PUBLIC_SUPABASE_URL: stack.url,
      PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
      PUBLIC_SENTINEL_URL: sentinelUrl,
      PORT: String(sitePort),
      HOST: '127.0.0.1',
      ORIGIN: siteUrl,
    };
    const siteDir = join(REPO_ROOT, 'site');
    if (!withSite) {
      // no site: the API and the grid only
    } else if (opts.dev) {
      const vite = join(siteDir, 'node_modules', 'vite', 'bin', 'vite.js');
      spawnChild(
        'site',
        [vite, 'dev', '--host', '127.0.0.1', '--port', String(sitePort), '--strictPort'],
        siteDir,
        siteEnv,
      );
    } else {
      spawnChild('site', ['build/index.js'], siteDir, siteEnv);
    }
    if (withSite) await waitFor('the site', httpOk(siteUrl), 60_000);

    if (opts.node) {
      const nodeDir = join(dataDir, 'node');
      mkdirSync(nodeDir, { recursive: true });
      spawnChild(
        'node',
        [...tsx, 'src/cli/main.ts', 'run', '--sentinel', sentinelUrl, '--cores', String(opts.node.cores)],
        join(REPO_ROOT, 'node'),
        { WOWLAB_NODE_CONFIG_DIR: nodeDir },
      );
      await claimLocalNode(stack, demoToken, nodeDir, log);
    }

    return {
      siteUrl,
      sentinelUrl,
      supabaseUrl: stack.url,
      anonKey: stack.anonKey,
      serviceKey: stack.serviceKey,
      databaseUrl: stack.databaseUrl,
      demo: DEMO,
      crashed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
