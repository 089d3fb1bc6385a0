// User profiles: by id, by handle, by ids (batch), edit my handle.
import { run, runOne, supabase } from './client';
import type { Profile, ProfileWithCredit } from './types';

const COLUMNS = 'id,handle,avatar_url';

export async function getProfile(id: string): Promise<Profile | null> {
  return run<Profile | null>(supabase().from('user_profiles').select(COLUMNS).eq('id', id).maybeSingle());
}

/** A public profile page's user, with the iterations they contributed. */
export async function getProfileByHandle(handle: string): Promise<ProfileWithCredit> {
  return runOne<ProfileWithCredit>(
    supabase()
      .from('user_profiles')
      .select(`${COLUMNS},credited_iterations`)
      .eq('handle', handle)
      .maybeSingle(),
    'Profile not found',
  );
}

export async function findProfileByHandle(handle: string): Promise<Profile | null> {
  return run<Profile | null>(
    supabase().from('user_profiles').select(COLUMNS).eq('handle', handle).maybeSingle(),
  );
}

/** Profiles for a set of user ids, in one request. */
export async function getProfiles(ids: string[]): Promise<Map<string, Profile>> {
  const out = new Map<string, Profile>();
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return out;
  const rows = await run<Profile[]>(supabase().from('user_profiles').select(COLUMNS).in('id', unique));
  for (const p of rows) out.set(p.id, p);
  return out;
}

export async function updateHandle(id: string, handle: string): Promise<Profile> {
  return run<Profile>(
    supabase().from('user_profiles').update({ handle }).eq('id', id).select(COLUMNS).single(),
  );
}
