/**
 * A SimulationCraft profile's item lines (`head=name,id=…,bonus_id=…,gem_id=…`), read once for
 * what the import takes from them: the set pieces (./set-bonus.ts) and the items' effects
 * (./gear-lines.ts).
 */

/** An item line: its 1-based line, its key as written and its value. */
export interface ItemLineText {
  line: number;
  key: string;
  value: string;
}

/** SimC's two spellings of a slot (`shoulders=`, `shoulder=`) as one slot. */
export function slotOf(key: string): string {
  return key === 'shoulders' ? 'shoulder' : key === 'wrists' ? 'wrist' : key;
}

/**
 * The item worn in each slot: the slot's last line, as in SimulationCraft (a later line of a slot
 * replaces the item). `slots` are the item slot keys; `skip` leaves out lines that are not the
 * base profile's (the rotation's, the profilesets').
 */
export function itemLinesBySlot(
  lines: readonly string[],
  skip: (index: number) => boolean,
  slots: ReadonlySet<string>,
): Map<string, ItemLineText> {
  const bySlot = new Map<string, ItemLineText>();
  lines.forEach((raw, i) => {
    if (skip(i)) return;
    const m = /^([a-z0-9_]+)\s*=(.*)$/i.exec(raw.trim());
    if (m === null) return;
    const key = m[1]!.toLowerCase();
    if (slots.has(key)) bySlot.set(slotOf(key), { line: i + 1, key, value: m[2]!.trim() });
  });
  return bySlot;
}

/** An item line's `name=value` fields after the item's name, by lower-case name. */
export function itemFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return fields;
}
