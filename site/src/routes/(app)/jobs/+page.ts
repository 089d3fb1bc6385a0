// Job history: the last 50 of mine, status filter in the query, spec filter over their configs.
import { getConfigsByHash, listMyJobs } from '$lib/api/jobs';
import { loadOrError, optional } from '$lib/api/load';
import type { JobStatus } from '$lib/api/types';
import type { PageLoad } from './$types';

const STATUSES: JobStatus[] = ['pending', 'running', 'completed', 'failed', 'cancelled'];

export const load: PageLoad = async ({ parent, url, depends }) => {
  depends('app:jobs');
  const { userId } = await parent();
  const s = url.searchParams.get('status') ?? '';
  const status = (STATUSES as string[]).includes(s) ? (s as JobStatus) : '';
  const spec = url.searchParams.get('spec') ?? '';
  const jobs = await loadOrError(() => listMyJobs(userId, { status }));
  const configs = (await optional(getConfigsByHash(jobs.map((j) => j.config_hash)))) ?? new Map();
  const rows = jobs
    .map((job) => ({ job, spec: configs.get(job.config_hash)?.spec ?? null }))
    .filter((r) => !spec || r.spec === spec);
  return { rows, status, spec, statuses: STATUSES };
};
