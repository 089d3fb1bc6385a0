// Dedicated LISTEN connection: reconnects with exponential backoff + jitter. Notifications may
// be lost while it is down, so after a reconnect `onReconnect` runs: wake-ups (pending_chunk)
// need nothing more, state carried in payloads (sentinel_state, guild_members) is re-read.
// Any role that can connect may NOTIFY; the payloads only ever point at rows to (re)read or,
// for guild add/remove, say what changed: a forged one lasts until the next reload.
import pg from 'pg';

export interface ListenerOptions {
  connectionString: string;
  channels: string[];
  onNotify: (channel: string, payload: string) => void;
  onReconnect: () => void;
  onError: (err: unknown, attempt: number) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  connected = false;

  constructor(private readonly opts: ListenerOptions) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      application_name: 'wowlab-sentinel-listen',
    });
    this.client = client;
    client.on('notification', (msg) => this.opts.onNotify(msg.channel, msg.payload ?? ''));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('listen connection ended')));
    try {
      await client.connect();
      for (const channel of this.opts.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      this.connected = true;
      if (this.attempt > 0) this.opts.onReconnect();
      this.attempt = 0;
    } catch (err) {
      this.lost(client, err);
    }
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    client.removeAllListeners();
    client.on('error', () => {});
    client.end().catch(() => {});
    if (this.stopped) return;
    this.attempt++;
    this.opts.onError(err, this.attempt);
    const min = this.opts.minDelayMs ?? 100;
    const max = this.opts.maxDelayMs ?? 10_000;
    const base = Math.min(max, min * 2 ** Math.min(this.attempt - 1, 16));
    const delay = base / 2 + Math.random() * base; // jitter: 0.5x .. 1.5x
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.connected = false;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
