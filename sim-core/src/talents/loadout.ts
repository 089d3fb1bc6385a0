/**
 * The in-game talent loadout export string (what SimulationCraft's `talents=` takes): decoded
 * against the Hunter tree and written back. The format is Blizzard's
 * (Interface/AddOns/Blizzard_PlayerSpells/ClassTalents/Blizzard_ClassTalentImportExport.lua,
 * read the same way by SimulationCraft's parse_traits_hash / generate_traits_hash in
 * engine/player/player.cpp), in the bit stream of bit-stream.ts:
 *
 *   header: serialization version (8 bits), spec id (16), tree hash (128, zero-filled = not checked)
 *   then for every node of the class tree in ascending node id:
 *     selected (1); if selected: purchased (1), 0 = granted at rank 1;
 *       if purchased: partially ranked (1) [+ ranks (6)], choice (1) [+ entry index (2)]
 *
 * The node ids are not in the string, so a string is only meaningful against the tree of the
 * game build it was exported from (hunter-tree.ts says which build this is).
 */
import { BitReader, BitWriter } from './bit-stream.ts';
import { gameSpecName } from './game-specs.ts';
import { HUNTER_TREE_BUILD } from './hunter-tree.ts';
import { entryAllowsSpec, HUNTER_NODE_BY_ID, HUNTER_NODES, type TraitNode, type TreeKind } from './tree.ts';

/** The serialization version of The War Within's strings (C_Traits.GetLoadoutSerializationVersion). */
export const LOADOUT_VERSION = 2;
/** Hunter specs whose strings decode here: Beast Mastery, Marksmanship, Survival. */
const HUNTER_SPEC_IDS: readonly number[] = [253, 254, 255];
/** The longest string the Hunter tree can produce is about 410 characters. */
export const MAX_LOADOUT_CHARS = 512;

const HEADER = { version: 8, spec: 16, hashBytes: 16, ranks: 6, choice: 2 } as const;
const DAMAGED = 'This string is damaged or incomplete';

/** A talent string that cannot be read; `message` is a sentence for the player. */
export class LoadoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadoutError';
  }
}

export interface LoadoutTalent {
  nodeId: number;
  entryId: number;
  spellId: number;
  name: string;
  rank: number;
  maxRanks: number;
  tree: Exclude<TreeKind, 'selection'>;
  /** Given for free (a spec's starter talent, a hero tree's first talent), not bought. */
  granted: boolean;
  /** The hero tree of a hero talent. */
  heroTree: string | null;
  /** False for a hero talent of the hero tree the loadout does not use (the game grants both keystones). */
  active: boolean;
}

export interface UnknownNode {
  nodeId: number;
  reason: string;
}

export interface DecodedLoadout {
  version: number;
  specId: number;
  /** 16 bytes; all zero in strings built outside the game. */
  treeHash: number[];
  /** The chosen hero tree ("Pack Leader", "Dark Ranger", "Sentinel"), if any. */
  heroTree: string | null;
  /** Every selected node except the hero-tree selection, in node order. */
  talents: LoadoutTalent[];
  /** Selected nodes this spec cannot take: the string likely comes from another game build. */
  unknownNodes: UnknownNode[];
}

function damaged(detail: string): LoadoutError {
  return new LoadoutError(
    `${DAMAGED} (${detail}), or it comes from a game version other than ${HUNTER_TREE_BUILD}`,
  );
}

/** Reads an in-game talent export string. Throws LoadoutError with a sentence for the player. */
export function decodeLoadout(text: string): DecodedLoadout {
  const s = text.trim();
  if (s === '') throw new LoadoutError('The talent string is empty');
  if (s.length > MAX_LOADOUT_CHARS)
    throw new LoadoutError(
      `A talent string has at most ${MAX_LOADOUT_CHARS} characters (this one has ${s.length})`,
    );
  let r: BitReader;
  try {
    r = new BitReader(s);
  } catch (e) {
    const at = Number((e as RangeError).message);
    throw new LoadoutError(
      `This is not a talent string: "${s[at]}" (character ${at + 1}) cannot appear in one`,
    );
  }
  if (r.totalBits < HEADER.version + HEADER.spec + HEADER.hashBytes * 8) throw new LoadoutError(DAMAGED);
  const version = r.read(HEADER.version);
  const specId = r.read(HEADER.spec);
  const treeHash = Array.from({ length: HEADER.hashBytes }, () => r.read(8));
  if (version !== LOADOUT_VERSION)
    throw new LoadoutError(
      `This talent string has export format ${version}; only format ${LOADOUT_VERSION} (The War Within) can be read`,
    );
  if (!HUNTER_SPEC_IDS.includes(specId))
    throw new LoadoutError(`This talent string is for ${gameSpecName(specId)}, not a hunter`);

  const picks: Array<{ node: TraitNode; index: number; rank: number; granted: boolean }> = [];
  for (const node of HUNTER_NODES) {
    if (r.read(1) === 0) continue;
    const purchased = r.read(1) === 1;
    let index = 0;
    let rank = 1;
    if (purchased) {
      const partial = r.read(1) === 1;
      rank = partial ? r.read(HEADER.ranks) : node.entries[0]!.maxRanks;
      if (r.read(1) === 1) {
        index = r.read(HEADER.choice);
        if (!node.choice) throw damaged(`node ${node.id} is not a choice`);
        if (index >= node.entries.length) throw damaged(`node ${node.id} has no option ${index + 1}`);
      }
      const max = node.entries[index]!.maxRanks;
      if (partial && (rank < 1 || rank >= max))
        throw damaged(`node ${node.id}: ${rank} of ${max} ranks marked as partial`);
    }
    picks.push({ node, index, rank, granted: !purchased });
  }
  if (r.overrun) throw new LoadoutError(DAMAGED);
  if (!r.restIsZero())
    throw damaged(`it has more nodes than the ${HUNTER_NODES.length} of the Hunter talent tree`);

  const unknownNodes: UnknownNode[] = [];
  const usable = picks.filter(({ node, index }) => {
    const e = node.entries[index]!;
    if (entryAllowsSpec(e, specId)) return true;
    const owners = e.specs.map((id) => gameSpecName(id).replace(/^an? /, '')).join(' or ');
    unknownNodes.push({ nodeId: node.id, reason: `${e.name} (node ${node.id}) is a ${owners} talent` });
    return false;
  });
  const selection = usable.find((p) => p.node.tree === 'selection');
  const heroTree = selection ? selection.node.entries[selection.index]!.heroTree : null;
  const talents = usable
    .filter((p) => p.node.tree !== 'selection')
    .map(({ node, index, rank, granted }): LoadoutTalent => {
      const e = node.entries[index]!;
      return {
        nodeId: node.id,
        entryId: e.entryId,
        spellId: e.spellId,
        name: e.name,
        rank,
        maxRanks: e.maxRanks,
        tree: node.tree as LoadoutTalent['tree'],
        granted,
        heroTree: e.heroTree,
        active: node.tree !== 'hero' || e.heroTree === heroTree,
      };
    });
  return { version, specId, treeHash, heroTree, talents, unknownNodes };
}

export interface LoadoutInput {
  specId: number;
  heroTree?: string | null;
  /** A node is named by its id; the entry of a choice node by its spell id (or entry id). */
  talents: ReadonlyArray<{
    nodeId: number;
    spellId?: number;
    entryId?: number;
    rank?: number;
    granted?: boolean;
  }>;
  treeHash?: readonly number[];
}

/**
 * Writes an in-game talent export string (format 2). Throws LoadoutError on a node, option,
 * rank or hero tree the spec cannot have. `granted` defaults to the spec's starter talents.
 */
export function encodeLoadout(input: LoadoutInput): string {
  const { specId } = input;
  if (!HUNTER_SPEC_IDS.includes(specId))
    throw new LoadoutError(
      `Only hunter talent strings can be written (spec ${specId} is ${gameSpecName(specId)})`,
    );
  const hash = input.treeHash ?? new Array<number>(HEADER.hashBytes).fill(0);
  if (hash.length !== HEADER.hashBytes) throw new LoadoutError('A tree hash has 16 bytes');

  const chosen = new Map<number, { index: number; rank: number; granted: boolean }>();
  for (const t of input.talents) {
    const node = HUNTER_NODE_BY_ID.get(t.nodeId);
    if (!node || node.tree === 'selection')
      throw new LoadoutError(`The Hunter talent tree has no talent node ${t.nodeId}`);
    if (chosen.has(node.id)) throw new LoadoutError(`Talent node ${node.id} is listed twice`);
    const index = node.entries.findIndex(
      (e) =>
        (t.spellId === undefined || e.spellId === t.spellId) &&
        (t.entryId === undefined || e.entryId === t.entryId),
    );
    if (index < 0)
      throw new LoadoutError(`Talent node ${node.id} has no option with spell ${t.spellId ?? t.entryId}`);
    if (index > 0 && t.spellId === undefined && t.entryId === undefined)
      throw new LoadoutError(`Talent node ${node.id} is a choice: name the option by its spell id`);
    const e = node.entries[index]!;
    if (!entryAllowsSpec(e, specId))
      throw new LoadoutError(
        `${e.name} (node ${node.id}) is not a ${gameSpecName(specId).replace(/^an? /, '')} talent`,
      );
    const rank = t.rank ?? e.maxRanks;
    if (!Number.isInteger(rank) || rank < 1 || rank > e.maxRanks)
      throw new LoadoutError(`${e.name} has 1 to ${e.maxRanks} ranks (got ${rank})`);
    const granted = t.granted ?? (rank === 1 && e.starterSpecs.includes(specId));
    if (granted && rank !== 1) throw new LoadoutError(`${e.name}: a granted talent has rank 1`);
    if (granted && index > 0)
      throw new LoadoutError(`${e.name}: only a choice node's first option can be granted`);
    chosen.set(node.id, { index, rank, granted });
  }
  if (input.heroTree) {
    const node = HUNTER_NODES.find(
      (n) =>
        n.tree === 'selection' &&
        n.entries.some((e) => e.heroTree === input.heroTree && entryAllowsSpec(e, specId)),
    );
    if (!node) throw new LoadoutError(`${gameSpecName(specId)} has no hero tree "${input.heroTree}"`);
    const index = node.entries.findIndex((e) => e.heroTree === input.heroTree);
    chosen.set(node.id, { index, rank: 1, granted: false });
  }

  const w = new BitWriter();
  w.write(HEADER.version, LOADOUT_VERSION);
  w.write(HEADER.spec, specId);
  for (const b of hash) w.write(8, b);
  for (const node of HUNTER_NODES) {
    const c = chosen.get(node.id);
    w.write(1, c ? 1 : 0);
    if (!c) continue;
    w.write(1, c.granted ? 0 : 1);
    if (c.granted) continue;
    const max = node.entries[c.index]!.maxRanks;
    w.write(1, c.rank === max ? 0 : 1);
    if (c.rank !== max) w.write(HEADER.ranks, c.rank);
    w.write(1, node.choice ? 1 : 0);
    if (node.choice) w.write(HEADER.choice, c.index);
  }
  return w.finish();
}
