// A headless wowlab-node run as a volunteer would: `npx --yes <packed tarball> run ...`, in its
// own process group (npx → node → worker threads) so that a SIGKILL reaches all of them. Its
// JSON-lines output goes to artifacts/headless-node.log; the node id and claim code are read
// from it (and the id checked against config.ini).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { HEADLESS_PIDS, NODE_LOG, e2eEnv } from './env.ts';
import { waitFor } from './db.ts';

export interface HeadlessNode {
  nodeId: string;
  claimCode: string;
  configDir: string;
  process: ChildProcess;
  /** Output so far (JSON lines). */
  output(): string;
  exited(): boolean;
  /** Signals the whole process group (npx and the node under it). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (then SIGKILL after 10 s); resolves once the process group leader exited. */
  stop(): Promise<void>;
}

export async function startHeadlessNode(): Promise<HeadlessNode> {
  const env = e2eEnv();
  const configDir = await mkdtemp(join(env.workDir, 'node-'));
  const args = ['--yes', `file:${env.tarball}`, 'run', '--sentinel', env.sentinelUrl];
  args.push('--config-dir', configDir, '--cores', '1', '--json');
  appendFileSync(NODE_LOG, `$ npx ${args.join(' ')}\n`);
  const proc = spawn('npx', args, {
    cwd: env.workDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NO_COLOR: '1',
      // A cache of this run only: npx installs the tarball it was given, never an older one.
      npm_config_cache: join(env.workDir, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
  });
  // The global teardown kills what a crashed test worker could not stop.
  appendFileSync(join(env.workDir, HEADLESS_PIDS), `${proc.pid}\n`);
  let out = '';
  const onData = (b: Buffer) => {
    out += b.toString();
    appendFileSync(NODE_LOG, b);
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  let exitCode: number | string | null = null;
  proc.once('exit', (code, signal) => (exitCode = code ?? signal));

  const found = { nodeId: '', claimCode: '' };
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      // already gone
    }
  };
  try {
    await waitFor(
      'the headless node to register and print its claim code',
      async () => {
        if (exitCode !== null) {
          throw Object.assign(new Error(`npx exited with ${exitCode}:\n${out}`), { fatal: true });
        }
        for (const line of out.split('\n')) {
          if (!line.startsWith('{')) continue;
          try {
            const msg = JSON.parse(line) as { nodeId?: unknown; claimCode?: unknown };
            if (typeof msg.nodeId === 'string') found.nodeId = msg.nodeId;
            if (typeof msg.claimCode === 'string') found.claimCode = msg.claimCode;
          } catch {
            // a partial line: read again on the next poll
          }
        }
        return found.nodeId !== '' && found.claimCode !== '';
      },
      90_000,
      200,
    );
    const ini = join(configDir, 'config.ini');
    await waitFor(
      'config.ini to record the node id',
      async () => existsSync(ini) && readFileSync(ini, 'utf8').includes(found.nodeId),
      10_000,
      100,
    );
  } catch (err) {
    signalGroup('SIGKILL');
    throw err;
  }

  return {
    ...found,
    configDir,
    process: proc,
    output: () => out,
    exited: () => exitCode !== null,
    kill: signalGroup,
    async stop() {
      if (exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
