// Sim builder: optional "sim again" prefill from an earlier job (?from=<job id>).
import { getJob, getJobConfig } from '$lib/api/jobs';
import { loadOrError, optional } from '$lib/api/load';
import { isUuid } from '$lib/nodes/permissions';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const from = url.searchParams.get('from');
  if (!from || !isUuid(from)) return { from: null };
  const job = await loadOrError(() => getJob(from));
  const config = await optional(getJobConfig(job.config_hash));
  return {
    from: config
      ? {
          config,
          iterations: job.total_iterations,
          access: job.access_type,
          discord: job.discord_server_id,
          sharedWith: job.shared_with ?? [],
          name: job.name ?? '',
        }
      : null,
  };
};
