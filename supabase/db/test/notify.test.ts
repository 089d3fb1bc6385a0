import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { asRole, createJobAs, createUser, insertNode, openTestDb, type TestDb } from './helpers.ts';

let t: TestDb;
let listener: pg.Client;
let user: string;
const received: Array<{ channel: string; payload: string }> = [];

beforeAll(async () => {
  t = await openTestDb();
  user = (await createUser(t.pool)).id;
  listener = new pg.Client({ connectionString: t.url });
  await listener.connect();
  listener.on('notification', (n) => received.push({ channel: n.channel, payload: n.payload ?? '' }));
  await listener.query('listen pending_chunk');
  await listener.query('listen node_claimed');
  await listener.query('listen sentinel_state');
});
afterAll(async () => {
  await listener?.end();
  await t?.close();
});

/**
 * Runs `fn`, then sends a marker notification in a later transaction; notifications arrive in
 * commit order, so once the marker is here everything `fn` caused has arrived too.
 */
async function flush(): Promise<string> {
  const marker = `marker-${Math.random()}`;
  await t.pool.query(`select pg_notify('node_claimed', $1)`, [marker]);
  const deadline = Date.now() + 5000;
  while (!received.some((n) => n.payload === marker)) {
    if (Date.now() > deadline) throw new Error('marker notification never arrived');
    await new Promise((r) => setTimeout(r, 10));
  }
  return marker;
}

async function collect(fn: () => Promise<unknown>): Promise<Array<{ channel: string; payload: string }>> {
  await flush(); // drop whatever earlier statements caused
  received.length = 0;
  await fn();
  const marker = await flush();
  return received.filter((n) => n.payload !== marker);
}

describe('pending_chunk', () => {
  it('create_job inserting many chunks notifies exactly once with the job id', async () => {
    let id = '';
    const got = await collect(async () => {
      id = await createJobAs(t.pool, user, { iterations: 25_000 });
    });
    expect(got).toEqual([{ channel: 'pending_chunk', payload: id }]);
  });

  it('one insert statement covering two jobs notifies once per distinct job; each statement notifies', async () => {
    const a = await createJobAs(t.pool, user, { iterations: 1 });
    const b = await createJobAs(t.pool, user, { iterations: 1 });
    const insert = `insert into jobs_chunks (job_id, config_hash, iterations, seed_offset)
                    select j.id, j.config_hash, 1, g from jobs j, generate_series($2::int, $2::int + 2) g
                     where j.id = any($1::uuid[])`;
    const got = await collect(async () => {
      await t.pool.query(insert, [[a, b], 5000]);
      await t.pool.query(insert, [[a], 6000]);
    });
    expect(got.filter((n) => n.payload === a)).toHaveLength(2);
    expect(got.filter((n) => n.payload === b)).toHaveLength(1);
    expect(got.every((n) => n.channel === 'pending_chunk')).toBe(true);
  });

  it('chunks returned to pending notify once per job; other updates do not notify', async () => {
    const id = await createJobAs(t.pool, user, { iterations: 3000 });
    const node = await insertNode(t.pool, { userId: user });
    const assign = await collect(() =>
      t.pool.query(
        `update jobs_chunks set status = 'running', node_id = $2, claimed_at = now() where job_id = $1`,
        [id, node],
      ),
    );
    expect(assign).toEqual([]);
    const reclaim = await collect(() =>
      t.pool.query(
        `update jobs_chunks set status = 'pending', node_id = null, claimed_at = null, attempts = attempts + 1
          where job_id = $1 and status = 'running'`,
        [id],
      ),
    );
    expect(reclaim).toEqual([{ channel: 'pending_chunk', payload: id }]);
    const noop = await collect(() =>
      t.pool.query(`update jobs_chunks set attempts = attempts where job_id = $1`, [id]),
    );
    expect(noop).toEqual([]);
  });

  it('inserts notify per statement (transition table); returns per row, only when a chunk returns to pending', async () => {
    const { rows } = await t.pool.query<{ tgname: string; def: string }>(
      `select tgname, pg_get_triggerdef(oid) as def from pg_trigger
        where tgrelid = 'public.jobs_chunks'::regclass and tgname like 'jobs_chunks_notify%' order by tgname`,
    );
    expect(rows.map((r) => r.tgname)).toEqual(['jobs_chunks_notify_inserted', 'jobs_chunks_notify_returned']);
    expect(rows[0]!.def).toMatch(/AFTER INSERT .*REFERENCING NEW TABLE .*FOR EACH STATEMENT/);
    // a row trigger filtered by WHEN: completions and assignments do not pay for it
    expect(rows[1]!.def).toMatch(/AFTER UPDATE OF status .*FOR EACH ROW WHEN/);
    expect(rows[1]!.def).not.toMatch(/REFERENCING/);
  });
});

describe('node_claimed', () => {
  it('claim_node notifies with the node id; later updates of the same owner do not', async () => {
    const id = await insertNode(t.pool, { claimCode: 'NOTIFY-ME-1' });
    const got = await collect(() =>
      asRole(
        t.pool,
        'authenticated',
        user,
        (c) => c.query(`select public.claim_node('NOTIFY-ME-1', 'n', 2)`),
        true,
      ),
    );
    expect(got).toEqual([{ channel: 'node_claimed', payload: id }]);
    const rename = await collect(() =>
      t.pool.query(`update nodes set name = 'again', last_seen_at = now() where id = $1`, [id]),
    );
    expect(rename).toEqual([]);
  });
});

describe('sentinel_state', () => {
  it('notifies every change of the scheduling pause, and nothing when it does not change', async () => {
    const set = (paused: boolean) =>
      t.pool.query('update sentinel_state set scheduling_paused = $1, version = version + 1', [paused]);
    const { version } = (await t.pool.query('select version from sentinel_state')).rows[0];
    const v = Number(version);
    expect(await collect(() => set(true))).toEqual([
      { channel: 'sentinel_state', payload: `paused:${v + 1}` },
    ]);
    expect(await collect(() => set(true))).toEqual([]);
    expect(await collect(() => set(false))).toEqual([
      { channel: 'sentinel_state', payload: `running:${v + 3}` },
    ]);
  });
});
