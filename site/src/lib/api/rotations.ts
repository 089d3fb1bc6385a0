// Rotations: browse with filters, read, save (insert/update; the database versions them), fork, delete.
import type { SpecId } from '@wowlab/sim-core';
import { ilikePattern, run, runOne, supabase } from './client';
import type { Rotation, RotationVersion } from './types';

export interface RotationFilters {
  spec?: SpecId | '';
  name?: string;
  /** user id of the author (resolved from a handle by the caller) */
  authorId?: string;
  /** only public rotations (RLS already limits results to public + mine) */
  publicOnly?: boolean;
  limit?: number;
}

const LIST_COLUMNS = 'id,user_id,name,spec,description,is_public,current_version,created_at,updated_at';

export type RotationSummary = Omit<Rotation, 'script' | 'checksum'>;

export async function listRotations(filters: RotationFilters = {}): Promise<RotationSummary[]> {
  let q = supabase().from('rotations').select(LIST_COLUMNS);
  if (filters.spec) q = q.eq('spec', filters.spec);
  if (filters.name?.trim()) q = q.ilike('name', ilikePattern(filters.name.trim()));
  if (filters.authorId) q = q.eq('user_id', filters.authorId);
  if (filters.publicOnly) q = q.eq('is_public', true);
  return run<RotationSummary[]>(
    q.order('updated_at', { ascending: false }).limit(Math.min(filters.limit ?? 100, 200)),
  );
}

/** Rotations usable in the sim builder for one spec: mine and public ones, with their script. */
export async function listRotationsForSpec(spec: SpecId): Promise<Rotation[]> {
  return run<Rotation[]>(
    supabase().from('rotations').select('*').eq('spec', spec).order('name', { ascending: true }).limit(100),
  );
}

export async function getRotation(id: string): Promise<Rotation> {
  return runOne<Rotation>(
    supabase().from('rotations').select('*').eq('id', id).maybeSingle(),
    'Rotation not found',
  );
}

export async function listVersions(rotationId: string): Promise<RotationVersion[]> {
  return run<RotationVersion[]>(
    supabase()
      .from('rotations_versions')
      .select('rotation_id,version,script,checksum,created_at')
      .eq('rotation_id', rotationId)
      .order('version', { ascending: false })
      .limit(50),
  );
}

export interface RotationInput {
  name: string;
  spec: SpecId;
  description: string;
  script: string;
  is_public: boolean;
}

export async function createRotation(userId: string, input: RotationInput): Promise<Rotation> {
  return run<Rotation>(
    supabase()
      .from('rotations')
      .insert({ ...input, user_id: userId })
      .select('*')
      .single(),
  );
}

export async function updateRotation(id: string, input: RotationInput): Promise<Rotation> {
  return run<Rotation>(supabase().from('rotations').update(input).eq('id', id).select('*').single());
}

export async function forkRotation(userId: string, source: Rotation): Promise<Rotation> {
  return createRotation(userId, {
    name: forkName(source.name),
    spec: source.spec,
    description: source.description ?? '',
    script: source.script,
    is_public: false,
  });
}

export function forkName(name: string): string {
  const base = name.replace(/ \(fork(?: \d+)?\)$/, '');
  const full = `${base} (fork)`;
  return full.length > 100 ? full.slice(0, 100) : full;
}

export async function deleteRotation(id: string): Promise<void> {
  await run(supabase().from('rotations').delete().eq('id', id));
}
