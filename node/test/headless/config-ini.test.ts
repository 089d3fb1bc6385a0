import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigFileError,
  defaultSettings,
  formatIni,
  parseIni,
  readSettings,
  resolveConfigDir,
  writeSettings,
} from '../../src/headless/config-ini.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wowlab-node-ini-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('config.ini', () => {
  it('round-trips settings through the file', async () => {
    const settings = {
      nodeId: '0b9f3c2e-4a51-4d6e-9f00-1234567890ab',
      sentinelUrl: 'https://sentinel.example.org',
      name: 'rack-7',
      maxParallel: 6,
    };
    await writeSettings(dir, settings);
    expect(await readSettings(dir, defaultSettings(1))).toEqual(settings);
    expect((await stat(join(dir, 'config.ini'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'config.ini'), 'utf8')).toContain('[node]\nnode_id = 0b9f3c2e');
  });

  it('returns null when there is no file, defaults for missing keys', async () => {
    expect(await readSettings(dir, defaultSettings(3))).toBeNull();
    await writeFile(join(dir, 'config.ini'), '# hello\n[other]\nname = x\n[node]\nname = "quoted name"\n');
    const s = await readSettings(dir, defaultSettings(3));
    expect(s).toMatchObject({ nodeId: null, name: 'quoted name', maxParallel: 3 });
  });

  it('lists every invalid value', async () => {
    await writeFile(
      join(dir, 'config.ini'),
      '[node]\nnode_id = 42\nsentinel_url = ftp://x\nmax_parallel = -1\n',
    );
    const err = await readSettings(dir, defaultSettings(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigFileError);
    const msg = (err as Error).message;
    expect(msg).toContain('node_id must be a UUID');
    expect(msg).toContain('sentinel_url must be an http(s) URL');
    expect(msg).toContain('max_parallel must be an integer');
  });

  it('rejects lines that are not key = value, with the line number', () => {
    expect(() => parseIni('[node]\nname = a\ngarbage\n')).toThrow(/line 3/);
  });

  it('formats what it parses', () => {
    const s = defaultSettings(2);
    expect(Object.fromEntries(parseIni(formatIni(s)))).toEqual({
      node_id: '',
      sentinel_url: s.sentinelUrl,
      name: s.name,
      max_parallel: '2',
    });
  });

  it('resolves the directory from flag, env, XDG, home', () => {
    expect(resolveConfigDir('/a', { WOWLAB_NODE_CONFIG_DIR: '/b' })).toBe('/a');
    expect(resolveConfigDir(undefined, { WOWLAB_NODE_CONFIG_DIR: '/b' })).toBe('/b');
    expect(resolveConfigDir(undefined, { XDG_CONFIG_HOME: '/x' })).toBe('/x/wowlab-node');
    expect(resolveConfigDir(undefined, {})).toMatch(/\.config\/wowlab-node$/);
  });
});
