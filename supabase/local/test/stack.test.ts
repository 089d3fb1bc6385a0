// The local stack end to end: start, stop, start again (data and keys survive, only new migrations run),
// two stacks side by side on different ports and data dirs, and the CLI's help and signal handling.
import { createClient } from '@supabase/supabase-js';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalStack, type LocalStack } from '../src/stack.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const dirs: string[] = [];
const running: LocalStack[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wowlab-stack-'));
  await chmod(dir, 0o755); // as root, Postgres runs as the `postgres` user and must traverse it
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<LocalStack> {
  const stack = await startLocalStack({ dataDir, port: 0 });
  running.push(stack);
  return stack;
}

function client(stack: LocalStack) {
  return createClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as never },
  });
}

const password = 'stack test password';
let dirA: string;

beforeAll(async () => {
  dirA = await tempDir();
});
afterAll(async () => {
  for (const s of running) await s.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
}, 120_000);

describe('startLocalStack', () => {
  test('start, write through the API, stop, start again: data and keys survive; no migration re-applied', async () => {
    const first = await start(dirA);
    expect(first.appliedMigrations.length).toBeGreaterThan(3);
    expect(first.restUrl).toBe(`${first.url}/rest/v1`);
    expect(first.authUrl).toBe(`${first.url}/auth/v1`);
    const c1 = client(first);
    const signUp = await c1.auth.signUp({ email: 'keeper@example.com', password });
    expect(signUp.error).toBeNull();
    const ins = await c1
      .from('rotations')
      .insert({ name: 'Survivor', spec: 'bm-hunter', script: 'actions=kill_command' });
    expect(ins.error).toBeNull();
    const anonKey = first.anonKey;
    const oldToken = signUp.data.session!.access_token;
    await first.stop();
    await expect(fetch(`${first.url}/auth/v1/settings`)).rejects.toThrow();

    const second = await start(dirA);
    expect(second.appliedMigrations).toEqual([]);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.anonKey).toBe(anonKey); // same data dir, same keys
    expect(second.serviceKey).toBe(first.serviceKey);
    const c2 = client(second);
    const login = await c2.auth.signInWithPassword({ email: 'keeper@example.com', password });
    expect(login.error).toBeNull();
    const rows = await c2.from('rotations').select('name').eq('user_id', login.data.user!.id);
    expect(rows.data).toEqual([{ name: 'Survivor' }]);
    const withOldToken = await c2.auth.getUser(oldToken);
    expect(withOldToken.data.user!.email).toBe('keeper@example.com');
    await second.stop();
  }, 120_000);

  test('two stacks on different ports and data dirs run side by side, isolated', async () => {
    const a = await start(dirA);
    const b = await start(await tempDir());
    expect(a.url).not.toBe(b.url);
    expect(a.databaseUrl).not.toBe(b.databaseUrl);
    const inA = await client(a).auth.signInWithPassword({ email: 'keeper@example.com', password });
    expect(inA.error).toBeNull();
    const inB = await client(b).auth.signInWithPassword({ email: 'keeper@example.com', password });
    expect(inB.error).toMatchObject({ code: 'invalid_credentials' });
    const signB = await client(b).auth.signUp({ email: 'only-b@example.com', password });
    expect(signB.error).toBeNull();
    const crossToken = await fetch(`${a.restUrl}/jobs?select=id`, {
      headers: { apikey: b.anonKey },
    });
    expect(crossToken.status).toBe(401); // B's keys are signed with B's secret
    const [ga, gb] = await Promise.all([
      client(a).schema('game').from('classes').select('id'),
      client(b).schema('game').from('classes').select('id'),
    ]);
    expect(ga.error).toBeNull();
    expect(ga.data).toEqual(gb.data);
    await a.stop();
    await b.stop();
  }, 120_000);
});

describe('crash safety', () => {
  test('a data dir in use is refused; after the owner is SIGKILLed the orphaned Postgres is stopped and data survives', async () => {
    const dir = await tempDir();
    // node --import tsx: one process, so SIGKILL leaves Postgres orphaned exactly like a crash would
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--db-port', '0', '--data-dir', dir],
      {
        cwd: PACKAGE_DIR,
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    let stdout = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${stdout}`)), 90_000);
      p.stdout.on('data', () => {
        if (stdout.includes('Press Ctrl+C')) {
          clearTimeout(timer);
          resolve();
        }
      });
      p.on('exit', () => reject(new Error(`CLI exited early:\n${stdout}`)));
    });
    const url = /API URL:\s+(\S+)/.exec(stdout)![1]!;
    const anonKey = /anon key:\s+(\S+)/.exec(stdout)![1]!;
    const c = createClient(url, anonKey, {
      auth: { persistSession: false },
      realtime: { transport: ws as never },
    });
    expect((await c.auth.signUp({ email: 'crash@example.com', password })).error).toBeNull();

    await expect(startLocalStack({ dataDir: dir, port: 0 })).rejects.toThrow(
      /in use by a running local stack/,
    );

    await new Promise<void>((resolve) => {
      p.on('exit', () => resolve());
      p.kill('SIGKILL');
    });
    const after = await start(dir);
    const login = await client(after).auth.signInWithPassword({ email: 'crash@example.com', password });
    expect(login.error).toBeNull();
    expect(after.appliedMigrations).toEqual([]);
    await after.stop();
  }, 150_000);
});

describe('cli', () => {
  test('--help prints the usage and exits 0', async () => {
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const p = spawn(TSX, ['src/cli.ts', '--help'], { cwd: PACKAGE_DIR });
      let stdout = '';
      p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      p.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('--port');
    expect(out.stdout).toContain('--data-dir');
  }, 30_000);

  test('prints URLs and keys, then stops cleanly on SIGTERM (data kept)', async () => {
    const p = spawn(TSX, ['src/cli.ts', '--port', '0', '--db-port', '0', '--data-dir', dirA], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stdout = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${stdout}`)), 90_000);
      p.stdout.on('data', () => {
        if (stdout.includes('Press Ctrl+C')) {
          clearTimeout(timer);
          resolve();
        }
      });
      p.on('exit', () => reject(new Error(`CLI exited early:\n${stdout}`)));
    });
    const url = /API URL:\s+(\S+)/.exec(stdout)![1]!;
    const anonKey = /anon key:\s+(\S+)/.exec(stdout)![1]!;
    expect(stdout).toContain('service_role key:');
    expect(stdout).toContain('none (up to date)');
    const res = await fetch(`${url}/auth/v1/settings`, { headers: { apikey: anonKey } });
    expect(res.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      p.on('exit', (c) => resolve(c));
      p.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stdout).toContain('SIGTERM: stopping');
    const again = await start(dirA); // Postgres was shut down cleanly: the data dir starts again
    expect(again.appliedMigrations).toEqual([]);
    await again.stop();
  }, 120_000);
});
