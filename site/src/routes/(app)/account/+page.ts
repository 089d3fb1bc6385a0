import { listIdentities } from '$lib/api/auth';
import { loadOrError } from '$lib/api/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  const identities = await loadOrError(listIdentities);
  return { identities };
};
