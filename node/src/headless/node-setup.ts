// Shared by `run` and `status`: the config directory, settings and key of the headless node.
import { FileKeyStore } from './file-key-store.ts';
import { defaultSettings, isHttpUrl, readSettings, resolveConfigDir, writeSettings } from './config-ini.ts';
import type { NodeSettings } from './config-ini.ts';
import { defaultThreadCount } from './thread-pool.ts';

export interface NodeSetup {
  dir: string;
  settings: NodeSettings;
  /** Whether config.ini existed before. */
  existed: boolean;
  keyStore: FileKeyStore;
}

export interface SetupOverrides {
  configDir?: string;
  sentinelUrl?: string;
  name?: string;
  cores?: number;
}

export class SetupError extends Error {
  override readonly name = 'SetupError';
}

export async function loadSetup(
  overrides: SetupOverrides,
  env: Record<string, string | undefined>,
): Promise<NodeSetup> {
  const dir = resolveConfigDir(overrides.configDir, env);
  if (overrides.sentinelUrl !== undefined && !isHttpUrl(overrides.sentinelUrl)) {
    throw new SetupError(`--sentinel must be an http(s) URL, got "${overrides.sentinelUrl}"`);
  }
  if (overrides.name !== undefined && (overrides.name.length > 64 || overrides.name.length < 1)) {
    throw new SetupError('--name must be 1..64 characters');
  }
  const fallback = defaultSettings(overrides.cores ?? defaultThreadCount());
  const stored = await readSettings(dir, fallback);
  const settings: NodeSettings = { ...(stored ?? fallback) };
  if (overrides.sentinelUrl !== undefined) settings.sentinelUrl = overrides.sentinelUrl;
  if (overrides.name !== undefined) settings.name = overrides.name;
  if (overrides.cores !== undefined) settings.maxParallel = overrides.cores;
  return { dir, settings, existed: stored !== null, keyStore: new FileKeyStore(dir) };
}

export async function saveSettings(setup: NodeSetup): Promise<void> {
  await writeSettings(setup.dir, setup.settings);
}
