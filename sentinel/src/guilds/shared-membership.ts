// Guild membership shared by every sentinel instance on the database (migration
// 20261127110300_share_guild_membership). The bot's instance writes each change through to
// private.guild_members and NOTIFYs it on `guild_members`; every instance keeps a mirror in
// memory, which is what the scheduler asks (isMember runs per chunk × node in a pass, so it
// must not wait on the database). Writes apply to the local mirror at once and reach the table
// in order; the mirror is reloaded whole at start and after the LISTEN connection comes back.
// Notifications and reloads run one at a time in arrival order (NOTIFYs arrive in commit
// order), so a guild re-read for a 'set' cannot land after, and undo, a later add or remove.
import type { FastifyBaseLogger } from 'fastify';
import {
  addGuildMember,
  clearGuildMembers,
  loadAllGuildMembers,
  loadGuildMembers,
  notifyGuildMembers,
  removeGuildMember,
  replaceGuildMembers,
} from '../db/guild-members.ts';
import { withTransaction, type Db, type DbClient } from '../db/pool.ts';
import type { GuildMembershipStore } from './store.ts';
import { GuildMembershipSet } from './membership.ts';

export { GUILD_MEMBERS_CHANNEL } from '../db/guild-members.ts';

type Change = { op: 'set' | 'clear'; guild: string } | { op: 'add' | 'remove'; guild: string; user: string };

export class SharedGuildMembership implements GuildMembershipStore {
  private mirror = new GuildMembershipSet();
  private writes: Promise<void> = Promise.resolve();
  /** Notifications and reloads, applied in arrival order. */
  private reads: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: Pick<FastifyBaseLogger, 'error'>,
  ) {}

  isMember(guildId: string, discordUserId: string): boolean {
    return this.mirror.isMember(guildId, discordUserId);
  }

  setMembers(guildId: string, discordUserIds: Iterable<string>): void {
    const ids = [...discordUserIds];
    this.mirror.setMembers(guildId, ids);
    this.write({ op: 'set', guild: guildId }, (c) => replaceGuildMembers(c, guildId, ids));
  }

  add(guildId: string, discordUserId: string): void {
    this.mirror.add(guildId, discordUserId);
    this.write({ op: 'add', guild: guildId, user: discordUserId }, (c) =>
      addGuildMember(c, guildId, discordUserId),
    );
  }

  remove(guildId: string, discordUserId: string): void {
    this.mirror.remove(guildId, discordUserId);
    this.write({ op: 'remove', guild: guildId, user: discordUserId }, (c) =>
      removeGuildMember(c, guildId, discordUserId),
    );
  }

  clearGuild(guildId: string): void {
    this.mirror.clearGuild(guildId);
    this.write({ op: 'clear', guild: guildId }, (c) => clearGuildMembers(c, guildId));
  }

  /** Resolves when every change made so far has reached the database. */
  flush(): Promise<void> {
    return this.writes;
  }

  /** Replaces the mirror with the whole table (after the notifications already queued). */
  load(): Promise<void> {
    return this.read(async () => {
      const next = new GuildMembershipSet();
      for (const r of await loadAllGuildMembers(this.db)) next.add(r.guildId, r.discordUserId);
      this.mirror = next;
    });
  }

  /** Applies a change NOTIFYed by any instance (this one's own come back too: all idempotent). */
  apply(payload: string): Promise<void> {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return Promise.resolve();
    }
    if (typeof change?.guild !== 'string') return Promise.resolve();
    return this.read(async () => {
      if (change.op === 'add' && typeof change.user === 'string') this.mirror.add(change.guild, change.user);
      else if (change.op === 'remove' && typeof change.user === 'string')
        this.mirror.remove(change.guild, change.user);
      else if (change.op === 'clear') this.mirror.clearGuild(change.guild);
      else if (change.op === 'set') {
        this.mirror.setMembers(change.guild, await loadGuildMembers(this.db, change.guild));
      }
    });
  }

  private read(step: () => Promise<void>): Promise<void> {
    const next = this.reads.then(step);
    this.reads = next.catch(() => undefined); // a failed step does not stop the ones after it
    return next;
  }

  private write(change: Change, run: (client: DbClient) => Promise<unknown>): void {
    this.writes = this.writes
      .then(() =>
        withTransaction(this.db, async (client) => {
          await run(client);
          await notifyGuildMembers(client, change);
        }),
      )
      .catch((err: unknown) =>
        this.log.error({ err, op: change.op, guildId: change.guild }, 'guild membership write failed'),
      );
  }
}
