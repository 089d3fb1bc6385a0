// Job history: the last 50 of mine, status filter in the query, spec filter over their configs,
// and for an unfinished job no node runs, why (the job page's words).
import { getConfigsByHash, getJobsActivity, listMyJobs } from '$lib/api/jobs';
import { describeJobRow } from '$lib/job-status';
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
  // what the unfinished ones are doing: one aggregate read for the whole list
  const unfinished = jobs.filter((j) => j.status === 'pending' || j.status === 'running').map((j) => j.id);
  const [configs, activity] = await Promise.all([
    optional(getConfigsByHash(jobs.map((j) => j.config_hash))),
    optional(getJobsActivity(unfinished)),
  ]);
  const rows = jobs
    .map((job) => ({
      job,
      spec: configs?.get(job.config_hash)?.spec ?? null,
      state: activity ? describeJobRow(job, activity.get(job.id) ?? null) : null,
    }))
    .filter((r) => !spec || r.spec === spec);
  return { rows, status, spec, statuses: STATUSES };
};
