// Game data (schema `game`, read-only): spell and item search by name.
import { ilikePattern, run, supabase } from './client';
import type { ItemRow, SpellRow } from './types';

export const SEARCH_LIMIT = 20;
export const MAX_QUERY_LENGTH = 64;

function cleanQuery(q: string): string {
  return q.trim().slice(0, MAX_QUERY_LENGTH);
}

export async function searchSpells(query: string): Promise<SpellRow[]> {
  const q = cleanQuery(query);
  if (q.length < 2) return [];
  return run<SpellRow[]>(
    supabase()
      .schema('game')
      .from('spells')
      .select('*')
      .ilike('name', ilikePattern(q))
      .order('name')
      .limit(SEARCH_LIMIT),
  );
}

export async function searchItems(query: string): Promise<ItemRow[]> {
  const q = cleanQuery(query);
  if (q.length < 2) return [];
  return run<ItemRow[]>(
    supabase()
      .schema('game')
      .from('items')
      .select('*')
      .ilike('name', ilikePattern(q))
      .order('name')
      .limit(SEARCH_LIMIT),
  );
}
