// OAuth callback: exchange the code for a session, then continue.
import { redirect } from '@sveltejs/kit';
import { exchangeCode } from '$lib/api/auth';
import { loadOrError } from '$lib/api/load';
import { session } from '$lib/state/session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const code = url.searchParams.get('code');
  const next = url.searchParams.get('next') ?? '/';
  const safe = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const problem = url.searchParams.get('error_description');
  if (problem) return { problem };
  if (!code) return { problem: 'The sign-in provider did not return a code.' };
  await loadOrError(async () => {
    await exchangeCode(code);
    await session.sync();
  });
  redirect(303, safe);
};
