import { loadOrError } from '$lib/api/load';
import { getProfile } from '$lib/api/profiles';
import { getRotation, listVersions } from '$lib/api/rotations';
import { session } from '$lib/state/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
  await session.ready();
  return loadOrError(async () => {
    const [rotation, versions] = await Promise.all([getRotation(params.id), listVersions(params.id)]);
    const author = await getProfile(rotation.user_id);
    return { rotation, versions, author, mine: rotation.user_id === session.user?.id };
  });
};
