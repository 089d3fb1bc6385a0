// A fake Discord for the bot: the discord.js client runs unmodified, only its two transports
// are replaced through discord.js's own options — `rest.makeRequest` (every HTTP request is
// answered here, nothing leaves the machine) and `ws.buildStrategy` (the gateway connection:
// packets are emitted into @discordjs/ws's manager exactly as a real shard would).
import { Collection } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import { APP_ID, BOT_ID, rawGuild, rawMember, rawUser } from './payloads.ts';

export interface RestCall {
  method: string;
  path: string;
  query: string;
  body: unknown;
}

interface WsManagerLike {
  emit(event: string, payload: unknown): unknown;
}

export class FakeDiscord {
  readonly rest: RestCall[] = [];
  readonly gatewaySends: Array<{ op: number; d: Record<string, unknown> }> = [];
  readonly guilds = new Map<string, string[]>();
  /** Every HTTP request fails like an unreachable host. */
  unreachable = false;
  /** HTTP status returned for GET /gateway/bot (401 = bad token). */
  gatewayStatus = 200;
  /** Guilds whose op 8 member requests are never answered (a stuck gateway). */
  readonly unansweredGuilds = new Set<string>();
  /** Answer interaction callbacks with 404 Unknown interaction (token expired). */
  expireInteractions = false;
  connects = 0;
  private manager: WsManagerLike | null = null;
  private seq = 0;
  private waiters: Array<{ test: (c: RestCall) => boolean; resolve: (c: RestCall) => void }> = [];

  constructor(guilds: Record<string, string[]> = {}) {
    for (const [id, members] of Object.entries(guilds)) this.guilds.set(id, members);
  }

  clientOptions(): Partial<ClientOptions> {
    return {
      rest: {
        retries: 0,
        makeRequest: (url: string, init: RequestInit) => this.http(url, init),
      } as ClientOptions['rest'],
      ws: {
        buildStrategy: (manager: WsManagerLike) => {
          this.manager = manager;
          return {
            connect: () => {
              this.connects++;
              setImmediate(() => this.identify());
            },
            destroy: () => {},
            spawn: () => {},
            fetchStatus: () => new Collection([[0, 3]]),
            send: (_shardId: number, payload: { op: number; d: Record<string, unknown> }) =>
              this.onSend(payload),
          };
        },
      } as unknown as ClientOptions['ws'],
    };
  }

  /** Sends a dispatch packet to the bot. */
  dispatch(t: string, d: unknown): void {
    if (!this.manager) throw new Error('the bot is not connected');
    this.manager.emit('dispatch', { data: { op: 0, t, d, s: ++this.seq }, shardId: 0 });
  }

  /** Resolves with the next REST call matching `test` (or one already made). */
  waitForRest(test: (c: RestCall) => boolean): Promise<RestCall> {
    const done = this.rest.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** A new session on the same client (after an invalidated session): READY and guilds again. */
  reidentify(): void {
    this.identify();
  }

  private identify(): void {
    const ready = {
      v: 10,
      user: { ...rawUser(BOT_ID, 'wowlab'), bot: true },
      guilds: [...this.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: 'fake-session',
      resume_gateway_url: 'wss://gateway.invalid',
      application: { id: APP_ID, flags: 0 },
    };
    this.manager!.emit('ready', { data: ready, shardId: 0 });
    this.dispatch('READY', ready);
    // Member lists are sent on request (op 8), not with the guild.
    for (const id of this.guilds.keys()) this.dispatch('GUILD_CREATE', rawGuild(id));
  }

  private onSend(payload: { op: number; d: Record<string, unknown> }): void {
    this.gatewaySends.push(payload);
    if (payload.op !== 8) return;
    const guildId = String(payload.d.guild_id);
    if (this.unansweredGuilds.has(guildId)) return;
    const members = this.guilds.get(guildId) ?? [];
    setImmediate(() =>
      this.dispatch('GUILD_MEMBERS_CHUNK', {
        guild_id: guildId,
        members: members.map(rawMember),
        chunk_index: 0,
        chunk_count: 1,
        not_found: [],
        nonce: payload.d.nonce,
      }),
    );
  }

  private async http(url: string, init: RequestInit): Promise<Response> {
    const u = new URL(url);
    const call: RestCall = {
      method: init.method ?? 'GET',
      path: decodeURIComponent(u.pathname).replace(/^\/api\/v\d+/, ''),
      query: u.search,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    this.rest.push(call);
    if (this.unreachable) throw new TypeError('fetch failed');
    for (const w of [...this.waiters]) {
      if (w.test(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (call.path === '/gateway/bot') {
      if (this.gatewayStatus !== 200)
        return json(this.gatewayStatus, { message: '401: Unauthorized', code: 0 });
      return json(200, {
        url: 'wss://gateway.invalid',
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 3_600_000, max_concurrency: 1 },
      });
    }
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(call.path)) {
      if (this.expireInteractions) return json(404, { message: 'Unknown interaction', code: 10062 });
      return new Response(null, { status: 204 });
    }
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(call.path)) {
      return json(200, {
        id: '1230000000000000000',
        channel_id: '1180000000000000000',
        type: 20,
        content: '',
        author: rawUser(BOT_ID, 'wowlab'),
        embeds: (call.body as { embeds?: unknown[] } | undefined)?.embeds ?? [],
        attachments: [],
        mentions: [],
        mention_roles: [],
        pinned: false,
        mention_everyone: false,
        tts: false,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        flags: 64,
        components: [],
      });
    }
    return json(404, { message: 'Unknown route (fake Discord)', code: 0 });
  }
}

export { rawGuild, rawMember, rawUser };
