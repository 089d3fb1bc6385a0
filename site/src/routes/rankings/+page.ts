import { loadOrError } from '$lib/api/load';
import { getSpecRankings, getTopSimsDaily } from '$lib/api/rankings';
import type { PageLoad } from './$types';

export const load: PageLoad = async () =>
  loadOrError(async () => {
    const [specs, top] = await Promise.all([getSpecRankings(), getTopSimsDaily()]);
    return { specs, top };
  });
