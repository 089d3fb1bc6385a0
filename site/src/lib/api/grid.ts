// What the landing page shows of the grid: the sentinel's live status (nodes and tabs
// contributing, iterations per second), the supported specs (game data, generated from
// sim-core's registry) and the latest public sims.
import { sentinelUrl } from '$lib/supabase';
import { run, supabase } from './client';

export interface GridStatus {
  nodes: { connected: number; tabs: number; headless: number };
  iterationsPerSecond: number | null;
}

/** The sentinel's /status, reduced to what a player reads; null when it cannot be reached. */
export async function getGridStatus(
  base: string | undefined = sentinelUrl(),
  fetchImpl: typeof fetch = fetch,
): Promise<GridStatus | null> {
  if (!base) return null;
  try {
    const res = await fetchImpl(`${base.replace(/\/+$/, '')}/status`);
    if (!res.ok && res.status !== 503) return null;
    const body = (await res.json()) as {
      nodes?: { connected?: number; tabs?: number; headless?: number };
      grid?: { iterationsPerSecond?: number | null };
    };
    return {
      nodes: {
        connected: body.nodes?.connected ?? 0,
        tabs: body.nodes?.tabs ?? 0,
        headless: body.nodes?.headless ?? 0,
      },
      iterationsPerSecond: body.grid?.iterationsPerSecond ?? null,
    };
  } catch {
    return null;
  }
}

export interface SupportedSpec {
  id: number;
  slug: string;
  name: string;
  class_name: string;
}

export async function listSupportedSpecs(): Promise<SupportedSpec[]> {
  return run<SupportedSpec[]>(
    supabase().schema('game').from('specs').select('id,slug,name,class_name').order('order_index'),
  );
}

export interface RecentSim {
  id: string;
  name: string | null;
  completed_at: string;
  total_iterations: number;
  result: { mean: number } | null;
}

/** The latest completed public sims (public jobs are readable by everybody). */
export async function listRecentPublicSims(limit = 5): Promise<RecentSim[]> {
  return run<RecentSim[]>(
    supabase()
      .from('jobs')
      .select('id,name,completed_at,total_iterations,result')
      .eq('access_type', 'public')
      .eq('status', 'completed')
      .order('completed_at', { ascending: false })
      .limit(limit),
  );
}
