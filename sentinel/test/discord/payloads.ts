export const APP_ID = '1170000000000000000';
export const BOT_ID = '1170000000000000042';

// Raw Discord API payloads, shaped as Discord sends them.

export function rawUser(id: string, username = `user${id.slice(-4)}`) {
  return { id, username, global_name: username, discriminator: '0', avatar: null, public_flags: 0 };
}

export function rawMember(id: string) {
  return {
    user: rawUser(id),
    roles: [],
    joined_at: '2025-01-01T00:00:00.000000+00:00',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
  };
}

export function rawGuild(id: string, memberIds: string[] = []) {
  return {
    id,
    name: `guild ${id.slice(-4)}`,
    icon: null,
    owner_id: memberIds[0] ?? '1',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [],
    emojis: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: '2025-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    member_count: memberIds.length,
    voice_states: [],
    members: memberIds.map(rawMember),
    channels: [],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

let interactionSeq = 0;

/** An APPLICATION_COMMAND interaction for /wlab <sub> as Discord sends it from a guild (or a DM). */
export function rawWlabInteraction(
  userId: string,
  sub: string,
  options: Array<{ name: string; type: number; value: string | number | boolean }> = [],
  where: { guildId?: string } = { guildId: '1190000000000000000' },
) {
  const id = `12000000000000${String(++interactionSeq).padStart(5, '0')}`;
  const base = {
    id,
    application_id: APP_ID,
    type: 2,
    data: {
      id: '1175000000000000000',
      name: 'wlab',
      type: 1,
      options: [{ type: 1, name: sub, options }],
    },
    channel_id: '1180000000000000000',
    token: `interaction-token-${id}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10485760,
  };
  return where.guildId
    ? {
        ...base,
        guild_id: where.guildId,
        guild_locale: 'en-US',
        context: 0,
        authorizing_integration_owners: { '0': where.guildId },
        channel: {
          id: base.channel_id,
          type: 0,
          guild_id: where.guildId,
          name: 'general',
          flags: 0,
          permissions: '0',
        },
        member: { ...rawMember(userId), permissions: '2248473465835073' },
      }
    : {
        ...base,
        context: 1,
        authorizing_integration_owners: { '1': userId },
        channel: { id: base.channel_id, type: 1, flags: 0, recipients: [rawUser(userId)] },
        user: rawUser(userId),
      };
}
