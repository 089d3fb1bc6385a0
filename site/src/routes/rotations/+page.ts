// Browse rotations: RLS returns public ones and mine; filters spec / name ILIKE / author handle.
import { loadOrError } from '$lib/api/load';
import { findProfileByHandle, getProfiles } from '$lib/api/profiles';
import { listRotations } from '$lib/api/rotations';
import { normalizeHandle } from '$lib/profile';
import { session } from '$lib/state/session.svelte';
import type { SpecId } from '@wowlab/sim-core';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  await session.ready();
  const specParam = url.searchParams.get('spec') ?? '';
  const spec = specParam === 'bm-hunter' || specParam === 'mm-hunter' ? (specParam as SpecId) : '';
  const name = (url.searchParams.get('name') ?? '').slice(0, 100);
  const author = normalizeHandle((url.searchParams.get('author') ?? '').slice(0, 32));
  const mine = url.searchParams.get('mine') === '1' && session.user !== null;

  return loadOrError(async () => {
    let authorId: string | undefined;
    if (mine) authorId = session.user!.id;
    else if (author) {
      const p = await findProfileByHandle(author);
      if (!p)
        return {
          rotations: [],
          authors: new Map(),
          filters: { spec, name, author, mine },
          unknownAuthor: true,
        };
      authorId = p.id;
    }
    const rotations = await listRotations({ spec, name, authorId });
    const authors = await getProfiles(rotations.map((r) => r.user_id));
    return { rotations, authors, filters: { spec, name, author, mine }, unknownAuthor: false };
  });
};
