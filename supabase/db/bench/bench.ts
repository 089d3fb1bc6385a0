// Database benchmarks (prints figures; not a test): template copy time, create_job latency by
// size, and the sentinel's pending-chunk query on a large backlog.
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, startTestPostgres } from '../src/index.ts';

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const server = await startTestPostgres();
try {
  const copies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const db = await createTestDatabase();
    copies.push(ms(t0));
    await db.drop();
  }
  console.log(`createTestDatabase (template copy): median ${median(copies).toFixed(1)} ms over 5`);

  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    const users: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = randomUUID();
      await pool.query(`insert into auth.users (id, email) values ($1, $2)`, [id, `b${i}@example.test`]);
      users.push(id);
    }
    let u = 0;
    for (const iterations of [1_000, 100_000, 1_000_000]) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const c = await pool.connect();
        try {
          await c.query('begin');
          await c.query('set local role authenticated');
          await c.query(`select set_config('request.jwt.claims', $1, true)`, [
            JSON.stringify({ sub: users[u++ % users.length], role: 'authenticated' }),
          ]);
          const t0 = process.hrtime.bigint();
          await c.query(`select public.create_job($1::jsonb, $2)`, [
            JSON.stringify({ engineVersion: '0.1.0', spec: 'bm-hunter', n: i, iterations }),
            iterations,
          ]);
          await c.query('commit');
          times.push(ms(t0));
        } finally {
          c.release();
        }
      }
      console.log(
        `create_job ${iterations} iterations (${Math.ceil(iterations / 1000)} chunks): median ${median(times).toFixed(1)} ms`,
      );
    }
    const { rows } = await pool.query(`select count(*)::int as n from jobs_chunks where status = 'pending'`);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = process.hrtime.bigint();
      await pool.query(
        `select id, job_id from jobs_chunks where status = 'pending' and node_id is null order by created_at limit 100`,
      );
      times.push(ms(t0));
    }
    console.log(
      `pending chunks (limit 100) with ${rows[0].n} pending: median ${median(times).toFixed(2)} ms`,
    );
  } finally {
    await pool.end();
    await db.drop();
  }
} finally {
  await server.stop();
}
