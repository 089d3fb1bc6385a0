// A job page is readable by whoever RLS lets read the job (owner, public, shared);
// for everyone else the job simply does not exist (404, not 403).
import { error } from '@sveltejs/kit';
import { getJob, getJobConfig } from '$lib/api/jobs';
import { loadOrError, optional } from '$lib/api/load';
import { session } from '$lib/state/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  await session.ready();
  if (session.status === 'error') {
    const e = session.error;
    error(e?.httpStatus ?? 503, {
      message: e?.message ?? 'Could not reach the server.',
      kind: e?.kind ?? 'network',
    });
  }
  const job = await loadOrError(() => getJob(params.id));
  const config = await optional(getJobConfig(job.config_hash));
  return { job, config, mine: job.user_id === session.user?.id };
};
