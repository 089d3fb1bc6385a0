// ~/.config/wowlab-node/config.ini: a tiny INI file with one [node] section.
//   [node]
//   node_id = <uuid from the sentinel, empty until registered>
//   sentinel_url = https://...
//   name = my-server
//   max_parallel = 3
import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir, hostname } from 'node:os';

export const CONFIG_FILE = 'config.ini';
export const KEY_FILE = 'node.key';
export const DEFAULT_SENTINEL_URL = 'http://127.0.0.1:8080';
const MAX_CONFIG_BYTES = 64 * 1024;

export interface NodeSettings {
  nodeId: string | null;
  sentinelUrl: string;
  name: string;
  maxParallel: number;
}

export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
}

/** `--config-dir` wins, then WOWLAB_NODE_CONFIG_DIR, then $XDG_CONFIG_HOME or ~/.config. */
export function resolveConfigDir(flag: string | undefined, env: Record<string, string | undefined>): string {
  if (flag) return flag;
  if (env.WOWLAB_NODE_CONFIG_DIR) return env.WOWLAB_NODE_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'wowlab-node');
}

export function defaultSettings(maxParallel: number): NodeSettings {
  const host =
    hostname()
      .replace(/[^\w.-]+/g, '-')
      .slice(0, 48) || 'node';
  return { nodeId: null, sentinelUrl: DEFAULT_SENTINEL_URL, name: host, maxParallel };
}

/** Parses INI text; returns the key/values of section [node]. Unknown keys are kept, unknown sections ignored. */
export function parseIni(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let section = '';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new ConfigFileError(`line ${i + 1}: expected "key = value"`);
    if (section !== 'node') continue;
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    values.set(line.slice(0, eq).trim(), value);
  }
  return values;
}

export function validateSettings(values: Map<string, string>, fallback: NodeSettings): NodeSettings {
  const problems: string[] = [];
  const nodeId = values.get('node_id') || null;
  if (nodeId !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nodeId)) {
    problems.push('node_id must be a UUID');
  }
  const sentinelUrl = values.get('sentinel_url') || fallback.sentinelUrl;
  if (!isHttpUrl(sentinelUrl)) problems.push('sentinel_url must be an http(s) URL');
  const name = values.get('name') ?? fallback.name;
  if (name.length < 1 || name.length > 64) problems.push('name must be 1..64 characters');
  const rawParallel = values.get('max_parallel');
  const maxParallel =
    rawParallel === undefined || rawParallel === '' ? fallback.maxParallel : Number(rawParallel);
  if (!Number.isInteger(maxParallel) || maxParallel < 1 || maxParallel > 256) {
    problems.push('max_parallel must be an integer 1..256');
  }
  if (problems.length) throw new ConfigFileError(problems.join('; '));
  return { nodeId, sentinelUrl, name, maxParallel };
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function formatIni(settings: NodeSettings): string {
  return [
    '# wowlab-node settings. The identity key is in node.key beside this file: keep it private.',
    '[node]',
    `node_id = ${settings.nodeId ?? ''}`,
    `sentinel_url = ${settings.sentinelUrl}`,
    `name = ${settings.name}`,
    `max_parallel = ${settings.maxParallel}`,
    '',
  ].join('\n');
}

/** Reads config.ini; null when it does not exist. Throws ConfigFileError when unreadable or invalid. */
export async function readSettings(dir: string, fallback: NodeSettings): Promise<NodeSettings | null> {
  const path = join(dir, CONFIG_FILE);
  let text: string;
  try {
    const buf = await readFile(path);
    if (buf.byteLength > MAX_CONFIG_BYTES) throw new ConfigFileError(`${path} is larger than 64 KiB`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof ConfigFileError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigFileError(`cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return validateSettings(parseIni(text), fallback);
  } catch (err) {
    throw new ConfigFileError(`${path}: ${(err as Error).message}`);
  }
}

/** Writes config.ini atomically (temp file + rename), creating the directory with mode 0700. */
export async function writeSettings(dir: string, settings: NodeSettings): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, CONFIG_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, formatIni(settings), { mode: 0o600 });
  await rename(tmp, path);
}
