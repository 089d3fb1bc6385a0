/**
 * The Hunter talent tree as the export string walks it: every node of the class tree (all specs'
 * nodes, hero trees and hero-tree selection nodes) in ascending node id, each node's entries in
 * the order a choice index counts them. Built once from the transcribed rows of hunter-tree.ts.
 */
import { HERO_TREES, HUNTER_TRAIT_ROWS, type TraitRow } from './hunter-tree.ts';

export type TreeKind = 'class' | 'spec' | 'hero' | 'selection';

export interface TraitEntry {
  entryId: number;
  /** 0 for a hero-tree selection entry. */
  spellId: number;
  name: string;
  maxRanks: number;
  /** Specs that may take it; empty = every spec of the class. */
  specs: readonly number[];
  /** Specs that get it for free (granted at rank 1). */
  starterSpecs: readonly number[];
  /** The hero tree it belongs to (hero nodes) or selects (selection nodes); 0 otherwise. */
  heroTree: string | null;
  selectionIndex: number;
}

export interface TraitNode {
  id: number;
  tree: TreeKind;
  /** A choice node (or hero-tree selection): the string stores which entry was taken. */
  choice: boolean;
  /** In choice-index order. */
  entries: readonly TraitEntry[];
}

const KIND: Record<TraitRow[0], TreeKind> = { 1: 'class', 2: 'spec', 3: 'hero', 4: 'selection' };

/**
 * Entry order inside a node, as SimulationCraft's sort_node_entries (engine/player/player.cpp):
 * by selection_index when both entries have one, otherwise the higher entry id first.
 */
export function compareEntries(a: TraitEntry, b: TraitEntry): number {
  if (a.selectionIndex !== -1 && b.selectionIndex !== -1) return a.selectionIndex - b.selectionIndex;
  return b.entryId - a.entryId;
}

function build(rows: readonly TraitRow[]): TraitNode[] {
  const byNode = new Map<number, { tree: TreeKind; nodeType: number; entries: TraitEntry[] }>();
  for (const [
    tree,
    entryId,
    nodeId,
    maxRanks,
    spellId,
    selectionIndex,
    name,
    specs,
    starters,
    sub,
    type,
  ] of rows) {
    let node = byNode.get(nodeId);
    if (!node) {
      node = { tree: KIND[tree], nodeType: type, entries: [] };
      byNode.set(nodeId, node);
    }
    node.entries.push({
      entryId,
      spellId,
      name,
      maxRanks,
      specs,
      starterSpecs: starters,
      heroTree: sub === 0 ? null : (HERO_TREES[sub] ?? `hero tree ${sub}`),
      selectionIndex,
    });
  }
  return [...byNode]
    .sort(([a], [b]) => a - b)
    .map(([id, n]) => ({
      id,
      tree: n.tree,
      // SimulationCraft: a node is a choice when its (first) entry's node_type is 2 or 3
      choice: n.nodeType === 2 || n.nodeType === 3,
      entries: [...n.entries].sort(compareEntries),
    }));
}

/** Every node of the Hunter tree in the order the export string stores them. */
export const HUNTER_NODES: readonly TraitNode[] = build(HUNTER_TRAIT_ROWS);

export const HUNTER_NODE_BY_ID: ReadonlyMap<number, TraitNode> = new Map(HUNTER_NODES.map((n) => [n.id, n]));

/** True when an entry may be taken by this spec. */
export function entryAllowsSpec(entry: TraitEntry, specId: number): boolean {
  return entry.specs.length === 0 || entry.specs.includes(specId);
}
