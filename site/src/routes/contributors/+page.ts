// Contributors leaderboard: users ranked by the compute they contributed (credited iterations).
import { loadOrError } from '$lib/api/load';
import { CONTRIBUTORS_LIMIT, getContributors } from '$lib/api/rankings';
import type { PageLoad } from './$types';

export const load: PageLoad = async () =>
  loadOrError(async () => ({
    contributors: await getContributors(CONTRIBUTORS_LIMIT),
    limit: CONTRIBUTORS_LIMIT,
  }));
