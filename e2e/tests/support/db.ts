// Reads of what the platform stored, with the service role (bypasses RLS) through the local
// Supabase stand-in, which runs every request as SQL on the suite's Postgres; and a bounded
// poll that gives up early when a platform service crashed.
import { assertPlatformAlive, e2eEnv } from './env.ts';

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    assertPlatformAlive();
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      if ((err as { fatal?: boolean }).fatal) throw err;
      last = err;
    }
    if (Date.now() > until) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function serviceGet<T>(path: string): Promise<T> {
  const env = e2eEnv();
  const res = await fetch(`${env.supabaseUrl}/rest/v1/${path}`, {
    headers: { apikey: env.serviceKey, authorization: `Bearer ${env.serviceKey}` },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function servicePatch(path: string, body: unknown): Promise<void> {
  const env = e2eEnv();
  const res = await fetch(`${env.supabaseUrl}/rest/v1/${path}`, {
    method: 'PATCH',
    headers: {
      apikey: env.serviceKey,
      authorization: `Bearer ${env.serviceKey}`,
      'content-type': 'application/json',
      prefer: 'return=minimal',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PATCH ${path}: ${res.status} ${await res.text()}`);
}

/** Stops an unfinished job as cancel_job does (so a retried test does not queue behind it). */
export async function cancelUnfinishedJob(id: string): Promise<void> {
  const job = await getJob(id);
  if (job.status !== 'pending' && job.status !== 'running') return;
  await servicePatch(`jobs?id=eq.${id}&status=eq.${job.status}`, {
    status: 'cancelled',
    error: 'cancelled by the e2e suite after a failure',
  });
  await servicePatch(`jobs_chunks?job_id=eq.${id}&status=eq.pending`, { status: 'failed' });
}

export interface JobRow {
  id: string;
  user_id: string;
  status: string;
  access_type: string;
  total_iterations: number;
  completed_iterations: number;
  chunks_total: number;
  chunks_completed: number;
  error: string | null;
  created_at: string;
  completed_at: string | null;
  result: { iterations: number; mean: number; histogram: { counts: number[] } } | null;
}

export interface ChunkRow {
  id: string;
  node_id: string | null;
  status: string;
  iterations: number;
  seed_offset: number;
  attempts: number;
  completed_at: string | null;
  result: { iterations: number; seedOffset: number; n: number; mean: number } | null;
  /** Verification by replication (issue 11): a replica is another row of the same chunk. */
  replica_of?: string | null;
  replica_role?: string;
  verdict?: string | null;
  /** Owners (user ids) whose nodes reported it failed or left with it, unconfirmed (issue 16). */
  failed_owners?: string[];
}

export interface NodeRow {
  id: string;
  user_id: string | null;
  kind: string;
  name: string;
  status: string;
  max_parallel: number;
  /** An operator's node: trusted by construction for every job. */
  platform_node: boolean;
}

export async function getJob(id: string): Promise<JobRow> {
  const rows = await serviceGet<JobRow[]>(
    `jobs?id=eq.${id}&select=id,user_id,status,access_type,total_iterations,completed_iterations,` +
      'chunks_total,chunks_completed,error,created_at,completed_at,result',
  );
  if (!rows[0]) throw new Error(`job ${id} not found`);
  return rows[0];
}

/** Every row of the job's chunks (replicas too, where the schema has them), by seed offset. */
export async function getChunks(jobId: string): Promise<ChunkRow[]> {
  const rows = await serviceGet<Array<Omit<ChunkRow, 'result'> & { result: string | null }>>(
    `jobs_chunks?job_id=eq.${jobId}&select=*&order=seed_offset,created_at`,
  );
  // the sentinel stores each result as its canonical JSON text
  return rows.map((r) => ({
    ...r,
    result: r.result === null ? null : (JSON.parse(r.result) as ChunkRow['result']),
  }));
}

/** The nodes credited with the job's chunks so far (running or completed); cheap enough to poll. */
export async function getChunkHolders(jobId: string): Promise<Set<string>> {
  const rows = await serviceGet<Array<{ node_id: string | null }>>(
    `jobs_chunks?job_id=eq.${jobId}&status=neq.pending&select=node_id`,
  );
  return new Set(rows.flatMap((r) => (r.node_id ? [r.node_id] : [])));
}

/** Running chunks without their (null) results: cheap enough to poll. */
export function getRunningChunks(jobId: string): Promise<Array<{ id: string; node_id: string | null }>> {
  return serviceGet(`jobs_chunks?job_id=eq.${jobId}&status=eq.running&select=id,node_id`);
}

export async function getNode(id: string): Promise<NodeRow | undefined> {
  const rows = await serviceGet<NodeRow[]>(
    `nodes?id=eq.${id}&select=id,user_id,kind,name,status,max_parallel,platform_node`,
  );
  return rows[0];
}

export function getNodePermissions(
  nodeId: string,
): Promise<Array<{ access_type: string; target_id: string | null }>> {
  return serviceGet(`nodes_permissions?node_id=eq.${nodeId}&select=access_type,target_id`);
}

/** Waits for a terminal status; a failed or cancelled job throws with its error. */
export function waitForJob(id: string, timeoutMs: number): Promise<JobRow> {
  return waitFor(
    `job ${id} to complete`,
    async () => {
      const job = await getJob(id);
      if (job.status === 'failed' || job.status === 'cancelled')
        throw Object.assign(new Error(`job ${id} ${job.status}: ${job.error}`), { fatal: true });
      return job.status === 'completed' ? job : null;
    },
    timeoutMs,
    500,
  );
}

/** An operator marks a node as a platform node (as `npm start` does for its own node). */
export async function markPlatformNode(nodeId: string): Promise<void> {
  await servicePatch(`nodes?id=eq.${nodeId}`, { platform_node: true });
}

/** Gives a user a handle (what a player sets on the account page). */
export async function setHandle(userId: string, handle: string): Promise<void> {
  await servicePatch(`user_profiles?id=eq.${userId}`, { handle });
}
