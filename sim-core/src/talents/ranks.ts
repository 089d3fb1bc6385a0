/**
 * Talent ranks in a config's talent list. A key alone is the talent at its full rank; `key:N`
 * (SimulationCraft's `talents=` spelling) is rank N of a talent whose effect the model scales by
 * rank. Only those talents (RANKED_TALENTS, with their spell's rank table beside their numbers:
 * class-tree.ts, bm-hunter/data.ts, bm-hunter/talent-data.ts, mm-hunter/numbers.ts) take a rank:
 * for any other a partial rank would silently act as the full one, so a loadout string's partial
 * rank of another talent is applied at full rank and said so (resolve.ts).
 */
import { nameTable } from '../name-table.ts';
import { HUNTER_NODES } from './tree.ts';

/** The number of ranks the tree gives a spell (trait_data.inc max_ranks; 1 when not in the tree). */
export function treeMaxRanks(spellId: number): number {
  for (const n of HUNTER_NODES) for (const e of n.entries) if (e.spellId === spellId) return e.maxRanks;
  return 1;
}

/**
 * The talents whose effect scales with their rank here, by config key: their spell, and their
 * number of ranks read from the tree (2 each in 11.2: the dump's "Talent Entry ... max_rank=2").
 * Every modelled talent with more than one rank in the tree is here (ranks.test.ts checks it):
 * the class tree's two and the spec trees' Killer Instinct, Scent of Blood, Dire Frenzy (BM) and
 * Unmatched Precision and Eagle's Accuracy (MM).
 */
export const RANKED_TALENTS: Readonly<Record<string, { spellId: number; maxRanks: number }>> = nameTable({
  keen_eyesight: { spellId: 378004, maxRanks: treeMaxRanks(378004) },
  trigger_finger: { spellId: 459534, maxRanks: treeMaxRanks(459534) },
  killer_instinct: { spellId: 273887, maxRanks: treeMaxRanks(273887) },
  scent_of_blood: { spellId: 193532, maxRanks: treeMaxRanks(193532) },
  dire_frenzy: { spellId: 385810, maxRanks: treeMaxRanks(385810) },
  unmatched_precision: { spellId: 1232955, maxRanks: treeMaxRanks(1232955) },
  eagles_accuracy: { spellId: 473369, maxRanks: treeMaxRanks(473369) },
});

/** A rank's value from a rank table indexed by rank − 1 (`[rank 1, rank 2]`); 0 for rank 0. */
export function rankValue(table: readonly number[], rank: number): number {
  return rank > 0 ? table[rank - 1]! : 0;
}

/** `keen_eyesight:1` → key and rank; a plain key → rank null (full). */
export function splitTalent(entry: string): { key: string; rank: number | null } {
  const m = /^([a-z0-9_]+):(\d{1,2})$/.exec(entry);
  return m ? { key: m[1]!, rank: Number(m[2]) } : { key: entry, rank: null };
}

/**
 * The rank of `key` in a config's talent list: 0 when absent, its full rank when listed without
 * one (1 for a talent without ranks here).
 */
export function talentRank(talents: readonly string[], key: string): number {
  for (const t of talents) {
    const s = splitTalent(t);
    if (s.key === key) return s.rank ?? RANKED_TALENTS[key]?.maxRanks ?? 1;
  }
  return 0;
}

/** Why `entry` is not a valid ranked talent entry, or null; `known` are the spec's keys. */
export function rankProblem(entry: string, known: ReadonlySet<string>): string | null {
  const { key, rank } = splitTalent(entry);
  if (rank === null) return null;
  const ranked = RANKED_TALENTS[key];
  if (!known.has(key)) return `unknown talent "${key}"`;
  if (!ranked) return `"${key}" has no ranks here (write it without ":${rank}")`;
  if (rank < 1 || rank > ranked.maxRanks) return `"${key}" has ranks 1 to ${ranked.maxRanks} (got ${rank})`;
  return null;
}

/** The canonical entry: the full rank written without it (`keen_eyesight:2` → `keen_eyesight`). */
export function canonicalTalent(entry: string): string {
  const { key, rank } = splitTalent(entry);
  return rank !== null && rank === RANKED_TALENTS[key]?.maxRanks ? key : entry;
}
