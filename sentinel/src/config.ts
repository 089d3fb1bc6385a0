// Sentinel configuration: read from the environment once, validated, typed. The only file
// that touches process.env.
import { parseIntSettings, type Env, type IntSpec } from './env-ints.ts';
import { parseTrustSettings, type TrustSettings } from './trust/settings.ts';

export interface SentinelConfig {
  databaseUrl: string;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  discordToken: string | null;
  discordApplicationId: string | null;
  /** Discord user ids allowed to run the bot's admin commands (DISCORD_ADMIN_IDS, comma-separated). */
  discordAdminIds: string[];
  /** Pool size of the main `pg` Pool. */
  pgPoolSize: number;
  /** Scheduler tick (≤ 5 s): covers lost notifications. */
  tickIntervalMs: number;
  /** Maintenance sweep (offline marking, reclaim of silent nodes, deletions). */
  maintenanceIntervalMs: number;
  /** A disconnected node keeps its chunks this long before they go back to pending. */
  reconnectGraceMs: number;
  /**
   * A chunk pushed to a connected node this long ago that the node's heartbeat does not list
   * never reached it: it is pushed again.
   */
  repushAfterMs: number;
  /** A node without socket and without heartbeat for this long is offline; its chunks are reclaimed. */
  heartbeatTimeoutMs: number;
  /** Unclaimed, offline nodes older than this are deleted. */
  unclaimedNodeTtlMs: number;
  /** Configs unused for this long and referenced by no job are deleted. */
  configTtlMs: number;
  /** Chunk results of jobs finished this long ago are dropped (the job keeps its merged result). */
  chunkResultTtlMs: number;
  /** Materialized views refresh interval. */
  viewRefreshIntervalMs: number;
  /** WebSocket ping interval; a socket that missed a pong is terminated. */
  wsPingIntervalMs: number;
  /** `/status` is 503 when the last scheduler tick is older than this. */
  unhealthyTickAgeMs: number;
  maxClockSkewMs: number;
  maxChunkAttempts: number;
  /** Per-key token bucket. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Rankings refresh this soon after a public job completed (at most this often). */
  viewRefreshAfterJobMs: number;
  /** Deadlines of assignments: chunk cost ÷ node speed × slack, between min and max (scheduler/node-speed.ts). */
  chunkDeadlineMinMs: number;
  chunkDeadlineMaxMs: number;
  chunkDeadlineSlack: number;
  /** Frames a node may send on its socket per second, and in a burst; a flood closes the socket. */
  wsFramesPerSecond: number;
  wsFrameBurst: number;
  /** Shortest time between two assignment passes (wake-ups in between coalesce). */
  assignMinIntervalMs: number;
  /** Most chunks claimed per scheduler pass. */
  assignBatchLimit: number;
  /** Verification by replication and per-node trust (docs/trust.md). */
  trust: TrustSettings;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid sentinel configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigurationError';
  }
}

const INT_SETTINGS = {
  port: ['PORT', 8080, 0, 65535],
  pgPoolSize: ['PG_POOL_SIZE', 10, 1, 200],
  tickIntervalMs: ['TICK_INTERVAL_MS', 2000, 1, 5000],
  maintenanceIntervalMs: ['MAINTENANCE_INTERVAL_MS', 10_000, 1, 3_600_000],
  reconnectGraceMs: ['RECONNECT_GRACE_MS', 30_000, 0, 3_600_000],
  heartbeatTimeoutMs: ['HEARTBEAT_TIMEOUT_MS', 60_000, 1, 3_600_000],
  repushAfterMs: ['REPUSH_AFTER_MS', 30_000, 1, 3_600_000],
  unclaimedNodeTtlMs: ['UNCLAIMED_NODE_TTL_MS', 3_600_000, 1, 365 * 86_400_000],
  configTtlMs: ['CONFIG_TTL_MS', 7 * 86_400_000, 1, 365 * 86_400_000],
  chunkResultTtlMs: ['CHUNK_RESULT_TTL_MS', 30 * 86_400_000, 1, 3650 * 86_400_000],
  viewRefreshIntervalMs: ['VIEW_REFRESH_INTERVAL_MS', 3_600_000, 1, 86_400_000],
  viewRefreshAfterJobMs: ['VIEW_REFRESH_AFTER_JOB_MS', 60_000, 1, 86_400_000],
  wsPingIntervalMs: ['WS_PING_INTERVAL_MS', 20_000, 10, 600_000],
  unhealthyTickAgeMs: ['UNHEALTHY_TICK_AGE_MS', 60_000, 1, 3_600_000],
  maxClockSkewMs: ['MAX_CLOCK_SKEW_MS', 60_000, 1000, 600_000],
  maxChunkAttempts: ['MAX_CHUNK_ATTEMPTS', 5, 1, 100],
  rateLimitPerSecond: ['RATE_LIMIT_PER_SECOND', 50, 1, 100_000],
  rateLimitBurst: ['RATE_LIMIT_BURST', 200, 1, 1_000_000],
  wsFramesPerSecond: ['WS_FRAMES_PER_SECOND', 20, 1, 100_000],
  chunkDeadlineMinMs: ['CHUNK_DEADLINE_MIN_MS', 60_000, 1, 86_400_000],
  chunkDeadlineMaxMs: ['CHUNK_DEADLINE_MAX_MS', 3_600_000, 1, 86_400_000],
  chunkDeadlineSlack: ['CHUNK_DEADLINE_SLACK', 4, 1, 1000],
  wsFrameBurst: ['WS_FRAME_BURST', 100, 1, 1_000_000],
  assignBatchLimit: ['ASSIGN_BATCH_LIMIT', 2000, 1, 100_000],
  assignMinIntervalMs: ['ASSIGN_MIN_INTERVAL_MS', 5, 0, 1000],
} as const satisfies Record<string, IntSpec>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Validates an environment-like object; throws ConfigurationError listing every problem. */
export function parseConfig(env: Env): SentinelConfig {
  const problems: string[] = [];
  const ints = parseIntSettings(env, INT_SETTINGS, problems);
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  const logLevel = (env.LOG_LEVEL ?? 'info') as SentinelConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  if (ints.heartbeatTimeoutMs <= ints.tickIntervalMs)
    problems.push('HEARTBEAT_TIMEOUT_MS must exceed TICK_INTERVAL_MS');
  if (ints.chunkDeadlineMaxMs < ints.chunkDeadlineMinMs)
    problems.push('CHUNK_DEADLINE_MAX_MS must be at least CHUNK_DEADLINE_MIN_MS');
  const discordAdminIds = (env.DISCORD_ADMIN_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (discordAdminIds.some((id) => !/^[0-9]{15,21}$/.test(id)))
    problems.push('DISCORD_ADMIN_IDS must be comma-separated Discord user ids');
  const trust = parseTrustSettings(env, problems);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    databaseUrl,
    host: env.HOST || '0.0.0.0',
    logLevel,
    discordToken: env.DISCORD_TOKEN || null,
    discordApplicationId: env.DISCORD_APPLICATION_ID || null,
    discordAdminIds,
    ...ints,
    trust,
  };
}

/** The configuration of this process, from process.env. */
export function loadConfig(): SentinelConfig {
  return parseConfig(process.env);
}
