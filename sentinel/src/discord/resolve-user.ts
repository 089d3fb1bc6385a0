// Maps a Discord user to the wowlab account that linked it (Supabase Auth identity;
// (provider, provider_id) is unique there).
import type { Queryable } from './context.ts';

export async function resolveUserId(db: Queryable, discordUserId: string): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(
    `select user_id::text as user_id
       from auth.identities
      where provider = 'discord' and provider_id = $1::text
      limit 1`,
    [discordUserId],
  );
  return rows[0]?.user_id ?? null;
}
