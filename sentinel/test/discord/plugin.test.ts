// The 'discord' Fastify plugin: off without a token, configured from the app's decorations,
// and never able to take the app down (bad token, Discord unreachable).
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import discordPlugin from '../../src/discord/plugin.ts';
import { GuildMembershipSet } from '../../src/guilds/membership.ts';
import { FakeDiscord } from './fake-discord.ts';
import { rawWlabInteraction } from './payloads.ts';
import { DISCORD, RecordingScheduler, openScenario } from './scenario.ts';

interface LogLine {
  level: number;
  msg: string;
  component?: string;
  hint?: string;
}

let pool: pg.Pool;
let close: () => Promise<void>;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  ({ pool, close } = await openScenario());
}, 180_000);
afterAll(async () => {
  await close?.();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function build(decorations: Record<string, unknown>) {
  const logs: LogLine[] = [];
  const a = Fastify({
    logger: { level: 'info', stream: { write: (l: string) => void logs.push(JSON.parse(l)) } },
  });
  for (const [k, v] of Object.entries(decorations)) a.decorate(k, v);
  a.get('/status', async () => ({ ok: true }));
  app = a;
  return { app: a, logs };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('discord plugin', () => {
  it('does nothing without a token', async () => {
    const { app, logs } = build({ config: { discordToken: null, discordAdminIds: [] } });
    await app.register(discordPlugin);
    await app.ready();
    expect(app.discordBot).toBeNull();
    expect(logs.map((l) => l.msg)).toContain('DISCORD_TOKEN not set: Discord bot disabled');
    expect((await app.inject({ url: '/status' })).statusCode).toBe(200);
  });

  it("runs from the app's config, pool, scheduler and membership store", async () => {
    const fake = new FakeDiscord({ '1190000000000000001': [DISCORD.alice] });
    const guildMembership = new GuildMembershipSet();
    const scheduler = new RecordingScheduler();
    const { app } = build({
      config: { discordToken: 'from-config', discordAdminIds: [DISCORD.admin] },
      db: pool,
      scheduler,
      guildMembership,
      startedAt: Date.now() - 90_000,
    });
    await app.register(discordPlugin, { clientOptions: fake.clientOptions() });
    await app.ready();
    await until(
      () => guildMembership.isMember('1190000000000000001', DISCORD.alice),
      'members in app.guildMembership',
    );

    const raw = rawWlabInteraction(DISCORD.admin, 'pause-scheduling');
    fake.dispatch('INTERACTION_CREATE', raw);
    await fake.waitForRest((c) => c.path.startsWith(`/interactions/${raw.id}/`));
    expect(scheduler.isPaused()).toBe(true);

    const about = rawWlabInteraction(DISCORD.alice, 'about');
    fake.dispatch('INTERACTION_CREATE', about);
    const call = await fake.waitForRest((c) => c.path.startsWith(`/interactions/${about.id}/`));
    const fields = (
      call.body as { data: { embeds: Array<{ fields: Array<{ name: string; value: string }> }> } }
    ).data.embeds[0]?.fields;
    expect(fields?.find((f) => f.name === 'Uptime')?.value).toMatch(/^1m 3\ds$/);
    expect(fields?.find((f) => f.name === 'Engine')?.value).toBeTruthy();
  });

  it('a rejected token is logged and the app keeps serving', async () => {
    const fake = new FakeDiscord({});
    fake.gatewayStatus = 401;
    const { app, logs } = build({});
    await app.register(discordPlugin, {
      token: 'bad',
      db: pool,
      scheduler: new RecordingScheduler(),
      membership: new GuildMembershipSet(),
      clientOptions: fake.clientOptions(),
    });
    await app.ready();
    await until(() => logs.some((l) => l.msg.startsWith('discord login refused')), 'the refusal');
    expect(logs.find((l) => l.msg.startsWith('discord login refused'))).toMatchObject({
      level: 50,
      component: 'discord',
    });
    expect((await app.inject({ url: '/status' })).statusCode).toBe(200);
    expect(fake.rest.filter((c) => c.path === '/gateway/bot')).toHaveLength(1);
  });

  it('retries while Discord is unreachable and stops on close', async () => {
    const fake = new FakeDiscord({});
    fake.unreachable = true;
    const built = build({});
    const logs = built.logs;
    await built.app.register(discordPlugin, {
      token: 'ok',
      db: pool,
      scheduler: new RecordingScheduler(),
      membership: new GuildMembershipSet(),
      clientOptions: fake.clientOptions(),
      retryBaseMs: 10,
    });
    await built.app.ready();
    await until(() => fake.rest.length >= 3, 'three attempts');
    expect(logs.filter((l) => l.msg === 'discord login failed; retrying').length).toBeGreaterThanOrEqual(2);
    expect((await built.app.inject({ url: '/status' })).statusCode).toBe(200);

    // Discord comes back: the next attempt logs in.
    fake.unreachable = false;
    await until(() => fake.connects === 1, 'login');
    await built.app.close();
    const attempts = fake.rest.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.rest.length).toBe(attempts);
    app = undefined;
  });
});
