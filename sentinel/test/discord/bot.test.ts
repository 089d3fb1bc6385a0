// The bot end to end through the Fastify plugin: discord.js logs in to a fake Discord (REST and
// gateway transports replaced through discord.js options), loads guild members over the
// gateway, routes raw INTERACTION_CREATE packets to the handlers (real database) and sends
// the replies through the interaction callback endpoint.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { APIEmbed } from 'discord.js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import discordPlugin from '../../src/discord/plugin.ts';
import { GuildMembershipSet } from '../../src/guilds/membership.ts';
import { assertValidEmbed } from './embeds.ts';
import { FakeDiscord, rawMember, rawUser } from './fake-discord.ts';
import type { RestCall } from './fake-discord.ts';
import { rawGuild, rawWlabInteraction } from './payloads.ts';
import { DISCORD, RecordingScheduler, openScenario } from './scenario.ts';

const GUILD_A = '1190000000000000001';
const GUILD_B = '1190000000000000002';
const GUILD_C = '1190000000000000003';
const CAROL = '444444444444444444';

let pool: pg.Pool;
let close: () => Promise<void>;
let app: FastifyInstance;
let fake: FakeDiscord;
const membership = new GuildMembershipSet();
const scheduler = new RecordingScheduler();
const logs: Array<{ level: number; msg: string; component?: string }> = [];

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  ({ pool, close } = await openScenario());
  fake = new FakeDiscord({ [GUILD_A]: [DISCORD.alice, DISCORD.bob], [GUILD_B]: [CAROL] });
  app = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
  });
  await app.register(discordPlugin, {
    token: 'fake-token',
    adminIds: [DISCORD.admin],
    db: pool,
    scheduler,
    membership,
    clientOptions: fake.clientOptions(),
  });
  await app.ready();
  await until(
    () => membership.isMember(GUILD_A, DISCORD.alice) && membership.isMember(GUILD_B, CAROL),
    'members',
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
  await close?.();
});

type CallbackBody = {
  type: number;
  data: { embeds: APIEmbed[]; flags?: number; allowed_mentions?: unknown };
};

async function interact(...args: Parameters<typeof rawWlabInteraction>): Promise<CallbackBody> {
  const raw = rawWlabInteraction(...args);
  fake.dispatch('INTERACTION_CREATE', raw);
  const call: RestCall = await fake.waitForRest(
    (c) => c.path === `/interactions/${raw.id}/${raw.token}/callback`,
  );
  expect(call.method).toBe('POST');
  const body = call.body as CallbackBody;
  for (const e of body.data.embeds) assertValidEmbed(e);
  return body;
}

const EPHEMERAL = 64;

describe('login and guild membership', () => {
  it('logs in once and fetches each guild over the gateway', () => {
    expect(fake.connects).toBe(1);
    const requests = fake.gatewaySends.filter((p) => p.op === 8).map((p) => p.d.guild_id);
    expect(requests.sort()).toEqual([GUILD_A, GUILD_B]);
    expect(membership.isMember(GUILD_A, DISCORD.bob)).toBe(true);
    expect(membership.isMember(GUILD_B, DISCORD.alice)).toBe(false);
    expect(app.discordBot?.client.isReady()).toBe(true);
    expect(logs.some((l) => l.msg === 'discord bot ready')).toBe(true);
  });

  it('member add and remove events update the set', async () => {
    fake.dispatch('GUILD_MEMBER_ADD', { ...rawMember(DISCORD.alice), guild_id: GUILD_B });
    fake.dispatch('GUILD_MEMBER_REMOVE', { guild_id: GUILD_A, user: rawUser(DISCORD.bob) });
    await until(() => membership.isMember(GUILD_B, DISCORD.alice), 'add');
    expect(membership.isMember(GUILD_A, DISCORD.bob)).toBe(false);
    expect(membership.isMember(GUILD_A, DISCORD.alice)).toBe(true);
  });

  it('joining a guild loads its members; leaving one forgets them; an outage does not', async () => {
    fake.guilds.set(GUILD_C, [DISCORD.stranger]);
    fake.dispatch('GUILD_CREATE', rawGuild(GUILD_C));
    await until(() => membership.isMember(GUILD_C, DISCORD.stranger), 'join');
    fake.dispatch('GUILD_DELETE', { id: GUILD_B, unavailable: true });
    fake.dispatch('GUILD_DELETE', { id: GUILD_C });
    await until(() => !membership.isMember(GUILD_C, DISCORD.stranger), 'leave');
    expect(membership.isMember(GUILD_B, CAROL)).toBe(true);
  });
});

describe('interactions', () => {
  it('routes /wlab jobs from a guild and answers privately', async () => {
    const body = await interact(DISCORD.alice, 'jobs');
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0]?.title).toBe('Your recent jobs');
    expect(body.data.embeds[0]?.fields).toHaveLength(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers /wlab stats publicly', async () => {
    const body = await interact(DISCORD.stranger, 'stats');
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.embeds[0]?.title).toBe('wowlab: last hour');
  });

  it('passes string options and works in DMs', async () => {
    const missing = '00000000-0000-0000-0000-000000000000';
    const body = await interact(DISCORD.alice, 'job', [{ name: 'id', type: 3, value: missing }], {});
    expect(body.data.embeds[0]?.title).toBe('Job not found');
    const unlinked = await interact(DISCORD.stranger, 'jobs', [], {});
    expect(unlinked.data.embeds[0]?.title).toBe('Link your Discord account on the site');
  });

  it('admin commands act for admins only', async () => {
    expect((await interact(DISCORD.alice, 'pause-scheduling')).data.embeds[0]?.title).toBe('Admins only');
    expect(scheduler.isPaused()).toBe(false);
    expect((await interact(DISCORD.admin, 'pause-scheduling')).data.embeds[0]?.title).toBe(
      'Scheduling paused',
    );
    expect(scheduler.isPaused()).toBe(true);
    await until(
      () => logs.some((l) => l.msg === 'discord command' && (l as { admin?: boolean }).admin === true),
      'audit log',
    );
    expect((await interact(DISCORD.admin, 'resume-scheduling')).data.embeds[0]?.title).toBe(
      'Scheduling resumed',
    );
  });
});
