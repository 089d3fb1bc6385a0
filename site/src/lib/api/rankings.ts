// Rankings: the materialized views refreshed by the sentinel.
import { run, supabase } from './client';
import type { SpecRanking, TopSim } from './types';

export async function getSpecRankings(): Promise<SpecRanking[]> {
  return run<SpecRanking[]>(supabase().from('spec_rankings_hourly').select('*').order('spec').limit(100));
}

export async function getTopSimsDaily(): Promise<TopSim[]> {
  return run<TopSim[]>(supabase().from('top_sims_daily').select('*').order('spec').order('rank').limit(200));
}
