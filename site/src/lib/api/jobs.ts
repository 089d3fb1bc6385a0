// Jobs: create (RPC), read one / mine, chunk summary for progress, the config used.
import type { SimConfig } from '@wowlab/sim-core';
import { run, runOne, supabase } from './client';
import type { AccessType, Job, JobActivity, JobChunkSummary, JobStatus } from './types';

export interface CreateJobInput {
  config: SimConfig;
  iterations: number;
  accessType: AccessType;
  discordServerId: string | null;
  seed: number | null;
  /** `user` sims: the users (who offered me a node) that may run it. */
  sharedWith?: string[] | null;
  name?: string | null;
  /** Variants compared against the base (profilesets). */
  variants?: Array<{ name: string; config: SimConfig }>;
  /** Smart sim: stop at this 95 % error (fraction of the mean); iterations is then the cap. */
  targetError?: number | null;
  /** Smart sim with variants: stop variants clearly below the best early (not for stat weights). */
  eliminate?: boolean;
}

export async function createJob(input: CreateJobInput): Promise<string> {
  return run<string>(
    supabase().rpc('create_job', {
      config: input.config,
      iterations: input.iterations,
      access_type: input.accessType,
      discord_server_id: input.discordServerId,
      seed: input.seed,
      shared_with: input.sharedWith ?? null,
      name: input.name ?? null,
      variants: input.variants && input.variants.length > 0 ? input.variants : null,
      target_error: input.targetError ?? null,
      eliminate: input.eliminate ?? true,
    }),
  );
}

export interface Sharer {
  user_id: string;
  handle: string | null;
  node_count: number;
}

/** The users who offered me a node (`user` permission naming me): who a sim can be shared with. */
export async function listSharers(): Promise<Sharer[]> {
  return run<Sharer[]>(supabase().rpc('nodes_shared_with_me'));
}

/** One job; RLS hides other people's private jobs, which then read as not found. */
export async function getJob(id: string): Promise<Job> {
  return runOne<Job>(supabase().from('jobs').select('*').eq('id', id).maybeSingle(), 'Job not found');
}

export interface JobFilters {
  status?: JobStatus | '';
  spec?: string;
}

export const JOB_HISTORY_LIMIT = 50;

export async function listMyJobs(userId: string, filters: JobFilters = {}): Promise<Job[]> {
  let q = supabase().from('jobs').select('*').eq('user_id', userId);
  if (filters.status) q = q.eq('status', filters.status);
  return run<Job[]>(q.order('created_at', { ascending: false }).limit(JOB_HISTORY_LIMIT));
}

export async function listPublicJobsOf(userId: string, limit = 20): Promise<Job[]> {
  return run<Job[]>(
    supabase()
      .from('jobs')
      .select('*')
      .eq('user_id', userId)
      .eq('access_type', 'public')
      .order('created_at', { ascending: false })
      .limit(limit),
  );
}

/**
 * Chunk rows of a job, each running one with whether its node disconnected (view
 * jobs_chunks_progress); empty when the policy does not expose them (not the job's owner).
 */
export async function getJobChunks(jobId: string): Promise<JobChunkSummary[]> {
  return run<JobChunkSummary[]>(
    supabase()
      .from('jobs_chunks_progress')
      .select('node_id,status,iterations,replica_role,variant,node_disconnected_at,failed_by')
      .eq('job_id', jobId)
      .limit(10000),
  );
}

/**
 * What the unfinished chunks of my jobs are doing, per job, in one read of the jobs_activity
 * view (counted in the database). A job with no chunk pending or running has no entry.
 */
export async function getJobsActivity(jobIds: string[]): Promise<Map<string, JobActivity>> {
  const out = new Map<string, JobActivity>();
  if (jobIds.length === 0) return out;
  const rows = await run<
    Array<{
      job_id: string;
      nodes: number;
      disconnected_nodes: number;
      waiting_originals: number;
      waiting_checks: number;
      failing: number;
    }>
  >(
    supabase()
      .from('jobs_activity')
      .select('job_id,nodes,disconnected_nodes,waiting_originals,waiting_checks,failing')
      .in('job_id', jobIds),
  );
  for (const r of rows)
    out.set(r.job_id, {
      nodes: r.nodes,
      disconnectedNodes: r.disconnected_nodes,
      waitingOriginals: r.waiting_originals,
      waitingChecks: r.waiting_checks,
      failing: r.failing,
    });
  return out;
}

/** The config a job ran with (configs are content-addressed by hash). */
export async function getJobConfig(hash: string): Promise<SimConfig | null> {
  const rows = await run<Array<{ config: SimConfig }>>(
    supabase().from('jobs_configs').select('config').eq('hash', hash).limit(1),
  );
  return rows[0]?.config ?? null;
}

export async function getConfigsByHash(hashes: string[]): Promise<Map<string, SimConfig>> {
  const out = new Map<string, SimConfig>();
  if (hashes.length === 0) return out;
  const rows = await run<Array<{ hash: string; config: SimConfig }>>(
    supabase()
      .from('jobs_configs')
      .select('hash,config')
      .in('hash', [...new Set(hashes)]),
  );
  for (const r of rows) out.set(r.hash, r.config);
  return out;
}

/** Cancels one of my pending/running jobs (RPC cancel_job). */
export async function cancelJob(id: string): Promise<void> {
  await run(supabase().rpc('cancel_job', { job_id: id }));
}
