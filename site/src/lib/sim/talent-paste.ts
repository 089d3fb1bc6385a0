// The builder's "paste talents from the game" box, pure: what a pasted loadout string becomes for
// the spec the form has — the talent keys to check, the spec to switch to when the string is for
// the other one, and every talent of the string listed as modelled, always known, ignored (with
// the reason) or kept, so nothing is dropped silently.
import { LoadoutError, specs, talentsFromLoadout, type SpecId } from '@wowlab/sim-core';

export interface PastedTalents {
  spec: SpecId;
  /** The string is for the other spec: the form switches to it. */
  switchedSpec: boolean;
  /** The config's talent keys. */
  keys: string[];
  heroTree: string | null;
  modelled: string[];
  baseline: string[];
  ignored: Array<{ name: string; reason: string }>;
  kept: Array<{ name: string; reason: string }>;
  /** Nodes the string selects that the tree of our game build does not have. */
  unknownNodes: number;
}

export type TalentPaste = { ok: true; talents: PastedTalents } | { ok: false; message: string };

/** Reads a pasted loadout string against the form's spec and talents. */
export function pasteTalents(text: string, spec: SpecId, talents: readonly string[]): TalentPaste {
  const s = text.trim();
  if (s === '')
    return { ok: false, message: 'Paste the string from the game (Talents → Share → Copy to clipboard).' };
  try {
    // the other spec's string is read as that spec, with that spec's own options kept
    const probe = talentsFromLoadout(s);
    const base =
      probe.spec === spec ? talents : specs.find((x) => x.id === probe.spec)!.defaultConfig().player.talents;
    const r = talentsFromLoadout(s, { expected: probe.spec, base });
    const name = (t: { name: string; rank: number; maxRanks: number }) =>
      t.maxRanks > 1 ? `${t.name} (${t.rank}/${t.maxRanks})` : t.name;
    return {
      ok: true,
      talents: {
        spec: r.spec,
        switchedSpec: r.spec !== spec,
        keys: r.keys,
        heroTree: r.heroTree,
        modelled: r.modelled.map(name),
        baseline: r.baseline.map((t) => t.name),
        ignored: r.ignored.map((t) => ({ name: name(t), reason: t.reason })),
        kept: r.kept.map((k) => ({ name: k.name, reason: k.reason })),
        unknownNodes: r.unknownNodes.length,
      },
    };
  } catch (err) {
    if (err instanceof LoadoutError) return { ok: false, message: err.message };
    return { ok: false, message: 'This is not a talent string copied from the game.' };
  }
}
