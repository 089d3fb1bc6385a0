// The discord.js client: login (with retry while Discord is unreachable), interaction routing,
// guild membership sync, logging. discord.js reconnects and resumes gateway sessions itself;
// this file only covers the first login and reports what it cannot recover from.
import { Client, Events, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import { handleInteraction } from './adapter.ts';
import type { AdapterDeps } from './adapter.ts';
import type { GuildMembershipWriter } from '../guilds/store.ts';
import { syncGuildMembership } from './membership-sync.ts';
import type { MemberFetcher, MembershipSync } from './membership-sync.ts';

export interface BotLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BotOptions {
  token: string;
  deps: Omit<AdapterDeps, 'log'>;
  membership: GuildMembershipWriter;
  log: BotLogger;
  fetchMembers?: MemberFetcher;
  /** Overrides for tests (e.g. `rest.makeRequest`). */
  clientOptions?: Partial<ClientOptions>;
  /** First login retry delay; doubles up to 5 minutes. */
  retryBaseMs?: number;
}

const GATEWAY_HINTS: Record<number, string> = {
  4004: 'the token is invalid',
  4013: 'invalid intents',
  4014: 'enable the "Server Members" privileged intent for the application in the Discord developer portal',
};

export function createClient(overrides: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    // Members may not be cached (see below), so removals arrive as partials.
    partials: [Partials.GuildMember, Partials.User],
    // Member ids live in the GuildMemberCache; discord.js need not keep member/user objects.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user?.id },
      UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user?.id },
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
    }),
    allowedMentions: { parse: [] },
    ...overrides,
  });
}

export interface DiscordBot {
  /** The current client (a failed first login is retried with a fresh client). */
  readonly client: Client;
  readonly sync: MembershipSync;
  /** Logs in; retries transient failures until stop(). Never rejects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function isFatalLoginError(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown } | null;
  return e?.code === 'TokenInvalid' || e?.status === 401 || e?.status === 403;
}

export function createDiscordBot(opts: BotOptions): DiscordBot {
  const { log } = opts;
  const deps: AdapterDeps = { ...opts.deps, log };
  let stopped = false;
  let wake: (() => void) | undefined;

  function wire(client: Client): MembershipSync {
    client.on(Events.InteractionCreate, (interaction) => {
      void handleInteraction(interaction, deps).catch((err: unknown) =>
        log.error({ err }, 'discord interaction handling failed'),
      );
    });
    client.on(Events.ClientReady, (c) =>
      log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'discord bot ready'),
    );
    client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
    client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
    client.on(Events.ShardError, (err, shardId) => log.warn({ err, shardId }, 'discord shard error'));
    client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'discord shard reconnecting'));
    client.on(Events.ShardResume, (shardId, replayed) =>
      log.info({ shardId, replayed }, 'discord shard resumed'),
    );
    client.on(Events.ShardDisconnect, (event, shardId) => {
      if (stopped) return;
      log.error(
        { shardId, code: event.code, hint: GATEWAY_HINTS[event.code] },
        'discord gateway closed for good; the bot is offline (the sentinel keeps running)',
      );
    });
    return syncGuildMembership(client, opts.membership, log, opts.fetchMembers);
  }

  let client = createClient(opts.clientOptions);
  let sync = wire(client);

  async function sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      t.unref();
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
    wake = undefined;
  }

  async function start(): Promise<void> {
    let delay = opts.retryBaseMs ?? 5000;
    while (!stopped) {
      try {
        await client.login(opts.token);
        return;
      } catch (err) {
        if (stopped) return;
        if (isFatalLoginError(err)) {
          log.error({ err }, 'discord login refused: check DISCORD_TOKEN; the bot stays offline');
          return;
        }
        const wait = Math.round(delay * (0.75 + Math.random() * 0.5));
        log.warn({ err, retryInMs: wait }, 'discord login failed; retrying');
        // login() destroyed the client; a destroyed client cannot be closed again, so use a new one.
        sync.detach();
        client.removeAllListeners();
        client = createClient(opts.clientOptions);
        sync = wire(client);
        await sleep(wait);
        delay = Math.min(delay * 2, 300_000);
      }
    }
  }

  async function stop(): Promise<void> {
    stopped = true;
    wake?.();
    sync.detach();
    try {
      await client.destroy();
    } catch (err) {
      log.warn({ err }, 'discord client destroy failed');
    }
  }

  return {
    get client() {
      return client;
    },
    get sync() {
      return sync;
    },
    start,
    stop,
  };
}
