-- Discord guild membership (who is in which server: `discord`-access jobs and discord-permitted
-- nodes depend on it) lived in the memory of the sentinel instance running the bot, so the
-- other instances never offered those jobs to their nodes. The bot's instance now writes it
-- here and NOTIFYs `guild_members`; every instance keeps a mirror for the scheduler. Only the
-- sentinel (the owner) touches it: RLS on, no API role privileges.
create table private.guild_members (
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  discord_user_id text not null check (discord_user_id ~ '^[0-9]{1,20}$'),
  primary key (guild_id, discord_user_id)
);

alter table private.guild_members enable row level security;
revoke all on private.guild_members from public, anon, authenticated, service_role;
