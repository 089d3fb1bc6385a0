// `wowlab-node status`: local identity and settings, plus what the sentinel knows (heartbeat).
import { stringOption, UsageError } from './args.ts';
import type { ParsedCommand } from './args.ts';
import type { CliIo } from './terminal.ts';
import { SentinelError, SentinelHttp } from '../client/sentinel-http.ts';
import { encodePublicKey } from '../protocol/index.ts';
import type { HeartbeatResponse } from '../protocol/index.ts';
import { ENGINE_VERSION } from '@wowlab/sim-core';
import { loadSetup, SetupError } from '../headless/node-setup.ts';
import { CONFIG_FILE } from '../headless/config-ini.ts';
import { NODE_VERSION } from '../version.ts';

const STATUS_TIMEOUT_MS = 10_000;

export async function statusCommand(cmd: ParsedCommand, io: CliIo): Promise<number> {
  let setup;
  try {
    setup = await loadSetup(
      {
        configDir: stringOption(cmd.values, 'config-dir'),
        sentinelUrl: stringOption(cmd.values, 'sentinel') ?? io.env.WOWLAB_SENTINEL_URL,
      },
      io.env,
    );
  } catch (err) {
    if (err instanceof SetupError) throw new UsageError(err.message);
    throw err;
  }
  const publicKey = await setup.keyStore.publicKey();
  const local = {
    version: NODE_VERSION,
    engineVersion: ENGINE_VERSION,
    configDir: setup.dir,
    configured: setup.existed,
    nodeId: setup.settings.nodeId,
    name: setup.settings.name,
    maxParallel: setup.settings.maxParallel,
    sentinelUrl: setup.settings.sentinelUrl,
    publicKey: publicKey ? encodePublicKey(publicKey) : null,
  };

  let remote: HeartbeatResponse | null = null;
  let sentinel: 'not-registered' | 'registered' | 'unreachable' | 'no-identity' = 'no-identity';
  let problem: string | null = null;
  if (publicKey) {
    const http = new SentinelHttp(
      setup.settings.sentinelUrl,
      await setup.keyStore.getOrCreate(),
      fetch,
      STATUS_TIMEOUT_MS,
    );
    try {
      remote = await http.heartbeat({ version: NODE_VERSION, engineVersion: ENGINE_VERSION });
      sentinel = 'registered';
    } catch (err) {
      problem = (err as Error).message;
      const unknownKey =
        err instanceof SentinelError && (err.status === 401 || err.status === 403 || err.status === 404);
      sentinel = unknownKey ? 'not-registered' : 'unreachable';
    }
  }

  if (cmd.json) {
    io.stdout.write(JSON.stringify({ ...local, sentinel, remote, problem }) + '\n');
  } else {
    const lines = [
      `wowlab-node ${NODE_VERSION} (engine ${ENGINE_VERSION})`,
      `  config      ${setup.dir}/${CONFIG_FILE}${setup.existed ? '' : ' (not created yet: run "wowlab-node" first)'}`,
      `  sentinel    ${local.sentinelUrl}`,
      `  name        ${local.name}`,
      `  threads     ${local.maxParallel}`,
      `  node id     ${local.nodeId ?? '-'}`,
      `  public key  ${local.publicKey ?? '- (no identity yet)'}`,
    ];
    if (sentinel === 'registered' && remote) {
      lines.push(`  status      ${remote.status}, ${remote.claimed ? 'claimed' : 'not claimed'}`);
      if (remote.claimCode)
        lines.push(`  claim code  ${remote.claimCode} (enter it on the wowlab site: Nodes → Claim a node)`);
    } else if (sentinel !== 'no-identity') {
      lines.push(`  status      ${sentinel}${problem ? ` (${problem})` : ''}`);
    }
    io.stdout.write(lines.join('\n') + '\n');
  }
  return sentinel === 'unreachable' ? 1 : 0;
}
