import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../src/headless/file-key-store.ts';
import { ConfigFileError } from '../../src/headless/config-ini.ts';
import { decodeSeed, signRequest, verifyRequest } from '../../src/protocol/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wowlab-node-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileKeyStore', () => {
  it('creates node.key with mode 0600 once and signs verifiable requests', async () => {
    const store = new FileKeyStore(join(dir, 'nested'));
    expect(await store.publicKey()).toBeNull();
    const signer = await store.getOrCreate();
    const info = await stat(store.path);
    expect(info.mode & 0o777).toBe(0o600);
    expect(decodeSeed((await readFile(store.path, 'utf8')).trim())).not.toBeNull();
    const headers = await signRequest(signer, 'POST', '/nodes/heartbeat', '{}');
    const verified = await verifyRequest({
      publicKey: headers['x-node-key'],
      ts: headers['x-node-ts'],
      sig: headers['x-node-sig'],
      method: 'POST',
      path: '/nodes/heartbeat',
      body: '{}',
      now: Date.now(),
    });
    expect(verified.ok).toBe(true);
  });

  it('a second store over the same directory has the same identity', async () => {
    const a = await new FileKeyStore(dir).getOrCreate();
    const b = await new FileKeyStore(dir).getOrCreate();
    expect(Buffer.from(b.publicKey)).toEqual(Buffer.from(a.publicKey));
    expect(Buffer.from((await new FileKeyStore(dir).publicKey())!)).toEqual(Buffer.from(a.publicKey));
  });

  it('concurrent first starts agree on one key', async () => {
    const [a, b] = await Promise.all([
      new FileKeyStore(dir).getOrCreate(),
      new FileKeyStore(dir).getOrCreate(),
    ]);
    expect(Buffer.from(a.publicKey)).toEqual(Buffer.from(b.publicKey));
  });

  it('tightens a key file readable by others', async () => {
    const store = new FileKeyStore(dir);
    await store.getOrCreate();
    await chmod(store.path, 0o644);
    await new FileKeyStore(dir).getOrCreate();
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt key file instead of replacing the identity', async () => {
    await writeFile(join(dir, 'node.key'), 'not a key\n');
    const err = await new FileKeyStore(dir).getOrCreate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigFileError);
    expect((err as Error).message).toContain('not a valid key file');
    expect(await readFile(join(dir, 'node.key'), 'utf8')).toBe('not a key\n');
  });

  it('remove() forgets the key', async () => {
    const store = new FileKeyStore(dir);
    const first = await store.getOrCreate();
    expect(await store.remove()).toBe(true);
    expect(await store.remove()).toBe(false);
    const second = await store.getOrCreate();
    expect(Buffer.from(second.publicKey)).not.toEqual(Buffer.from(first.publicKey));
  });
});
