// private.guild_members: Discord guild membership shared by every sentinel instance
// (guilds/shared-membership.ts keeps the in-memory mirror). Writes NOTIFY `guild_members`.
import type { DbClient, Queryable } from './pool.ts';

export const GUILD_MEMBERS_CHANNEL = 'guild_members';

export async function replaceGuildMembers(c: DbClient, guildId: string, ids: string[]): Promise<void> {
  await c.query(`DELETE FROM private.guild_members WHERE guild_id = $1`, [guildId]);
  await c.query(
    `INSERT INTO private.guild_members (guild_id, discord_user_id)
     SELECT $1, u FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING`,
    [guildId, ids],
  );
}

export async function addGuildMember(c: DbClient, guildId: string, discordUserId: string): Promise<void> {
  await c.query(`INSERT INTO private.guild_members VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    guildId,
    discordUserId,
  ]);
}

export async function removeGuildMember(c: DbClient, guildId: string, discordUserId: string): Promise<void> {
  await c.query(`DELETE FROM private.guild_members WHERE guild_id = $1 AND discord_user_id = $2`, [
    guildId,
    discordUserId,
  ]);
}

export async function clearGuildMembers(c: DbClient, guildId: string): Promise<void> {
  await c.query(`DELETE FROM private.guild_members WHERE guild_id = $1`, [guildId]);
}

/** Tells every instance (this one too) what changed. */
export async function notifyGuildMembers(c: DbClient, change: unknown): Promise<void> {
  await c.query(`SELECT pg_notify($1, $2)`, [GUILD_MEMBERS_CHANNEL, JSON.stringify(change)]);
}

export async function loadAllGuildMembers(
  db: Queryable,
): Promise<Array<{ guildId: string; discordUserId: string }>> {
  const { rows } = await db.query(`SELECT guild_id, discord_user_id FROM private.guild_members`);
  return (rows as Array<{ guild_id: string; discord_user_id: string }>).map((r) => ({
    guildId: r.guild_id,
    discordUserId: r.discord_user_id,
  }));
}

export async function loadGuildMembers(db: Queryable, guildId: string): Promise<string[]> {
  const { rows } = await db.query(`SELECT discord_user_id FROM private.guild_members WHERE guild_id = $1`, [
    guildId,
  ]);
  return (rows as Array<{ discord_user_id: string }>).map((r) => r.discord_user_id);
}
