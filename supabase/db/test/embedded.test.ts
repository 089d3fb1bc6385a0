import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/index.ts';

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('keeps a persistent data directory across restarts and deletes a non-persistent one on stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wowlab-emb-'));
    await chmod(dir, 0o755);
    try {
      const dataDir = join(dir, 'nested', 'data');
      const first = await startEmbeddedPostgres({ dataDir, persistent: true });
      expect(first.url).toBe(`postgres://postgres:postgres@127.0.0.1:${first.port}/postgres`);
      await query(first.url, 'create table kept (v int); insert into kept values (7)');
      const [{ server_version }] = await query(first.url, 'show server_version');
      expect(server_version).toMatch(/^17\./);
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir });
      expect(await query(second.url, 'select v from kept')).toEqual([{ v: 7 }]);
      await second.stop();
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

      const throwaway = await startEmbeddedPostgres({
        dataDir: join(dir, 'tmp-data'),
        persistent: false,
        fast: true,
      });
      const [{ fsync }] = await query(throwaway.url, 'show fsync');
      expect(fsync).toBe('off');
      await throwaway.stop();
      expect(existsSync(join(dir, 'tmp-data'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with a clear error when the port is already taken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wowlab-emb-'));
    await chmod(dir, 0o755);
    const a = await startEmbeddedPostgres({ dataDir: join(dir, 'a'), persistent: false, fast: true });
    try {
      await expect(
        startEmbeddedPostgres({ dataDir: join(dir, 'b'), port: a.port, persistent: false, fast: true }),
      ).rejects.toThrow(new RegExp(`failed to start on port ${a.port}`));
    } finally {
      await a.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
