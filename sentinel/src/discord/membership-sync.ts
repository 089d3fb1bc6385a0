// Keeps a GuildMembershipWriter in step with the gateway: a full member fetch per guild when a
// shard becomes ready (first login and every re-identify), when the bot joins a guild and when
// a guild comes back from an outage; single adds/removes from member events. Member events
// that arrive while a guild's fetch is in flight are replayed on top of the fetched snapshot.
import { Events } from 'discord.js';
import type { Client, Guild, GuildMember, PartialGuildMember } from 'discord.js';
import type { GuildMembershipWriter } from '../guilds/store.ts';

export interface SyncLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Lists a guild's member ids; the default asks the gateway (needs the GuildMembers intent). */
export type MemberFetcher = (guild: Guild) => Promise<Iterable<string>>;

export const gatewayMemberFetcher: MemberFetcher = async (guild) => (await guild.members.fetch()).keys();

type Change = { op: 'add' | 'remove'; userId: string };

export interface MembershipSync {
  /** Fetches the given guild's members now (queued behind other fetches). */
  refresh(guildId: string): Promise<void>;
  /** Resolves when every queued fetch has finished. */
  idle(): Promise<void>;
  detach(): void;
}

export function syncGuildMembership(
  client: Client,
  store: GuildMembershipWriter,
  log: SyncLogger,
  fetchMembers: MemberFetcher = gatewayMemberFetcher,
): MembershipSync {
  const inFlight = new Map<string, Change[]>();
  const queued = new Set<string>();
  // One fetch at a time: member requests are rate limited per gateway connection.
  let chain: Promise<void> = Promise.resolve();
  let detached = false;

  async function fetchGuild(guildId: string): Promise<void> {
    queued.delete(guildId);
    const guild = client.guilds.cache.get(guildId);
    if (detached || !guild || !guild.available) return;
    const changes: Change[] = [];
    inFlight.set(guildId, changes);
    try {
      const ids = await fetchMembers(guild);
      if (detached || !client.guilds.cache.has(guildId)) return;
      store.setMembers(guildId, ids);
      for (const c of changes) {
        if (c.op === 'add') store.add(guildId, c.userId);
        else store.remove(guildId, c.userId);
      }
      log.info({ guildId, replayed: changes.length }, 'discord guild members loaded');
    } catch (err) {
      log.warn({ err, guildId }, 'discord guild member fetch failed; keeping the previous member set');
    } finally {
      inFlight.delete(guildId);
    }
  }

  function refresh(guildId: string): Promise<void> {
    if (queued.has(guildId)) return chain;
    queued.add(guildId);
    chain = chain.then(() => fetchGuild(guildId));
    return chain;
  }

  function change(guildId: string, op: Change['op'], userId: string): void {
    inFlight.get(guildId)?.push({ op, userId });
    if (op === 'add') store.add(guildId, userId);
    else store.remove(guildId, userId);
  }

  const onShardReady = (shardId: number): void => {
    for (const guild of client.guilds.cache.values()) if (guild.shardId === shardId) void refresh(guild.id);
  };
  const onGuild = (guild: Guild): void => void refresh(guild.id);
  const onGuildDelete = (guild: Guild): void => {
    inFlight.delete(guild.id);
    store.clearGuild(guild.id);
    log.info({ guildId: guild.id }, 'discord guild left');
  };
  const onMemberAdd = (member: GuildMember): void => change(member.guild.id, 'add', member.id);
  const onMemberRemove = (member: GuildMember | PartialGuildMember): void =>
    change(member.guild.id, 'remove', member.id);

  client.on(Events.ShardReady, onShardReady);
  client.on(Events.GuildCreate, onGuild);
  client.on(Events.GuildAvailable, onGuild);
  client.on(Events.GuildDelete, onGuildDelete);
  client.on(Events.GuildMemberAdd, onMemberAdd);
  client.on(Events.GuildMemberRemove, onMemberRemove);

  return {
    refresh,
    idle: async () => {
      let last: Promise<void> | undefined;
      while (last !== chain) {
        last = chain;
        await chain;
      }
    },
    detach: () => {
      detached = true;
      client.off(Events.ShardReady, onShardReady);
      client.off(Events.GuildCreate, onGuild);
      client.off(Events.GuildAvailable, onGuild);
      client.off(Events.GuildDelete, onGuildDelete);
      client.off(Events.GuildMemberAdd, onMemberAdd);
      client.off(Events.GuildMemberRemove, onMemberRemove);
    },
  };
}
