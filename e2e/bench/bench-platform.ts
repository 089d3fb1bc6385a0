// What the e2e benchmarks share: the local platform (what `npm start` runs, without the site)
// with one headless platform node of `threads` threads in a fresh data folder, and a brand-new
// player's REST headers.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/free-port.ts';
import { startPlatform } from '../src/platform.ts';

export interface BenchPlatform {
  restUrl: string;
  /** REST headers of a player signed up just now. */
  headers: Record<string, string>;
  stop(): Promise<void>;
}

export async function benchPlatform(name: string, threads: number): Promise<BenchPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), `wowlab-${name}-`));
  chmodSync(dataDir, 0o755); // embedded Postgres runs as its own user when we are root
  const platform = await startPlatform({
    dataDir,
    supabasePort: await freePort(),
    sentinelPort: await freePort(),
    site: false,
    node: { cores: threads },
    log: () => {},
  });
  const stop = async () => {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const signup = await fetch(`${platform.supabaseUrl}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: platform.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}-${Date.now()}@bench.local`, password: `${name}-bench` }),
    });
    if (!signup.ok) throw new Error(`sign-up failed: ${signup.status} ${await signup.text()}`);
    const token = ((await signup.json()) as { access_token: string }).access_token;
    return {
      restUrl: `${platform.supabaseUrl}/rest/v1`,
      headers: {
        apikey: platform.anonKey,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
