// Prints request latency and throughput of the stand-in through the real supabase-js client, against a
// throw-away local stack (embedded Postgres in a temp dir). `pnpm --filter @wowlab/supabase-local bench`.
import { createClient } from '@supabase/supabase-js';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ws from 'ws';
import { startLocalStack } from '../src/stack.ts';

const SEQUENTIAL = 400;
const CONCURRENCY = 8;
const CONCURRENT_TOTAL = 1600;

function stats(name: string, samples: number[], wallMs: number): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(
    `${name.padEnd(44)} n=${String(samples.length).padStart(5)}  mean ${mean.toFixed(2)} ms  p50 ${pct(50).toFixed(2)} ms  p99 ${pct(99).toFixed(2)} ms  ${((samples.length / wallMs) * 1000).toFixed(0)} req/s`,
  );
}

async function timed(n: number, concurrency: number, fn: (i: number) => PromiseLike<{ error: unknown }>) {
  const samples: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const { error } = await fn(i);
        if (error) throw new Error(`request ${i} failed: ${JSON.stringify(error)}`);
        samples.push(performance.now() - t);
      }
    }),
  );
  return { samples, wall: performance.now() - start };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'wowlab-bench-'));
  await chmod(dir, 0o755);
  const stack = await startLocalStack({ dataDir: dir, port: 0 });
  try {
    const supabase = createClient(stack.url, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as never },
    });
    const { error } = await supabase.auth.signUp({ email: 'bench@example.com', password: 'bench password' });
    if (error) throw error;
    const rows = Array.from({ length: 200 }, (_, i) => ({
      name: `Bench rotation ${i}`,
      spec: i % 2 ? 'bm-hunter' : 'mm-hunter',
      script: 'actions=kill_command',
      is_public: i % 3 === 0,
    }));
    const ins = await supabase.from('rotations').insert(rows).select('id');
    if (ins.error) throw ins.error;
    const ids = ins.data.map((r) => r.id as string);
    console.log(`stand-in at ${stack.url}; Node ${process.version}`);

    let r = await timed(SEQUENTIAL, 1, (i) =>
      supabase
        .from('rotations')
        .select('*')
        .eq('id', ids[i % ids.length]!)
        .single(),
    );
    stats('GET rotation by id (.single), sequential', r.samples, r.wall);
    r = await timed(CONCURRENT_TOTAL, CONCURRENCY, (i) =>
      supabase
        .from('rotations')
        .select('*')
        .eq('id', ids[i % ids.length]!)
        .single(),
    );
    stats(`GET rotation by id, ${CONCURRENCY} concurrent`, r.samples, r.wall);
    r = await timed(SEQUENTIAL, CONCURRENCY, () =>
      supabase
        .from('rotations')
        .select('id,name,spec', { count: 'exact' })
        .ilike('name', '%rotation 1%')
        .order('name')
        .limit(20),
    );
    stats(`browser search (ILIKE, count, limit 20), ${CONCURRENCY} conc.`, r.samples, r.wall);
    r = await timed(SEQUENTIAL, CONCURRENCY, () =>
      supabase.from('user_profiles').select('handle, rotations(id,name)').limit(1),
    );
    stats(`profile with embedded rotations, ${CONCURRENCY} conc.`, r.samples, r.wall);
    r = await timed(SEQUENTIAL, CONCURRENCY, (i) =>
      supabase
        .from('rotations')
        .update({ description: `d${i}` })
        .eq('id', ids[i % ids.length]!),
    );
    stats(`PATCH rotation (return=minimal), ${CONCURRENCY} conc.`, r.samples, r.wall);
    // create_job allows 20 active jobs per user: 15 stays below the limit.
    r = await timed(15, 1, (i) =>
      supabase.rpc('create_job', {
        config: { engineVersion: '0.1.0', spec: 'bm-hunter', n: i },
        iterations: 10_000,
      }),
    );
    stats('rpc create_job (10 chunks each), sequential', r.samples, r.wall);
  } finally {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
