// The bot's handlers against the real sentinel app: its config (DISCORD_ADMIN_IDS), pool and
// scheduler. Without DISCORD_TOKEN the app runs with the bot off.
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, parseConfig } from '../../src/app.ts';
import type { CommandContext } from '../../src/discord/context.ts';
import { runCommand } from '../../src/discord/router.ts';
import { DISCORD, NOW, ago, openScenario } from './scenario.ts';
import type { Scenario } from './scenario.ts';

let pool: pg.Pool;
let scenario: Scenario;
let close: () => Promise<void>;
let app: FastifyInstance;

beforeAll(async () => {
  let url: string;
  ({ url, pool, scenario, close } = await openScenario());
  const config = parseConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    DISCORD_ADMIN_IDS: ` ${DISCORD.admin} ,`,
  });
  app = await buildApp(config);
  await app.ready();
}, 180_000);

afterAll(async () => {
  await app?.close();
  await close?.();
});

function ctx(caller: string): CommandContext {
  return {
    db: app.db,
    scheduler: app.scheduler,
    now: NOW,
    isAdmin: app.config.discordAdminIds.includes(caller),
    callerDiscordId: caller,
    version: '0.1.0',
    startedAt: ago(1000),
  };
}

describe('bot commands on the sentinel app', () => {
  it('runs without a token: the bot is off', () => {
    expect(app.config.discordToken).toBeNull();
    expect(app.discordBot).toBeNull();
  });

  it('drain marks the node draining through the real scheduler', async () => {
    const refused = await runCommand(ctx(DISCORD.alice), 'drain', { node: scenario.nodes.bobOnline });
    expect(refused.embeds[0]?.title).toBe('Admins only');
    const reply = await runCommand(ctx(DISCORD.admin), 'drain', { node: scenario.nodes.bobOnline });
    expect(reply.embeds[0]?.title).toBe('Node draining');
    const { rows } = await pool.query<{ status: string }>('select status from nodes where id = $1', [
      scenario.nodes.bobOnline,
    ]);
    expect(rows[0]?.status).toBe('draining');
  });

  it('pause and resume switch the real scheduler', async () => {
    expect((await runCommand(ctx(DISCORD.admin), 'pause-scheduling', {})).embeds[0]?.title).toBe(
      'Scheduling paused',
    );
    expect(app.scheduler.isPaused()).toBe(true);
    expect((await runCommand(ctx(DISCORD.admin), 'resume-scheduling', {})).embeds[0]?.title).toBe(
      'Scheduling resumed',
    );
    expect(app.scheduler.isPaused()).toBe(false);
  });
});
