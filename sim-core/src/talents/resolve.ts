/**
 * From an in-game talent string to a config's talent keys: each talent of the loadout is matched
 * to the spec's modelled talents by spell id; what the model does not have is listed, never
 * dropped silently. This is the function the site's talent paste box calls.
 */
import { specData, specs } from '../specs/registry.ts';
import type { SpecId } from '../types.ts';
import { gameSpecName } from './game-specs.ts';
import { HUNTER_TREE_BUILD } from './hunter-tree.ts';
import { decodeLoadout, LoadoutError, type DecodedLoadout, type UnknownNode } from './loadout.ts';
import { RANKED_TALENTS } from './ranks.ts';
import { HUNTER_NODES } from './tree.ts';

export interface ResolvedTalent {
  name: string;
  spellId: number;
  nodeId: number;
  rank: number;
  maxRanks: number;
  tree: 'class' | 'spec' | 'hero';
}

export interface LoadoutTalents {
  spec: SpecId;
  specId: number;
  heroTree: string | null;
  /** The config's talent keys: the modelled talents of the loadout plus the kept options. */
  keys: string[];
  /**
   * Talents of the loadout the model has, with their config entry: `key:N` for a partial rank of a
   * talent scaled by rank (talents/ranks.ts); another talent's partial rank is applied in full.
   */
  modelled: Array<ResolvedTalent & { key: string }>;
  /** Abilities of the loadout the model gives every player of the spec. */
  baseline: ResolvedTalent[];
  /** Talents of the loadout the model does not have, each with the reason. */
  ignored: Array<ResolvedTalent & { reason: string }>;
  /** Config options that are not talents of the in-game tree, kept from the base. */
  kept: Array<{ key: string; name: string; reason: string }>;
  unknownNodes: UnknownNode[];
  decoded: DecodedLoadout;
}

const TREE_SPELLS: ReadonlySet<number> = new Set(
  HUNTER_NODES.flatMap((n) => n.entries.map((e) => e.spellId)).filter((id) => id > 0),
);

/** Our spec of a game spec id, or null (253 → bm-hunter). */
export function specOfGameId(specId: number): SpecId | null {
  return specs.find((s) => s.specId === specId)?.id ?? null;
}

/** The reason of an ignored talent the model lacks (the others are the inactive hero tree's). */
export const NOT_MODELLED_YET = 'not modelled yet';

/**
 * Decodes `text` and maps it to `spec`'s talent keys. `base` is the talent list it replaces
 * (default: the spec's defaults): its keys that are not talents of the in-game tree (gear
 * options such as a weapon enchant, or talents the game no longer has) are kept and listed.
 * `expected` refuses a string of another spec. Throws LoadoutError.
 */
export function talentsFromLoadout(
  text: string,
  opts: { expected?: SpecId; base?: readonly string[] } = {},
): LoadoutTalents {
  const decoded = decodeLoadout(text);
  const spec = specOfGameId(decoded.specId);
  if (!spec)
    throw new LoadoutError(
      `This talent string is for ${gameSpecName(decoded.specId)}: only ${specs.map((s) => s.name).join(' and ')} are simulated here`,
    );
  if (opts.expected && opts.expected !== spec) {
    const want = specs.find((s) => s.id === opts.expected)!;
    throw new LoadoutError(
      `This talent string is for ${gameSpecName(decoded.specId)}, but the spec is ${want.name}`,
    );
  }
  const data = specData(spec);
  const bySpell = new Map(data.talents.filter((t) => t.spellId !== undefined).map((t) => [t.spellId!, t]));
  const abilities = new Set(data.actions.filter((a) => a.talent === undefined).map((a) => a.id));

  const out: LoadoutTalents = {
    spec,
    specId: decoded.specId,
    heroTree: decoded.heroTree,
    keys: [],
    modelled: [],
    baseline: [],
    ignored: [],
    kept: [],
    unknownNodes: decoded.unknownNodes,
    decoded,
  };
  for (const t of decoded.talents) {
    const r: ResolvedTalent = {
      name: t.name,
      spellId: t.spellId,
      nodeId: t.nodeId,
      rank: t.rank,
      maxRanks: t.maxRanks,
      tree: t.tree,
    };
    const info = bySpell.get(t.spellId);
    if (!t.active)
      out.ignored.push({
        ...r,
        reason: `a ${t.heroTree} talent, and this loadout uses ${decoded.heroTree ?? 'no hero tree'}`,
      });
    else if (info)
      out.modelled.push({
        ...r,
        key: t.rank < t.maxRanks && RANKED_TALENTS[info.key] ? `${info.key}:${t.rank}` : info.key,
      });
    else if (abilities.has(t.spellId)) out.baseline.push(r);
    else out.ignored.push({ ...r, reason: NOT_MODELLED_YET });
  }
  for (const key of opts.base ?? data.defaultTalents) {
    const info = data.talents.find((t) => t.key === key);
    if (!info || (info.spellId !== undefined && TREE_SPELLS.has(info.spellId))) continue;
    out.kept.push({
      key,
      name: info.name,
      reason: `not a talent of the in-game tree (game build ${HUNTER_TREE_BUILD}): kept from the base talents`,
    });
  }
  out.keys = [...new Set([...out.modelled.map((m) => m.key), ...out.kept.map((k) => k.key)])];
  return out;
}

/** One line per group, for a terminal or a log: what a loadout string became. */
export function describeLoadoutTalents(r: LoadoutTalents): string[] {
  const spec = specs.find((s) => s.id === r.spec)!;
  const lines = [
    `talents: ${spec.name}${r.heroTree ? ` (${r.heroTree})` : ''} loadout, ${r.modelled.length} modelled talent(s)`,
  ];
  const rank = (t: ResolvedTalent) => (t.maxRanks > 1 ? ` ${t.rank}/${t.maxRanks}` : '');
  const full = (t: ResolvedTalent & { key: string }) =>
    t.rank < t.maxRanks && !t.key.includes(':') ? ' (applied at full rank)' : '';
  if (r.modelled.length > 0)
    lines.push(`  modelled: ${r.modelled.map((t) => `${t.name}${rank(t)}${full(t)}`).join(', ')}`);
  if (r.baseline.length > 0)
    lines.push(`  always known in the model: ${r.baseline.map((t) => t.name).join(', ')}`);
  const notYet = r.ignored.filter((t) => t.reason === NOT_MODELLED_YET);
  if (notYet.length > 0)
    lines.push(`  ignored, not modelled yet: ${notYet.map((t) => `${t.name}${rank(t)}`).join(', ')}`);
  for (const t of r.ignored.filter((x) => x.reason !== NOT_MODELLED_YET))
    lines.push(`  ignored: ${t.name} (${t.reason})`);
  for (const k of r.kept) lines.push(`  kept: ${k.name} (${k.reason})`);
  for (const u of r.unknownNodes) lines.push(`  unknown: ${u.reason}`);
  return lines;
}
