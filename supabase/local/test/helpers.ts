// Test harness: a fresh database (copy of the migrated + seeded template), the stand-in on a free port,
// and real supabase-js clients talking to it over HTTP.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createTestDatabase } from '@wowlab/db';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import ws from 'ws';
import { buildStandIn, type StandInOptions } from '../src/app.ts';
import { apiKey } from '../src/keys.ts';

export interface TestStandIn {
  url: string;
  dbUrl: string;
  jwtSecret: string;
  anonKey: string;
  serviceKey: string;
  /** Superuser pool on the test database, for arranging and checking state behind the API's back. */
  admin: pg.Pool;
  client(key?: string): SupabaseClient;
  /** Reloads the stand-in's schema cache after a test changed the schema. */
  reloadSchema(): Promise<void>;
  /** Signs up a fresh email user through the API and returns a client signed in as them. */
  signUp(
    prefix?: string,
  ): Promise<{ client: SupabaseClient; userId: string; accessToken: string; email: string }>;
  stop(): Promise<void>;
}

export async function startTestStandIn(
  opts: { bodyLimit?: number; maxRows?: number; auth?: StandInOptions['auth'] } = {},
): Promise<TestStandIn> {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 5 });
  const admin = new pg.Pool({ connectionString: db.url, max: 2 });
  const jwtSecret = randomBytes(32).toString('hex');
  const standIn = await buildStandIn({
    pool,
    jwtSecret,
    publicUrl: 'http://127.0.0.1',
    bodyLimit: opts.bodyLimit,
    maxRows: opts.maxRows,
    auth: opts.auth,
    logger: process.env.STANDIN_LOG === '1',
  });
  await standIn.app.listen({ host: '127.0.0.1', port: 0 });
  const address = standIn.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  standIn.setPublicUrl(url);
  const anonKey = apiKey('anon', jwtSecret);
  const serviceKey = apiKey('service_role', jwtSecret);
  const client = (key = anonKey) =>
    createClient(url, key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: ws as never },
    });
  return {
    url,
    dbUrl: db.url,
    jwtSecret,
    anonKey,
    serviceKey,
    admin,
    client,
    reloadSchema: () => standIn.reloadSchema(),
    async signUp(prefix = 'user') {
      const c = client();
      const email = `${prefix}-${randomBytes(4).toString('hex')}@example.com`;
      const { data, error } = await c.auth.signUp({ email, password: 'correct horse battery' });
      if (error || !data.session || !data.user) throw error ?? new Error('sign-up returned no session');
      return { client: c, userId: data.user.id, accessToken: data.session.access_token, email };
    },
    async stop() {
      await standIn.app.close();
      await pool.end();
      await admin.end();
      await db.drop();
    },
  };
}
