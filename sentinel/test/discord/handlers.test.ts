import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { BotReply } from '../../src/discord/context.ts';
import { LINK_ACCOUNT_MESSAGE } from '../../src/discord/format.ts';
import { queryStats } from '../../src/discord/handlers/stats.ts';
import { runCommand } from '../../src/discord/router.ts';
import { assertValidEmbed, fieldValue } from './embeds.ts';
import { DISCORD, MIN, NOW, RecordingScheduler, makeContext, openScenario } from './scenario.ts';
import { insertConfig, insertJob, insertUser } from './seed.ts';
import type { Scenario } from './scenario.ts';

let pool: pg.Pool;
let scenario: Scenario;
let close: () => Promise<void>;
let scheduler: RecordingScheduler;

beforeAll(async () => {
  ({ pool, scenario, close } = await openScenario());
}, 180_000);
afterAll(async () => {
  await close?.();
});
beforeEach(() => {
  scheduler = new RecordingScheduler();
});

async function run(caller: string, name: string, options: Record<string, string> = {}): Promise<BotReply> {
  const reply = await runCommand(makeContext(pool, scheduler, caller), name, options);
  for (const e of reply.embeds) assertValidEmbed(e);
  return reply;
}

function embed(reply: BotReply) {
  expect(reply.embeds).toHaveLength(1);
  return reply.embeds[0]!;
}

function expectLinkReply(reply: BotReply) {
  expect(reply.ephemeral).toBe(true);
  expect(embed(reply).title).toBe('Link your Discord account on the site');
  expect(embed(reply).description).toBe(LINK_ACCOUNT_MESSAGE);
}

describe('ping and about', () => {
  it('ping answers privately with the uptime', async () => {
    const reply = await run(DISCORD.stranger, 'ping');
    expect(reply.ephemeral).toBe(true);
    expect(embed(reply).title).toBe('Pong');
    expect(embed(reply).description).toContain('1d 2h 3m');
  });

  it('about shows version, engine and uptime', async () => {
    const e = embed(await run(DISCORD.stranger, 'about'));
    expect(fieldValue(e, 'Version')).toBe('0.1.0');
    expect(fieldValue(e, 'Engine')).toBe('0.1.0');
    expect(fieldValue(e, 'Uptime')).toBe('1d 2h 3m');
  });
});

describe('stats', () => {
  it('counts only the last hour of completed chunks and jobs', async () => {
    const s = await queryStats(pool, NOW);
    // 5 chunks of the completed job (10..50 s) + 4 of the running job (2 s); older ones excluded.
    expect(s.chunksCompleted).toBe(9);
    expect(s.iterations).toBe(5 * 200 + 4 * 100);
    expect(s.iterationsPerSecond).toBeCloseTo(1400 / 3600, 10);
    expect(s.meanChunkMs).toBeCloseTo(((10 + 20 + 30 + 40 + 50 + 4 * 2) / 9) * 1000, 6);
    expect(s.jobsCompleted).toBe(1);
    expect(s.chunksRunning).toBe(2);
    expect(s.nodesOnline).toBe(2);
    expect(s.coresOnline).toBe(24);
  });

  it('renders the figures in a public embed', async () => {
    const reply = await run(DISCORD.stranger, 'stats');
    expect(reply.ephemeral).toBe(false);
    const e = embed(reply);
    expect(fieldValue(e, 'Chunks completed')).toBe('9');
    expect(fieldValue(e, 'Mean chunk time')).toBe('17.6 s');
    expect(fieldValue(e, 'Iterations/s')).toBe('0.4');
    expect(fieldValue(e, 'Jobs completed')).toBe('1');
    expect(fieldValue(e, 'Nodes online now')).toBe('2 (24 cores)');
    expect(e.timestamp).toBe(NOW.toISOString());
  });

  it('an empty window shows no mean chunk time', async () => {
    const s = await queryStats(pool, new Date(NOW.getTime() + 24 * 3600_000));
    expect(s).toMatchObject({ chunksCompleted: 0, meanChunkMs: null, iterations: 0, jobsCompleted: 0 });
  });
});

describe('nodes', () => {
  it("lists the caller's own nodes, online first, with chunk counts", async () => {
    const reply = await run(DISCORD.alice, 'nodes');
    expect(reply.ephemeral).toBe(true);
    const e = embed(reply);
    expect(e.title).toBe('Your nodes');
    expect(e.fields?.map((f) => f.name)).toEqual(['🟢 alice-desktop', '⚫ alice-laptop']);
    expect(e.fields?.[0]?.value).toContain('online · headless · 8 cores · max 4 parallel');
    expect(e.fields?.[0]?.value).toContain('chunks: 1 running, 5 done');
    expect(e.fields?.[0]?.value).toContain(scenario.nodes.aliceOnline.slice(0, 8));
    expect(e.fields?.[1]?.value).toContain('chunks: 0 running, 0 done');
    expect(e.footer?.text).toBe('2 nodes');
  });

  it('admins see every node, including unclaimed ones', async () => {
    const e = embed(await run(DISCORD.admin, 'nodes'));
    expect(e.title).toBe('All nodes');
    expect(e.fields).toHaveLength(4);
    const bob = e.fields?.find((f) => f.name.includes('bob-server'));
    expect(bob?.value).toContain('chunks: 1 running, 6 done');
    expect(e.fields?.slice(0, 2).every((f) => f.name.startsWith('🟢'))).toBe(true);
  });

  it('non-admins cannot list all nodes', async () => {
    const e = embed(await run(DISCORD.bob, 'nodes', { scope: 'all' }));
    expect(e.title).toBe('Admins only');
  });

  it('an unlinked Discord user is asked to link the account', async () => {
    expectLinkReply(await run(DISCORD.stranger, 'nodes'));
    // An admin without a linked account asking for "mine" too.
    expectLinkReply(await run(DISCORD.admin, 'nodes', { scope: 'mine' }));
  });
});

describe('jobs', () => {
  it("lists the caller's jobs newest first with status, progress and DPS", async () => {
    const reply = await run(DISCORD.alice, 'jobs');
    expect(reply.ephemeral).toBe(true);
    const fields = embed(reply).fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([
      `\`${scenario.jobs.running.slice(0, 8)}\` mm-hunter · running`,
      `\`${scenario.jobs.failed.slice(0, 8)}\` bm-hunter · failed`,
      `\`${scenario.jobs.completed.slice(0, 8)}\` bm-hunter · completed`,
      `\`${scenario.jobs.publicJob.slice(0, 8)}\` bm-hunter · completed`,
    ]);
    expect(fields[0]?.value).toContain('40% · 400/1,000 iterations');
    expect(fields[1]?.value).toContain('error: invalid config: rotation line 3');
    expect(fields[2]?.value).toContain('123,457 ± 67 DPS');
  });

  it("does not show other users' jobs", async () => {
    const fields = embed(await run(DISCORD.bob, 'jobs')).fields ?? [];
    expect(fields).toHaveLength(1);
    expect(fields[0]?.name).toContain(scenario.jobs.bobOld.slice(0, 8));
  });

  it('an unlinked Discord user is asked to link the account', async () => {
    expectLinkReply(await run(DISCORD.stranger, 'jobs'));
  });

  it('escapes and clips hostile error text to valid embeds', async () => {
    const discordId = '555555555555555555';
    const dave = await insertUser(pool, discordId);
    const hash = await insertConfig(pool, 'bm-hunter');
    const id = await insertJob(pool, {
      userId: dave,
      configHash: hash,
      status: 'failed',
      totalIterations: 10,
      completedIterations: 0,
      chunksTotal: 1,
      chunksCompleted: 0,
      error: '**@everyone** `x` '.repeat(400),
      createdAt: NOW,
    });
    const list = embed(await run(discordId, 'jobs'));
    expect(list.fields?.[0]?.value).toContain('\\*\\*@everyone\\*\\*');
    const one = embed(await run(discordId, 'job', { id }));
    expect(fieldValue(one, 'Error').length).toBeLessThanOrEqual(1000);
    expect(fieldValue(one, 'Error').endsWith('…')).toBe(true);
  });
});

describe('job <id>', () => {
  it("shows a running job's progress and chunk states", async () => {
    const e = embed(await run(DISCORD.alice, 'job', { id: scenario.jobs.running }));
    expect(fieldValue(e, 'Status')).toBe('running');
    expect(fieldValue(e, 'Progress')).toContain('40%');
    expect(fieldValue(e, 'Chunks')).toBe('4/10 done · 2 running · 4 pending');
  });

  it("shows a completed job's result", async () => {
    const e = embed(await run(DISCORD.alice, 'job', { id: scenario.jobs.completed }));
    expect(fieldValue(e, 'Mean DPS')).toBe('123,457 ± 67 (95 %)');
    expect(fieldValue(e, 'Percentiles')).toBe('p5 122,557 · p50 123,467 · p95 124,337');
    expect(fieldValue(e, 'Top abilities').split('\n')).toEqual([
      'Kill Command: 50.0 % (61,728 DPS)',
      'Barbed Shot: 30.0 % (37,037 DPS)',
      'Auto Shot: 20.0 % (24,691 DPS)',
    ]);
    expect(fieldValue(e, 'Wall time')).toBe(`${(15 * MIN) / 60_000}.0 min`);
  });

  it('shows the top variants of a smart sim, each with its iterations and why it stopped', async () => {
    const e = embed(await run(DISCORD.stranger, 'job', { id: scenario.jobs.publicJob }));
    expect(fieldValue(e, 'Stopped')).toBe('reached the target error');
    expect(fieldValue(e, 'Top variants (of 3)').split('\n')).toEqual([
      'Crit +500: 99,990 DPS, +1.00 % (± 15) · 500 it., reached the target error',
      'Same: 99,000 DPS, ±0.00 % (± 0) · 500 it., reached the target error',
      'No lust: 97,020 DPS, −2.00 % (± 20) · 200 it., stopped early: clearly below the best',
    ]);
  });

  it("hides another user's private job, shows public ones", async () => {
    expect(embed(await run(DISCORD.bob, 'job', { id: scenario.jobs.running })).title).toBe('Job not found');
    expect(embed(await run(DISCORD.bob, 'job', { id: scenario.jobs.publicJob })).title).toContain(
      scenario.jobs.publicJob.slice(0, 8),
    );
    expect(embed(await run(DISCORD.stranger, 'job', { id: scenario.jobs.publicJob })).title).toContain(
      scenario.jobs.publicJob.slice(0, 8),
    );
  });

  it('admins see any job; unlinked users are asked to link for private ones', async () => {
    expect(fieldValue(embed(await run(DISCORD.admin, 'job', { id: scenario.jobs.failed })), 'Error')).toBe(
      'invalid config: rotation line 3',
    );
    expectLinkReply(await run(DISCORD.stranger, 'job', { id: scenario.jobs.running }));
  });

  it('rejects a malformed id before querying', async () => {
    expect(embed(await run(DISCORD.alice, 'job', { id: "1'; drop table jobs; --" })).title).toBe(
      'Invalid job id',
    );
    expect(embed(await run(DISCORD.alice, 'job', { id: '00000000-0000-0000-0000-000000000000' })).title).toBe(
      'Job not found',
    );
  });
});

describe('admin commands', () => {
  it('non-admins are refused and nothing reaches the scheduler', async () => {
    for (const name of ['drain', 'pause-scheduling', 'resume-scheduling']) {
      const reply = await run(DISCORD.alice, name, { node: scenario.nodes.aliceOnline });
      expect(reply.ephemeral).toBe(true);
      expect(embed(reply).title).toBe('Admins only');
    }
    expect(scheduler.drained).toEqual([]);
    expect(scheduler.paused).toBe(false);
  });

  it('drain finds a node by id or by exact name', async () => {
    expect(embed(await run(DISCORD.admin, 'drain', { node: scenario.nodes.bobOnline })).title).toBe(
      'Node draining',
    );
    expect(embed(await run(DISCORD.admin, 'drain', { node: 'alice-desktop' })).description).toContain(
      scenario.nodes.aliceOnline.slice(0, 8),
    );
    expect(scheduler.drained).toEqual([scenario.nodes.bobOnline, scenario.nodes.aliceOnline]);
    // Unknown nodes never reach the scheduler; a node deleted meanwhile is reported as gone.
    expect(embed(await run(DISCORD.admin, 'drain', { node: 'nobody' })).title).toBe('Node not found');
    expect(
      embed(await run(DISCORD.admin, 'drain', { node: '00000000-0000-0000-0000-000000000000' })).title,
    ).toBe('Node not found');
    scheduler.vanished.add(scenario.nodes.anonymous);
    expect(
      embed(await run(DISCORD.admin, 'drain', { node: scenario.nodes.anonymous })).description,
    ).toContain('no longer exists');
    expect(scheduler.drained).toHaveLength(3);
  });

  it('drain refuses to guess between nodes sharing a name', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into nodes (user_id, name, kind, public_key) values ($1, 'alice-desktop', 'browser', $2) returning id::text`,
      [scenario.users.bob, 'B'.repeat(43)],
    );
    try {
      const e = embed(await run(DISCORD.admin, 'drain', { node: 'alice-desktop' }));
      expect(e.title).toBe('Several nodes have that name');
      expect(e.description).toContain(rows[0]!.id);
      expect(scheduler.drained).toEqual([]);
    } finally {
      await pool.query('delete from nodes where id = $1', [rows[0]!.id]);
    }
  });

  it('pause and resume toggle the scheduler once', async () => {
    expect(embed(await run(DISCORD.admin, 'resume-scheduling')).title).toBe('Not paused');
    expect(embed(await run(DISCORD.admin, 'pause-scheduling')).title).toBe('Scheduling paused');
    expect(scheduler.isPaused()).toBe(true);
    expect(embed(await run(DISCORD.admin, 'pause-scheduling')).title).toBe('Already paused');
    expect(embed(await run(DISCORD.admin, 'resume-scheduling')).title).toBe('Scheduling resumed');
    expect(scheduler.isPaused()).toBe(false);
  });
});

describe('router', () => {
  it('turns a failing handler into a generic reply and logs it', async () => {
    const errors: unknown[] = [];
    const broken = { query: async () => Promise.reject(new Error('connection refused')) };
    const reply = await runCommand(
      makeContext(pool, scheduler, DISCORD.alice, { db: broken }),
      'jobs',
      {},
      {
        error: (obj) => errors.push(obj),
      },
    );
    expect(embed(reply).title).toBe('Something went wrong');
    expect(JSON.stringify(reply)).not.toContain('connection refused');
    expect(errors).toHaveLength(1);
  });

  it('answers unknown subcommands', async () => {
    expect(embed(await run(DISCORD.alice, 'format-c')).title).toBe('Unknown command');
  });
});
