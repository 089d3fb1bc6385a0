/**
 * Validates `config.gear` (item effects: specs/gear.ts). Missing fields are not worn.
 * `legacyRadiantPower`: the config's talents held `authority_of_radiant_power`, the weapon enchant
 * before it moved here: without a `weaponEnchant` of its own the config wears it (rank 3).
 */
import { MAX_DAWNTHREAD_LININGS, MAX_GEM_COLOURS, noGear } from '../specs/gear.ts';
import { GEAR_ITEM_LEVELS } from '../specs/item-levels.ts';
import { DEFAULT_WEAPON_ENCHANT, WEAPON_ENCHANT_VALUES } from '../specs/weapon-enchants.ts';
import type { Gear } from '../types.ts';

type Obj = Record<string, unknown>;

/** The whole-number fields: their largest value and what they count, for the messages. */
const COUNTS = {
  blasphemiteColours: {
    max: MAX_GEM_COLOURS,
    what: 'the distinct gem colours beside Culminating Blasphemite',
  },
  dawnthreadLinings: { max: MAX_DAWNTHREAD_LININGS, what: 'the Dawnthread Linings worn' },
} as const;

/** Validates `config.gear`; pushes problems in words. */
export function parseGear(value: unknown, problems: string[], legacyRadiantPower = false): Gear {
  const g = noGear();
  if (legacyRadiantPower) g.weaponEnchant = DEFAULT_WEAPON_ENCHANT;
  if (value === undefined) return g;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('config.gear: must be an object');
    return g;
  }
  const o = value as Obj;
  for (const k of Object.keys(o)) if (!Object.hasOwn(g, k)) problems.push(`config.gear.${k}: unknown field`);
  for (const [k, { max, what }] of Object.entries(COUNTS)) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
      problems.push(`config.gear.${k}: must be a whole number from 0 to ${max} (${what})`);
    else g[k as keyof typeof COUNTS] = v;
  }
  for (const k of ['reshiiWrapsItemLevel', 'astralAntennaItemLevel', 'netherprismItemLevel'] as const) {
    const ilvl = o[k];
    if (ilvl === undefined) continue;
    const { min, max } = GEAR_ITEM_LEVELS;
    if (typeof ilvl !== 'number' || !Number.isInteger(ilvl) || (ilvl !== 0 && (ilvl < min || ilvl > max)))
      problems.push(`config.gear.${k}: must be 0 (not worn) or an item level from ${min} to ${max}`);
    else g[k] = ilvl;
  }
  const enchant = o.weaponEnchant;
  if (enchant !== undefined) {
    if (typeof enchant === 'string' && (enchant === 'none' || WEAPON_ENCHANT_VALUES.includes(enchant)))
      g.weaponEnchant = enchant;
    else
      problems.push(
        `config.gear.weaponEnchant: must be "none" or an enchant and its rank, e.g. councils_guile_3 (${[...new Set(WEAPON_ENCHANT_VALUES.map((v) => v.slice(0, -2)))].join(', ')}; got ${JSON.stringify(enchant)?.slice(0, 64) ?? 'nothing'})`,
      );
  }
  if (o.reshiiGrace !== undefined) {
    if (typeof o.reshiiGrace === 'boolean') g.reshiiGrace = o.reshiiGrace;
    else problems.push('config.gear.reshiiGrace: must be true or false');
  }
  return g;
}
