// The sim builder's "Paste talents from the game" box (pure): what a pasted in-game talent
// string becomes for the chosen spec (sim-core's talentsFromLoadout), in the player's words,
// and how the talents chosen afterwards differ from it.
import { LoadoutError, specs, talentsFromLoadout, type LoadoutTalents, type SpecId } from '@wowlab/sim-core';
import { sentence } from './builder';

/** What a pasted string became, ready to show: every talent of the string is in one list. */
export interface PastedTalents {
  spec: SpecId;
  /** "Beast Mastery Hunter" */
  specName: string;
  heroTree: string | null;
  /** The config's talent keys the string gives (modelled talents + kept options). */
  keys: string[];
  /** Talents the model has; `note` says when a partial rank is applied at full rank (a talent the model has no ranks for). */
  modelled: Array<{ key: string; name: string; note: string | null }>;
  /** Abilities every player of the spec has in the model. */
  baseline: string[];
  /** Talents of the string the model does not have, each with why. */
  ignored: Array<{ name: string; reason: string }>;
  /** Options that are not in-game talents, kept from the talents the string replaced. */
  kept: Array<{ key: string; name: string; reason: string }>;
  /** Selected nodes this spec cannot take (most likely another game version). */
  unknown: string[];
}

export type TalentPasteResult =
  | { kind: 'empty' }
  | { kind: 'ok'; talents: PastedTalents }
  /** A good string of the other simulated spec: `talents` are for that spec (its defaults as base). */
  | { kind: 'other-spec'; message: string; talents: PastedTalents }
  | { kind: 'error'; message: string };

function specName(id: SpecId): string {
  const s = specs.find((x) => x.id === id)!;
  return `${s.name} ${s.className}`;
}

function rank(t: { rank: number; maxRanks: number }): string {
  return t.maxRanks > 1 ? ` ${t.rank}/${t.maxRanks}` : '';
}

function view(r: LoadoutTalents): PastedTalents {
  return {
    spec: r.spec,
    specName: specName(r.spec),
    heroTree: r.heroTree,
    keys: [...r.keys],
    modelled: r.modelled.map((t) => ({
      key: t.key,
      name: `${t.name}${rank(t)}`,
      // a ranked talent's partial rank is its `key:N` entry; any other is applied at full rank
      note:
        t.rank < t.maxRanks && !t.key.includes(':')
          ? 'applied at full rank: the model has no ranks for it'
          : null,
    })),
    baseline: r.baseline.map((t) => t.name),
    ignored: r.ignored.map((t) => ({ name: `${t.name}${rank(t)}`, reason: t.reason })),
    kept: r.kept.map((k) => ({ key: k.key, name: k.name, reason: k.reason })),
    unknown: r.unknownNodes.map((u) => sentence(u.reason)),
  };
}

/** A SimulationCraft line (`talents=C0P…`) pastes as well as the bare string. */
function bare(text: string): string {
  return text.trim().replace(/^talents\s*=\s*/i, '');
}

/**
 * Reads a pasted talent string for `spec`. `current` is the talent list it replaces: its
 * options that are not in-game talents (a weapon enchant) are kept. A string of the other
 * simulated spec is read for that spec, so the box can offer to switch.
 */
export function readTalentString(text: string, spec: SpecId, current: readonly string[]): TalentPasteResult {
  const s = bare(text);
  if (s === '') return { kind: 'empty' };
  try {
    return { kind: 'ok', talents: view(talentsFromLoadout(s, { expected: spec, base: current })) };
  } catch (err) {
    if (!(err instanceof LoadoutError)) throw err;
    try {
      const other = talentsFromLoadout(s);
      if (other.spec !== spec)
        return { kind: 'other-spec', message: sentence(err.message), talents: view(other) };
    } catch (again) {
      if (!(again instanceof LoadoutError)) throw again;
    }
    return { kind: 'error', message: sentence(err.message) };
  }
}

/** How the talents chosen now differ from a pasted string (names of the spec's talents). */
export interface PasteStatus {
  changed: boolean;
  /** Talents turned on since the paste. */
  added: string[];
  /** Talents of the string turned off since the paste. */
  removed: string[];
}

/**
 * The pasted string against the talents chosen now; null once the spec is another one (the
 * string no longer describes the form, so its summary goes away).
 */
export function pasteStatus(
  pasted: PastedTalents,
  spec: SpecId,
  current: readonly string[],
): PasteStatus | null {
  if (pasted.spec !== spec) return null;
  const info = specs.find((x) => x.id === spec)!;
  const name = (key: string) => info.talents.find((t) => t.key === key)?.name ?? key;
  const added = current.filter((k) => !pasted.keys.includes(k)).map(name);
  const removed = pasted.keys.filter((k) => !current.includes(k)).map(name);
  return { changed: added.length > 0 || removed.length > 0, added, removed };
}

/** "Arcane Shot" / "Arcane Shot and Barrage" / "A, B and C". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The ignored talents by reason (capitalised to open a line), the most common reason first: one
 * line each in the box.
 */
export function ignoredByReason(
  ignored: PastedTalents['ignored'],
): Array<{ reason: string; names: string[] }> {
  const groups = new Map<string, string[]>();
  for (const t of ignored) {
    const names = groups.get(t.reason) ?? [];
    names.push(t.name);
    groups.set(t.reason, names);
  }
  return [...groups]
    .map(([reason, names]) => ({ reason: reason.charAt(0).toUpperCase() + reason.slice(1), names }))
    .sort((a, b) => b.names.length - a.names.length);
}

/** "Changed since the paste: added Wild Call; turned off Dire Beast." or null when unchanged. */
export function changeSentence(status: PasteStatus): string | null {
  if (!status.changed) return null;
  const parts = [
    status.added.length > 0 ? `added ${listInWords(status.added)}` : '',
    status.removed.length > 0 ? `turned off ${listInWords(status.removed)}` : '',
  ].filter((p) => p !== '');
  return `Changed since the paste: ${parts.join('; ')}.`;
}
