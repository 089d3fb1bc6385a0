// Rankings: the materialized views refreshed by the sentinel, and the contributors leaderboard.
import { run, supabase } from './client';
import type { Contributor, SpecRanking, TopSim } from './types';

export const CONTRIBUTORS_LIMIT = 50;

export async function getSpecRankings(): Promise<SpecRanking[]> {
  return run<SpecRanking[]>(supabase().from('spec_rankings_hourly').select('*').order('spec').limit(100));
}

export async function getTopSimsDaily(): Promise<TopSim[]> {
  return run<TopSim[]>(supabase().from('top_sims_daily').select('*').order('spec').order('rank').limit(200));
}

/** The top contributors by credited iterations (ties share a rank; ordered by handle within one). */
export async function getContributors(limit = CONTRIBUTORS_LIMIT): Promise<Contributor[]> {
  const n = Math.min(Math.max(1, Math.trunc(limit)), 100);
  return run<Contributor[]>(
    supabase()
      .from('contributors_leaderboard')
      .select('user_id,handle,avatar_url,credited_iterations,rank')
      .order('rank')
      .order('handle', { nullsFirst: false })
      .limit(n),
  );
}
