// `wowlab-node [run]`: register, show the claim code, contribute until stopped.
import { availableParallelism, platform, arch } from 'node:os';
import { intOption, stringOption, UsageError } from './args.ts';
import type { ParsedCommand } from './args.ts';
import { Logger, StatusLine } from './terminal.ts';
import type { CliIo } from './terminal.ts';
import { describeStats } from './run-display.ts';
import { NodeClient } from '../client/node-client.ts';
import { ThreadPool } from '../headless/thread-pool.ts';
import { nodeWebSocketFactory } from '../headless/ws-factory.ts';
import { loadSetup, saveSettings, SetupError } from '../headless/node-setup.ts';
import { NODE_VERSION } from '../version.ts';

export interface RunHooks {
  /** Installs signal handlers; returns a function removing them (tests replace it). */
  onSignals?: (handler: (signal: string) => void) => () => void;
}

function processSignals(handler: (signal: string) => void): () => void {
  const onInt = () => handler('SIGINT');
  const onTerm = () => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}

export async function runCommand(cmd: ParsedCommand, io: CliIo, hooks: RunHooks = {}): Promise<number> {
  const cores = intOption(cmd.values, 'cores', 1, 256);
  const graceSeconds = intOption(cmd.values, 'grace', 0, 3600) ?? 30;
  let setup;
  try {
    setup = await loadSetup(
      {
        configDir: stringOption(cmd.values, 'config-dir'),
        sentinelUrl: stringOption(cmd.values, 'sentinel') ?? io.env.WOWLAB_SENTINEL_URL,
        name: stringOption(cmd.values, 'name'),
        cores,
      },
      io.env,
    );
  } catch (err) {
    if (err instanceof SetupError) throw new UsageError(err.message);
    throw err;
  }
  const { settings } = setup;
  await saveSettings(setup);

  const status = new StatusLine(io.stderr, !cmd.json);
  const log = new Logger(io.stderr, cmd.json, status);
  const pool = new ThreadPool({ size: settings.maxParallel });
  const client = new NodeClient({
    sentinelUrl: settings.sentinelUrl,
    keyStore: setup.keyStore,
    pool,
    kind: 'headless',
    name: settings.name,
    maxParallel: settings.maxParallel,
    totalCores: availableParallelism(),
    platform: `${platform()}-${arch()} node ${process.versions.node}`,
    version: NODE_VERSION,
    webSocketFactory: nodeWebSocketFactory,
    stopGraceMs: graceSeconds * 1000,
  });

  const refresh = () => status.update(describeStats(client.state, client.stats(), client.claimCode));
  client.on('log', ({ level, msg, fields }) => {
    if (level !== 'debug') log.log(level, msg, fields);
  });
  client.on('state', (state) => {
    log.info(`state: ${state}`, { state });
    refresh();
  });
  client.on('registered', ({ nodeId, claimCode }) => {
    log.info('registered', { nodeId, claimed: claimCode === null });
    if (claimCode) {
      log.info(`claim this node: enter the code ${claimCode} on the wowlab site (Nodes → Claim a node)`, {
        claimCode,
      });
    }
    if (settings.nodeId !== nodeId) {
      settings.nodeId = nodeId;
      void saveSettings(setup).catch((err) =>
        log.warn('could not save config.ini', { error: (err as Error).message }),
      );
    }
  });
  client.on('claimed', ({ name }) => log.info(`claimed: this node now contributes as "${name}"`, { name }));
  client.on('settings', ({ name, maxParallel }) => {
    if (name === settings.name && maxParallel === settings.maxParallel) return;
    settings.name = name;
    settings.maxParallel = maxParallel;
    void saveSettings(setup).catch((err) =>
      log.warn('could not save config.ini', { error: (err as Error).message }),
    );
  });
  client.on('chunk-finished', (ev) => {
    if (!status.active || cmd.json) {
      log.info(`chunk ${ev.outcome}`, { chunkId: ev.chunkId, jobId: ev.jobId, iterations: ev.iterations });
    }
  });
  client.on('stats', refresh);
  client.on('error', ({ message, where }) => log.warn(`${where}: ${message}`));

  log.info(`wowlab-node ${NODE_VERSION} starting`, {
    sentinel: settings.sentinelUrl,
    threads: pool.size,
    configDir: setup.dir,
  });

  let signals = 0;
  let forced: ReturnType<typeof setTimeout> | null = null;
  const removeSignals = (hooks.onSignals ?? processSignals)((signal) => {
    signals++;
    if (signals === 1 && signal !== 'SIGKILL') {
      const running = client.stats().chunksRunning;
      log.info(
        `${signal}: stopping — finishing ${running} chunk(s) for up to ${graceSeconds} s` +
          (signal === 'SIGINT' ? ' (Ctrl+C again to stop now)' : ''),
      );
      void client.stop();
      return;
    }
    log.info(`${signal}: stopping now, handing running chunks back`);
    void client.stop({ graceMs: 0 });
    forced ??= setTimeout(() => {
      log.warn('forced exit');
      process.exit(130);
    }, 5_000);
    forced.unref?.();
  });

  try {
    await client.start();
    await new Promise<void>((resolve) => {
      if (client.state === 'stopped') resolve();
      client.on('state', (s) => s === 'stopped' && resolve());
    });
  } finally {
    removeSignals();
    if (forced) clearTimeout(forced);
    status.clear();
    await pool.close();
  }
  const stats = client.stats();
  log.info('stopped', { chunksDone: stats.chunksDone, iterations: stats.iterationsDone });
  // Without a signal the client only stops when the sentinel refused the node.
  return signals === 0 ? 1 : 0;
}
