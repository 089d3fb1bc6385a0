// Generates supabase/seed.sql (game.* data) from @wowlab/sim-core's spec data, so the
// portal shows exactly the spells, auras and talents the simulator implements. Pure:
// specs in, SQL text out; scripts/gen-seed.ts writes the file, a test checks it is current.
import type { SpecInfo } from '@wowlab/sim-core';

type Value = string | number | boolean | null | number[] | { json: unknown };

function lit(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.length ? `array[${v.map((n) => lit(n)).join(', ')}]` : `'{}'::integer[]`;
  if (typeof v === 'object') return `${lit(JSON.stringify(v.json))}::jsonb`;
  if (v.includes('\0')) throw new Error('NUL byte in seed text');
  return `'${v.replace(/'/g, "''")}'`;
}

function upsert(table: string, columns: string[], key: string[], rows: Value[][]): string {
  if (rows.length === 0) return '';
  const update = columns.filter((c) => !key.includes(c));
  return [
    `insert into ${table} (${columns.join(', ')}) values`,
    rows.map((r) => `  (${r.map(lit).join(', ')})`).join(',\n'),
    `on conflict (${key.join(', ')}) do update set`,
    update.map((c) => `  ${c} = excluded.${c}`).join(',\n') + ';',
  ].join('\n');
}

const CLASS_COLORS: Record<number, string> = { 3: '#aad372' };
const CLASS_ICONS: Record<number, string> = { 3: 'classicon_hunter' };

/** A few well-known hunter weapons for the item pages (display only; the sims do not use items). */
const ITEMS: Value[][] = [
  [18713, "Rhok'delar, Longbow of the Ancient Keepers", 5, 75, 'ranged', 'inv_weapon_bow_13', { json: {} }],
  [19361, "Ashjre'thul, Crossbow of Smiting", 4, 78, 'ranged', 'inv_weapon_crossbow_10', { json: {} }],
  [32336, 'Black Bow of the Betrayer', 4, 151, 'ranged', 'inv_weapon_bow_32', { json: {} }],
  [34334, "Thori'dal, the Stars' Fury", 5, 164, 'ranged', 'inv_weapon_bow_39', { json: {} }],
  [50733, "Fal'inrush, Defender of Quel'thalas", 4, 264, 'ranged', 'inv_weapon_crossbow_36', { json: {} }],
];

const GLOBAL_COLORS: Array<[string, string]> = [
  ['class-hunter', '#aad372'],
  ['quality-poor', '#9d9d9d'],
  ['quality-common', '#ffffff'],
  ['quality-uncommon', '#1eff00'],
  ['quality-rare', '#0070dd'],
  ['quality-epic', '#a335ee'],
  ['quality-legendary', '#ff8000'],
  ['quality-artifact', '#e6cc80'],
  ['quality-heirloom', '#00ccff'],
  ['school-physical', '#ffff00'],
  ['school-holy', '#ffe680'],
  ['school-fire', '#ff8000'],
  ['school-nature', '#4dff4d'],
  ['school-frost', '#80ffff'],
  ['school-shadow', '#8080ff'],
  ['school-arcane', '#ff80ff'],
];

const GLOBAL_STRINGS: Array<[string, string]> = [
  ['ROLE_DPS', 'Damage'],
  ['SCHOOL_PHYSICAL', 'Physical'],
  ['SCHOOL_HOLY', 'Holy'],
  ['SCHOOL_FIRE', 'Fire'],
  ['SCHOOL_NATURE', 'Nature'],
  ['SCHOOL_FROST', 'Frost'],
  ['SCHOOL_SHADOW', 'Shadow'],
  ['SCHOOL_ARCANE', 'Arcane'],
  ['FIGHT_PATCHWERK', 'Patchwerk (single target)'],
  ['FIGHT_CLEAVE', 'Cleave (several targets)'],
  ['DPS', 'Damage per second'],
  ['DPS_ERROR', 'DPS error (95% confidence)'],
];

export function generateSeedSql(specs: readonly SpecInfo[]): string {
  const classes = new Map<number, Value[]>();
  const specRows: Value[][] = [];
  const traits: Value[][] = [];
  const spells = new Map<number, { row: Value[]; specIds: number[] }>();
  const auras = new Map<number, Value[]>();
  const orderInClass = new Map<number, number>();

  for (const s of specs) {
    const color = CLASS_COLORS[s.classId];
    if (!color) throw new Error(`no class color for class ${s.classId}`);
    classes.set(s.classId, [
      s.classId,
      s.className,
      s.className.toLowerCase(),
      color,
      CLASS_ICONS[s.classId] ?? null,
    ]);
    const order = orderInClass.get(s.classId) ?? 0;
    orderInClass.set(s.classId, order + 1);
    specRows.push([s.specId, s.classId, s.className, s.id, s.name, 'dps', order, null, '']);
    s.talents.forEach((t, i) => traits.push([s.specId, t.key, t.name, t.description, t.spellId ?? null, i]));
    for (const sp of s.spells) {
      const prev = spells.get(sp.id);
      if (prev) {
        if (!prev.specIds.includes(s.specId)) prev.specIds.push(s.specId);
        continue;
      }
      spells.set(sp.id, {
        row: [
          sp.id,
          sp.key,
          sp.name,
          sp.description,
          sp.school,
          sp.cooldownMs ?? null,
          sp.cost ?? null,
          null,
        ],
        specIds: [s.specId],
      });
    }
    for (const a of s.auras) {
      if (!auras.has(a.id))
        auras.set(a.id, [a.id, a.key, a.name, a.description, a.durationMs, a.maxStacks, null]);
    }
  }
  const byId = <T extends Value[]>(a: T, b: T) => (a[0] as number) - (b[0] as number);
  const spellRows = [...spells.values()].map((s) => [...s.row, s.specIds.sort((a, b) => a - b)]).sort(byId);
  const auraRows = [...auras.values()].sort(byId);
  const specIds = specRows.map((r) => r[0] as number);

  const parts = [
    '-- supabase/seed.sql: game data generated from @wowlab/sim-core by',
    '-- `pnpm --filter @wowlab/db exec tsx scripts/gen-seed.ts`. Generated: do not edit.',
    '-- Idempotent: upserts, and removes spells, auras and traits the simulator no longer has.',
    '',
    upsert('game.classes', ['id', 'name', 'slug', 'color', 'icon'], ['id'], [...classes.values()].sort(byId)),
    '',
    upsert(
      'game.specs',
      ['id', 'class_id', 'class_name', 'slug', 'name', 'role', 'order_index', 'icon', 'description'],
      ['id'],
      specRows.sort(byId),
    ),
    '',
    `delete from game.specs_traits t where t.spec_id in (${specIds.join(', ')})`,
    `  and (t.spec_id, t.key) not in (${traits.map((r) => `(${lit(r[0]!)}, ${lit(r[1]!)})`).join(', ')});`,
    upsert(
      'game.specs_traits',
      ['spec_id', 'key', 'name', 'description', 'spell_id', 'order_index'],
      ['spec_id', 'key'],
      traits,
    ),
    '',
    `delete from game.spells where id not in (${spellRows.map((r) => r[0]).join(', ')});`,
    upsert(
      'game.spells',
      ['id', 'key', 'name', 'description', 'school', 'cooldown_ms', 'cost', 'icon', 'spec_ids'],
      ['id'],
      spellRows,
    ),
    '',
    `delete from game.auras where spell_id not in (${auraRows.map((r) => r[0]).join(', ')});`,
    upsert(
      'game.auras',
      ['spell_id', 'key', 'name', 'description', 'duration_ms', 'max_stacks', 'icon'],
      ['spell_id'],
      auraRows,
    ),
    '',
    upsert('game.items', ['id', 'name', 'quality', 'item_level', 'slot', 'icon', 'stats'], ['id'], ITEMS),
    '',
    upsert('game.global_colors', ['name', 'color'], ['name'], GLOBAL_COLORS),
    '',
    upsert('game.global_strings', ['tag', 'value'], ['tag'], GLOBAL_STRINGS),
  ];
  return parts.join('\n') + '\n';
}
