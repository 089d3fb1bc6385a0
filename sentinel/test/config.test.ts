import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseConfig } from '../src/config.ts';

describe('configuration', () => {
  it('defaults every threshold and reads the database URL', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' });
    expect(config).toMatchObject({
      port: 8080,
      tickIntervalMs: 2000,
      reconnectGraceMs: 30_000,
      heartbeatTimeoutMs: 60_000,
      unclaimedNodeTtlMs: 3_600_000,
      viewRefreshIntervalMs: 3_600_000,
      maxChunkAttempts: 5,
      discordToken: null,
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', TICK_INTERVAL_MS: '9000', LOG_LEVEL: 'loud', MAX_CHUNK_ATTEMPTS: '-1' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/TICK_INTERVAL_MS must be an integer between 1 and 5000/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/MAX_CHUNK_ATTEMPTS/);
  });

  it('takes millisecond thresholds for tests and an optional Discord token', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgresql://x/y',
      RECONNECT_GRACE_MS: '50',
      TICK_INTERVAL_MS: '10',
      DISCORD_TOKEN: 'abc',
    });
    expect(config.reconnectGraceMs).toBe(50);
    expect(config.tickIntervalMs).toBe(10);
    expect(config.discordToken).toBe('abc');
  });
});
