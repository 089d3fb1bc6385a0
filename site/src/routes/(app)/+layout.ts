// Guard for pages that need a session (a guest session counts). A network failure while
// restoring the session is an error page, never a redirect to sign-in.
import { error, redirect } from '@sveltejs/kit';
import { session } from '$lib/state/session.svelte';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ url }) => {
  await session.ready();
  if (session.status === 'error') {
    const e = session.error;
    error(e?.httpStatus ?? 503, {
      message: e?.message ?? 'Could not reach the server.',
      kind: e?.kind ?? 'network',
    });
  }
  if (!session.user) redirect(303, `/auth?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { userId: session.user.id };
};
