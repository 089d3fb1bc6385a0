// The one Supabase client of the browser. Configuration is read at runtime
// ($env/dynamic/public) so one build serves any deployment.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { env } from '$env/dynamic/public';
import { offlineAwareFetch } from '$lib/api/offline-fetch';

let client: SupabaseClient | undefined;

export function supabase(): SupabaseClient {
  if (client) return client;
  const url = env.PUBLIC_SUPABASE_URL;
  const key = env.PUBLIC_SUPABASE_ANON_KEY;
  if (!url || !key) {
    throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set');
  }
  client = createClient(url, key, {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, flowType: 'pkce' },
    // offline, requests fail at once (no retry backoff): pages show the offline notice directly
    global: { fetch: offlineAwareFetch() },
  });
  return client;
}

export function sentinelUrl(): string | undefined {
  return env.PUBLIC_SENTINEL_URL || undefined;
}
