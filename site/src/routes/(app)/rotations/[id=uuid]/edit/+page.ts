import { error } from '@sveltejs/kit';
import { loadOrError } from '$lib/api/load';
import { getRotation, listVersions } from '$lib/api/rotations';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  const { userId } = await parent();
  const [rotation, versions] = await loadOrError(() =>
    Promise.all([getRotation(params.id), listVersions(params.id)]),
  );
  if (rotation.user_id !== userId)
    error(403, { message: 'Only the author can edit this rotation; fork it instead.', kind: 'forbidden' });
  return { rotation, versions };
};
