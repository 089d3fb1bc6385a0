// Guild membership sync on a discord.js client connected to the fake gateway, and the
// scheduler's discord eligibility reading the same store.
import type { Client, Guild } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/discord/bot.ts';
import { syncGuildMembership } from '../../src/discord/membership-sync.ts';
import type { MembershipSync } from '../../src/discord/membership-sync.ts';
import { GuildMembershipSet } from '../../src/guilds/membership.ts';
import { isEligible } from '../../src/scheduler/match.ts';
import type { MatchJob, MatchNode } from '../../src/scheduler/match.ts';
import { FakeDiscord, rawMember, rawUser } from './fake-discord.ts';

const GUILD = '1190000000000000010';
const OTHER = '1190000000000000011';
const A = '500000000000000001';
const B = '500000000000000002';
const C = '500000000000000003';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let client: Client | undefined;
let sync: MembershipSync | undefined;
afterEach(async () => {
  sync?.detach();
  await client?.destroy();
  client = undefined;
});

function logger() {
  const warnings: Array<{ obj: object; msg: string }> = [];
  return {
    warnings,
    log: { info: () => {}, warn: (obj: object, msg: string) => void warnings.push({ obj, msg }) },
  };
}

describe('guild membership sync', () => {
  it('replays member events that arrive while the initial fetch is in flight', async () => {
    const fake = new FakeDiscord({ [GUILD]: [] });
    const store = new GuildMembershipSet();
    const fetches: Array<{ guild: Guild; result: ReturnType<typeof deferred<Iterable<string>>> }> = [];
    client = createClient(fake.clientOptions());
    const { log } = logger();
    sync = syncGuildMembership(client, store, log, (guild) => {
      const result = deferred<Iterable<string>>();
      fetches.push({ guild, result });
      return result.promise;
    });
    await client.login('fake-token');
    await until(() => fetches.length === 1, 'the initial fetch');
    expect(fetches[0]?.guild.id).toBe(GUILD);

    // Snapshot taken before these events: it still lists A and not C.
    fake.dispatch('GUILD_MEMBER_ADD', { ...rawMember(C), guild_id: GUILD });
    fake.dispatch('GUILD_MEMBER_REMOVE', { guild_id: GUILD, user: rawUser(A) });
    fetches[0]?.result.resolve([A, B]);
    await sync.idle();

    expect(store.isMember(GUILD, A)).toBe(false);
    expect(store.isMember(GUILD, B)).toBe(true);
    expect(store.isMember(GUILD, C)).toBe(true);
  });

  it('keeps the previous member set when a refresh fails', async () => {
    const fake = new FakeDiscord({ [GUILD]: [A] });
    const store = new GuildMembershipSet();
    client = createClient(fake.clientOptions());
    const { log, warnings } = logger();
    let fail = false;
    sync = syncGuildMembership(client, store, log, async (guild) => {
      if (fail) throw new Error('Members didn’t arrive in time.');
      return (await guild.members.fetch()).keys();
    });
    await client.login('fake-token');
    await until(() => store.isMember(GUILD, A), 'initial members');
    fail = true;
    await sync.refresh(GUILD);
    expect(store.isMember(GUILD, A)).toBe(true);
    expect(warnings.map((w) => w.msg)).toEqual([
      'discord guild member fetch failed; keeping the previous member set',
    ]);
  });

  it('a guild whose member request times out does not block the next one', async () => {
    const fake = new FakeDiscord({ [GUILD]: [A], [OTHER]: [B] });
    fake.unansweredGuilds.add(GUILD);
    const store = new GuildMembershipSet();
    client = createClient(fake.clientOptions());
    const { log, warnings } = logger();
    // discord.js's own gateway member fetch, with a short timeout instead of 120 s.
    sync = syncGuildMembership(client, store, log, async (guild) =>
      (await guild.members.fetch({ time: 100 })).keys(),
    );
    await client.login('fake-token');
    await until(() => store.isMember(OTHER, B), 'the second guild');
    expect(store.isMember(GUILD, A)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.obj).toMatchObject({ guildId: GUILD });
  });
});

describe('reconnects', () => {
  it('a new gateway session reloads every guild (changes missed while disconnected)', async () => {
    const fake = new FakeDiscord({ [GUILD]: [A], [OTHER]: [B] });
    const store = new GuildMembershipSet();
    client = createClient(fake.clientOptions());
    sync = syncGuildMembership(client, store, logger().log);
    await client.login('fake-token');
    await until(() => store.isMember(GUILD, A) && store.isMember(OTHER, B), 'initial members');

    // While the bot was away: A left GUILD, C joined it.
    fake.guilds.set(GUILD, [C]);
    fake.reidentify();
    await until(() => store.isMember(GUILD, C), 'reloaded members');
    await sync.idle();
    expect(store.isMember(GUILD, A)).toBe(false);
    expect(store.isMember(OTHER, B)).toBe(true);
    expect(fake.connects).toBe(1);
  });
});

describe("the scheduler's discord eligibility", () => {
  const node: MatchNode = {
    id: 'n1',
    userId: 'node-owner',
    ownerDiscordId: B,
    engineVersion: '0.1.0',
    userTargets: new Set(),
    guildTargets: [GUILD],
    allowsPublic: false,
    free: 4,
  };
  const job: MatchJob = {
    jobUserId: 'job-owner',
    jobAccess: 'discord',
    jobDiscordServerId: GUILD,
    jobEngineVersion: '0.1.0',
    ownerDiscordId: A,
  };

  it('follows the member set the bot keeps', async () => {
    const fake = new FakeDiscord({ [GUILD]: [B] });
    const store = new GuildMembershipSet();
    client = createClient(fake.clientOptions());
    sync = syncGuildMembership(client, store, logger().log);
    await client.login('fake-token');
    await until(() => store.isMember(GUILD, B), 'initial members');
    expect(isEligible(job, node, store)).toBe(false);

    fake.dispatch('GUILD_MEMBER_ADD', { ...rawMember(A), guild_id: GUILD });
    expect(isEligible(job, node, store)).toBe(true);
    // A job shared with another server is not eligible on this server's nodes.
    expect(isEligible({ ...job, jobDiscordServerId: OTHER }, node, store)).toBe(false);

    fake.dispatch('GUILD_MEMBER_REMOVE', { guild_id: GUILD, user: rawUser(A) });
    expect(isEligible(job, node, store)).toBe(false);

    fake.dispatch('GUILD_MEMBER_ADD', { ...rawMember(A), guild_id: GUILD });
    expect(isEligible(job, node, store)).toBe(true);
    // the node's owner left the server: the node no longer serves it
    fake.dispatch('GUILD_MEMBER_REMOVE', { guild_id: GUILD, user: rawUser(B) });
    expect(isEligible(job, node, store)).toBe(false);

    fake.dispatch('GUILD_MEMBER_ADD', { ...rawMember(B), guild_id: GUILD });
    fake.dispatch('GUILD_DELETE', { id: GUILD });
    expect(isEligible(job, node, store)).toBe(false);
  });
});
