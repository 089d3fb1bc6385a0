// The interaction adapter on its own: deferral of slow replies, reply failures, foreign
// interactions. Interactions are raw INTERACTION_CREATE packets through discord.js.
import { Events } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { handleInteraction, readOptions } from '../../src/discord/adapter.ts';
import type { AdapterDeps } from '../../src/discord/adapter.ts';
import { createClient } from '../../src/discord/bot.ts';
import type { Queryable } from '../../src/discord/context.ts';
import { assertValidEmbed } from './embeds.ts';
import { FakeDiscord } from './fake-discord.ts';
import { APP_ID, rawWlabInteraction } from './payloads.ts';
import { DISCORD, RecordingScheduler } from './scenario.ts';

let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  client = undefined;
});

const noDb: Queryable = { query: async () => Promise.reject(new Error('no database in this test')) };

async function connect(deps: Partial<AdapterDeps> = {}) {
  const fake = new FakeDiscord({});
  client = createClient(fake.clientOptions());
  const warnings: Array<{ obj: object; msg: string }> = [];
  const results: boolean[] = [];
  const full: AdapterDeps = {
    db: noDb,
    scheduler: new RecordingScheduler(),
    adminIds: new Set([DISCORD.admin]),
    version: '9.9.9',
    startedAt: new Date(Date.now() - 5000),
    log: {
      info: () => {},
      warn: (obj, msg) => void warnings.push({ obj, msg }),
      error: (obj, msg) => void warnings.push({ obj, msg }),
    },
    ...deps,
  };
  const handled: Interaction[] = [];
  client.on(Events.InteractionCreate, (i) => {
    handled.push(i);
    void handleInteraction(i, full).then((r) => results.push(r));
  });
  await client.login('fake-token');
  return { fake, warnings, results, handled };
}

describe('interaction adapter', () => {
  it('reads the subcommand and its options from the raw payload', async () => {
    const { fake, handled } = await connect();
    fake.dispatch(
      'INTERACTION_CREATE',
      rawWlabInteraction(DISCORD.alice, 'drain', [{ name: 'node', type: 3, value: 'bob-server' }]),
    );
    await expect.poll(() => handled.length).toBe(1);
    const i = handled[0]!;
    expect(i.isChatInputCommand()).toBe(true);
    if (i.isChatInputCommand())
      expect(readOptions(i)).toEqual({ name: 'drain', options: { node: 'bob-server' } });
  });

  it('defers a slow reply, then edits it in', async () => {
    const slow: Queryable = {
      query: async () => {
        await new Promise((r) => setTimeout(r, 150));
        return { rows: [], rowCount: 0, command: 'SELECT', oid: 0, fields: [] };
      },
    };
    const { fake, warnings } = await connect({ db: slow, deferAfterMs: 20 });
    const raw = rawWlabInteraction(DISCORD.alice, 'jobs');
    fake.dispatch('INTERACTION_CREATE', raw);
    const edit = await fake.waitForRest(
      (c) => c.path === `/webhooks/${APP_ID}/${raw.token}/messages/@original`,
    );
    const callback = fake.rest.find((c) => c.path === `/interactions/${raw.id}/${raw.token}/callback`);
    // type 5: DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, private like the final reply.
    expect(callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(fake.rest.indexOf(callback!)).toBeLessThan(fake.rest.indexOf(edit));
    expect(edit.method).toBe('PATCH');
    const embeds = (edit.body as { embeds: Parameters<typeof assertValidEmbed>[0][] }).embeds;
    // The caller has no linked account in an empty result set.
    expect(embeds[0]?.title).toBe('Link your Discord account on the site');
    for (const e of embeds) assertValidEmbed(e);
    expect(warnings).toEqual([]);
  });

  it('logs a reply Discord rejects instead of throwing', async () => {
    const { fake, warnings, results } = await connect();
    fake.expireInteractions = true;
    fake.dispatch('INTERACTION_CREATE', rawWlabInteraction(DISCORD.alice, 'ping'));
    await expect.poll(() => results.length).toBe(1);
    expect(results).toEqual([true]);
    expect(warnings.map((w) => w.msg)).toEqual(['discord reply failed']);
    expect(warnings[0]?.obj).toMatchObject({
      command: 'ping',
      discordUserId: DISCORD.alice,
      err: { code: 10062 },
    });
  });

  it('ignores other commands and non-command interactions', async () => {
    const { fake, results } = await connect();
    const other = rawWlabInteraction(DISCORD.alice, 'ping');
    fake.dispatch('INTERACTION_CREATE', { ...other, data: { ...other.data, name: 'other' } });
    // type 4: autocomplete
    fake.dispatch('INTERACTION_CREATE', { ...rawWlabInteraction(DISCORD.alice, 'job'), type: 4 });
    await expect.poll(() => results.length).toBe(2);
    expect(results).toEqual([false, false]);
    expect(fake.rest.filter((c) => c.path.startsWith('/interactions/'))).toEqual([]);
  });

  it('refuses admin commands to non-admins without touching the scheduler', async () => {
    const scheduler = new RecordingScheduler();
    const { fake } = await connect({ scheduler });
    const raw = rawWlabInteraction(DISCORD.bob, 'pause-scheduling');
    fake.dispatch('INTERACTION_CREATE', raw);
    const call = await fake.waitForRest((c) => c.path === `/interactions/${raw.id}/${raw.token}/callback`);
    const body = call.body as {
      type: number;
      data: { flags: number; embeds: Parameters<typeof assertValidEmbed>[0][] };
    };
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]?.title).toBe('Admins only');
    expect(scheduler.isPaused()).toBe(false);
  });
});
