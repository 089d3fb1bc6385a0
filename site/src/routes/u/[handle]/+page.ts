// Profile: handle, avatar, public rotations and public sims.
import { error } from '@sveltejs/kit';
import { getConfigsByHash, listPublicJobsOf } from '$lib/api/jobs';
import { loadOrError, optional } from '$lib/api/load';
import { getProfileByHandle } from '$lib/api/profiles';
import { listRotations } from '$lib/api/rotations';
import { HANDLE_RE, normalizeHandle } from '$lib/profile';
import { session } from '$lib/state/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  const handle = normalizeHandle(params.handle);
  if (!HANDLE_RE.test(handle)) error(404, { message: 'Profile not found', kind: 'not_found' });
  await session.ready();
  return loadOrError(async () => {
    const profile = await getProfileByHandle(handle);
    const [rotations, jobs] = await Promise.all([
      listRotations({ authorId: profile.id, publicOnly: true, limit: 50 }),
      listPublicJobsOf(profile.id),
    ]);
    const configs = (await optional(getConfigsByHash(jobs.map((j) => j.config_hash)))) ?? new Map();
    return {
      profile,
      rotations,
      jobs: jobs.map((job) => ({ job, spec: configs.get(job.config_hash)?.spec ?? null })),
      isMe: session.user?.id === profile.id,
    };
  });
};
