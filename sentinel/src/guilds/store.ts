// The write side of guild membership. The read side (`isMember`) and the in-memory store,
// GuildMembershipSet, live in ../scheduler/guild-membership.ts (the scheduler asks it whether
// a node's owner is in a job's Discord server); the bot fills that same store, so this
// interface names exactly the mutators GuildMembershipSet has.
import type { GuildMembership } from './membership.ts';

export interface GuildMembershipWriter {
  /** Replaces the whole member set of a guild (initial fetch, guild join, outage recovery). */
  setMembers(guildId: string, discordUserIds: Iterable<string>): void;
  add(guildId: string, discordUserId: string): void;
  remove(guildId: string, discordUserId: string): void;
  /** The bot left the guild (or it was deleted): nobody counts as a member any more. */
  clearGuild(guildId: string): void;
}

export type GuildMembershipStore = GuildMembership & GuildMembershipWriter;

export function isMembershipStore(value: unknown): value is GuildMembershipStore {
  const v = value as Partial<Record<keyof GuildMembershipStore, unknown>> | null;
  return (
    typeof v?.isMember === 'function' &&
    typeof v.setMembers === 'function' &&
    typeof v.add === 'function' &&
    typeof v.remove === 'function' &&
    typeof v.clearGuild === 'function'
  );
}
