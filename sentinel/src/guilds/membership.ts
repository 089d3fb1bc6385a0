// Which Discord users are members of which guilds. The Discord bot (sentinel/src/discord)
// writes to `app.guildMembership` (SharedGuildMembership, which keeps one of these sets as its
// mirror of the database); the scheduler only asks `isMember`.

export interface GuildMembership {
  isMember(guildId: string, discordUserId: string): boolean;
}

/** In-memory membership sets, empty by default. */
export class GuildMembershipSet implements GuildMembership {
  private readonly guilds = new Map<string, Set<string>>();

  isMember(guildId: string, discordUserId: string): boolean {
    return this.guilds.get(guildId)?.has(discordUserId) ?? false;
  }

  add(guildId: string, discordUserId: string): void {
    let members = this.guilds.get(guildId);
    if (!members) this.guilds.set(guildId, (members = new Set()));
    members.add(discordUserId);
  }

  remove(guildId: string, discordUserId: string): void {
    this.guilds.get(guildId)?.delete(discordUserId);
  }

  /** Replaces a guild's whole member list (e.g. after a full member fetch). */
  setMembers(guildId: string, discordUserIds: Iterable<string>): void {
    this.guilds.set(guildId, new Set(discordUserIds));
  }

  clearGuild(guildId: string): void {
    this.guilds.delete(guildId);
  }
}
