// Fastify plugin 'discord': starts the Discord bot when a token is configured, and does
// nothing else otherwise. The bot never takes the sentinel down: login runs in the
// background (retrying while Discord is unreachable), every failure is logged through the
// app's logger, and the client is closed on app close.
//
//   app.register(discordPlugin)                           // reads app.config / app.db / app.scheduler / app.guildMembership
//   app.register(discordPlugin, { token, adminIds, db })  // or explicit options (tests)
import { ENGINE_VERSION } from '@wowlab/sim-core';
import type { ClientOptions } from 'discord.js';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { GuildMembershipSet } from '../guilds/membership.ts';
import { createDiscordBot } from './bot.ts';
import type { DiscordBot } from './bot.ts';
import type { Queryable, SchedulerControl } from './context.ts';
import { isMembershipStore } from '../guilds/store.ts';
import type { GuildMembershipStore } from '../guilds/store.ts';
import type { MemberFetcher } from './membership-sync.ts';
import pkg from '../../package.json' with { type: 'json' };

export interface DiscordPluginOptions {
  /** Bot token; defaults to `app.config.discordToken`. No token: the plugin does nothing. */
  token?: string | null;
  /** Discord user ids with admin rights; defaults to `app.config.discordAdminIds`. */
  adminIds?: readonly string[];
  /** Defaults to the app's pool (`app.db`). */
  db?: Queryable;
  /** Defaults to `app.scheduler`. */
  scheduler?: SchedulerControl;
  /** The store the scheduler reads; defaults to `app.guildMembership`. */
  membership?: GuildMembershipStore;
  version?: string;
  /** Test hooks. */
  clientOptions?: Partial<ClientOptions>;
  fetchMembers?: MemberFetcher;
  retryBaseMs?: number;
}

/** The app decorations the plugin falls back to (declared loosely: they belong to app.ts). */
interface AppDecorations {
  config?: { discordToken?: string | null; discordAdminIds?: readonly string[] };
  db?: Queryable;
  scheduler?: SchedulerControl;
  guildMembership?: unknown;
  /** Epoch ms the sentinel started. */
  startedAt?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The running bot, or null when no DISCORD_TOKEN is configured. */
    discordBot: DiscordBot | null;
  }
}

async function discordPlugin(app: FastifyInstance, opts: DiscordPluginOptions): Promise<void> {
  const deco = app as unknown as AppDecorations;
  const log = app.log.child({ component: 'discord' });
  const token = (opts.token !== undefined ? opts.token : deco.config?.discordToken)?.trim() || null;
  app.decorate('discordBot', null);
  if (!token) {
    log.info('DISCORD_TOKEN not set: Discord bot disabled');
    return;
  }
  const db = opts.db ?? deco.db;
  const scheduler = opts.scheduler ?? deco.scheduler;
  if (!db || !scheduler) {
    log.error(
      { hasDb: !!db, hasScheduler: !!scheduler },
      'Discord bot disabled: database pool or scheduler missing',
    );
    return;
  }
  let membership = opts.membership ?? deco.guildMembership;
  if (!isMembershipStore(membership)) {
    log.warn(
      'app.guildMembership is not writable: guild members are kept in a private set the scheduler does not see',
    );
    membership = new GuildMembershipSet();
  }

  const bot = createDiscordBot({
    token,
    membership: membership as GuildMembershipStore,
    log,
    fetchMembers: opts.fetchMembers,
    clientOptions: opts.clientOptions,
    retryBaseMs: opts.retryBaseMs,
    deps: {
      db,
      scheduler,
      adminIds: new Set(opts.adminIds ?? deco.config?.discordAdminIds ?? []),
      version: opts.version ?? pkg.version,
      engineVersion: ENGINE_VERSION,
      startedAt: new Date(typeof deco.startedAt === 'number' ? deco.startedAt : Date.now()),
    },
  });
  app.discordBot = bot;

  let starting: Promise<void> | undefined;
  app.addHook('onReady', async () => {
    // Not awaited: the sentinel serves and schedules whether or not Discord answers.
    starting = bot.start().catch((err: unknown) => log.error({ err }, 'discord bot start failed'));
  });
  app.addHook('onClose', async () => {
    await bot.stop();
    await starting;
  });
}

// Its dependencies (pool, scheduler, guild membership) come as options or, when absent, from
// the app's decorations: registered after the runtime plugin (app.ts).
export default fp(discordPlugin, { name: 'discord', fastify: '5.x' });
