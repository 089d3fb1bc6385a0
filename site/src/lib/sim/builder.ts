// Sim builder form model (pure): form ⇄ SimConfig, job options checks, problems per field.
// sim-core's parseConfig does the config validation; this module only shapes data for it.
import {
  AUGMENT_RUNES,
  DEFAULT_ITERATIONS,
  defaultConsumables,
  defaultRaidBuffs,
  FLASKS,
  FOODS,
  MODELLED_RACES,
  NOT_MODELLED,
  noGear,
  POTIONS,
  RACES,
  SET_BONUSES,
  setBonusesFor,
  setBonusName,
  WEAPON_OILS,
  type Consumables,
  type AddWaves,
  type Gear,
  type RaidBuffs,
  type Timing,
  type SimConfig,
  type SpecId,
} from '@wowlab/sim-core';
import type { AccessType } from '$lib/api/types';

export const STAT_KEYS = [
  'agility',
  'crit',
  'haste',
  'mastery',
  'versatility',
  'weaponDps',
  'weaponSpeed',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

export const STAT_LABELS: Record<StatKey, string> = {
  agility: 'Agility',
  crit: 'Critical strike (rating)',
  haste: 'Haste (rating)',
  mastery: 'Mastery (rating)',
  versatility: 'Versatility (rating)',
  weaponDps: 'Weapon DPS',
  weaponSpeed: 'Weapon speed (s)',
};

export const MIN_ITERATIONS = 1000;
export const MAX_ITERATIONS = 1_000_000;

export const ITERATION_PRESETS: Array<{ label: string; value: number }> = [
  { label: 'Quick — 1,000', value: 1000 },
  { label: 'Standard — 10,000', value: 10_000 },
  { label: 'Precise — 100,000', value: 100_000 },
  { label: 'Ultra — 1,000,000', value: 1_000_000 },
];

export type Visibility = AccessType;

/** A sim name, as create_job accepts it. */
export const JOB_NAME_MAX = 80;

export interface BuilderForm {
  spec: SpecId;
  stats: Record<StatKey, number>;
  talents: string[];
  fightStyle: SimConfig['fight']['style'];
  /** The add waves of an `adds` fight; null = SimulationCraft's HecticAddCleave waves for the duration. */
  adds: AddWaves | null;
  /** Timing options kept from the config; null = sim-core's defaults (SimulationCraft's). */
  timing: Timing | null;
  durationSeconds: number;
  durationVariation: number;
  targets: number;
  bloodlust: boolean;
  /** SimulationCraft's default raid buffs and debuffs, each a toggle. */
  raidBuffs: RaidBuffs;
  /** Flask, potion and augment rune by SimulationCraft name (SimulationCraft's defaults unless changed). */
  consumables: Consumables;
  /** SimulationCraft race name, 'none' for no racials. */
  race: string;
  /** The class set bonuses worn, by SimulationCraft's full names (the tier set select, TIER_SET_OPTIONS). */
  setBonuses: string[];
  /** Item effects worn (a pasted profile's items fill them; GearFields edits them). */
  gear: Gear;
  /** 'default' | 'custom' | a rotation id */
  rotationSource: string;
  rotation: string;
  iterations: number;
  visibility: Visibility;
  discordServerId: string;
  /** `user` visibility: the users (who offered me a node) that may run it. */
  sharedWith: string[];
  /** Optional name the player gives the sim. */
  name: string;
  /** empty = random */
  seed: string;
  /** Smart sim: stop at this 95 % error (a fraction of the mean, as text); '' = run every iteration. */
  targetError: string;
}

/** The raid buffs' names in the builder (what each does: sim-core/docs/specs.md). */
export const RAID_BUFF_LABELS: Record<keyof RaidBuffs, string> = {
  battleShout: 'Battle Shout',
  markOfTheWild: 'Mark of the Wild',
  skyfury: 'Skyfury',
  mysticTouch: 'Mystic Touch (target)',
  chaosBrand: 'Chaos Brand (target)',
  huntersMark: "Hunter's Mark (target, before the pull)",
};

/** A choice of a select: SimulationCraft's name and what the player reads. */
export interface Choice {
  value: string;
  label: string;
}

/** Every entry of one of sim-core's consumable tables (by SimulationCraft name), then none. */
function choices(table: Readonly<Record<string, { name: string }>>): Choice[] {
  return [
    ...Object.entries(table).map(([value, c]) => ({ value, label: c.name })),
    { value: 'none', label: 'None' },
  ];
}

/**
 * The builder's consumable selects, in order: the config key, the field's name and the choices
 * (sim-core's tables: every consumable it models). `action` names the rotation action that uses it.
 */
export const CONSUMABLE_FIELDS: ReadonlyArray<{
  key: keyof Consumables;
  label: string;
  action?: string;
  options: Choice[];
}> = [
  { key: 'flask', label: 'Flask', options: choices(FLASKS) },
  { key: 'potion', label: 'Potion', action: 'potion', options: choices(POTIONS) },
  { key: 'augmentRune', label: 'Augment rune', options: choices(AUGMENT_RUNES) },
  { key: 'food', label: 'Food', options: choices(FOODS) },
  { key: 'weaponOil', label: 'Weapon oil', options: choices(WEAPON_OILS) },
];

/**
 * What the consumables legend names as the defaults: each field's choice that sim-core's
 * defaultConsumables() picks, by its name in sim-core's table ("Flask of Alchemical Chaos, …").
 */
export function defaultConsumableNames(): string[] {
  const defaults = defaultConsumables();
  return CONSUMABLE_FIELDS.flatMap((f) => {
    const label = f.options.find((o) => o.value === defaults[f.key] && o.value !== 'none')?.label;
    return label ? [label] : [];
  });
}

/** `dark_iron_dwarf` → "Dark Iron Dwarf"; a race with a racial not modelled yet names it. */
export const RACE_OPTIONS: Choice[] = RACES.map((value) => {
  const name =
    value === 'none'
      ? 'None (no racials)'
      : value === 'maghar_orc'
        ? "Mag'har Orc"
        : value.replace(
            /(^|_)([a-z])/g,
            (_, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
          );
  const missing = NOT_MODELLED[value];
  return {
    value,
    label: MODELLED_RACES.has(value) ? name : `${name} (not modelled yet: ${missing ?? 'its racials'})`,
  };
});

/** The tier set select's label. */
export const TIER_SET_LABEL = 'Tier set (The War Within season 3)';

/** The tier set select's choices: the pieces worn, as the set bonuses they give. */
export const TIER_SET_OPTIONS: Choice[] = [
  { value: 'none', label: 'None' },
  { value: '2', label: '2-piece bonus' },
  { value: '4', label: '4-piece (2- and 4-piece bonuses)' },
];

/**
 * The tier set choice of a form's set bonuses: 'none', '2' or '4' when they are what that many
 * pieces give, else 'other' (a pasted profile's set_bonus= lines may give the 4-piece bonus alone).
 */
export function tierSetChoice(setBonuses: readonly string[]): string {
  for (const pieces of [0, 2, 4]) {
    const given = setBonusesFor(pieces);
    if (given.length === setBonuses.length && given.every((b) => setBonuses.includes(b)))
      return pieces === 0 ? 'none' : String(pieces);
  }
  return 'other';
}

/** The set bonuses of a tier set choice ('other' keeps `current`). */
export function setBonusesOfChoice(choice: string, current: readonly string[]): string[] {
  return choice === 'other' ? [...current] : setBonusesFor(choice === 'none' ? 0 : Number(choice));
}

/** The select's choices for `setBonuses`: the three, and what they are when none of them (kept as it is). */
export function tierSetOptions(setBonuses: readonly string[]): Choice[] {
  if (tierSetChoice(setBonuses) !== 'other') return TIER_SET_OPTIONS;
  const pieces = setBonuses.map((b) =>
    b === SET_BONUSES[1] ? '4-piece' : b === SET_BONUSES[0] ? '2-piece' : b,
  );
  return [
    ...TIER_SET_OPTIONS,
    { value: 'other', label: `${pieces.join(' and ')} bonus only (from the pasted profile)` },
  ];
}

/** Target errors offered for smart sims (fractions of the mean DPS). */
export const TARGET_ERRORS = [
  { value: '', label: 'Off: run every iteration' },
  { value: '0.005', label: '± 0.5 %' },
  { value: '0.002', label: '± 0.2 %' },
  { value: '0.001', label: '± 0.1 %' },
  { value: '0.0005', label: '± 0.05 %' },
] as const;

export function formFromConfig(config: SimConfig, previous?: Partial<BuilderForm>): BuilderForm {
  return {
    spec: config.spec,
    stats: { ...config.player.stats },
    talents: [...config.player.talents],
    fightStyle: config.fight.style,
    adds: config.fight.adds ? { ...config.fight.adds } : null,
    timing: config.timing ? { ...config.timing } : null,
    durationSeconds: config.fight.durationSeconds,
    durationVariation: config.fight.durationVariation,
    targets: config.fight.targets,
    bloodlust: config.fight.bloodlust,
    raidBuffs: { ...(config.raidBuffs ?? defaultRaidBuffs()) },
    consumables: { ...defaultConsumables(), ...config.consumables },
    race: config.race ?? 'none',
    // a config from before set bonuses wears none; short names (tww3_4pc) as their full ones
    setBonuses: (config.setBonuses ?? []).map((b) => setBonusName(b) ?? b),
    gear: { ...noGear(), ...config.gear },
    rotationSource: previous?.rotationSource ?? 'default',
    rotation: config.rotation,
    iterations: previous?.iterations ?? DEFAULT_ITERATIONS,
    visibility: previous?.visibility ?? 'private',
    discordServerId: previous?.discordServerId ?? '',
    sharedWith: previous?.sharedWith ?? [],
    name: previous?.name ?? '',
    seed: previous?.seed ?? '',
    targetError: previous?.targetError ?? '',
  };
}

/** The config object handed to sim-core's parseConfig (plain numbers, JSON-serialisable). */
export function configFromForm(form: BuilderForm, engineVersion: string): SimConfig {
  const stats = {} as Record<StatKey, number>;
  for (const k of STAT_KEYS) stats[k] = Number(form.stats[k]);
  return {
    engineVersion,
    spec: form.spec,
    player: { stats, talents: [...form.talents] },
    fight: {
      style: form.fightStyle,
      durationSeconds: Number(form.durationSeconds),
      durationVariation: Number(form.durationVariation),
      targets: form.fightStyle === 'cleave' ? Number(form.targets) : 1,
      bloodlust: Boolean(form.bloodlust),
      ...(form.fightStyle === 'adds' && form.adds ? { adds: { ...form.adds } } : {}),
    },
    raidBuffs: { ...form.raidBuffs },
    consumables: { ...form.consumables },
    race: form.race,
    setBonuses: [...form.setBonuses],
    gear: {
      weaponEnchant: form.gear.weaponEnchant,
      blasphemiteColours: Number(form.gear.blasphemiteColours),
      dawnthreadLinings: Number(form.gear.dawnthreadLinings),
      reshiiWrapsItemLevel: Number(form.gear.reshiiWrapsItemLevel),
      reshiiGrace: Boolean(form.gear.reshiiGrace),
      astralAntennaItemLevel: Number(form.gear.astralAntennaItemLevel),
      netherprismItemLevel: Number(form.gear.netherprismItemLevel),
    },
    ...(form.timing ? { timing: { ...form.timing } } : {}),
    rotation: form.rotation,
  };
}

export interface JobOptions {
  iterations: number;
  accessType: Visibility;
  discordServerId: string | null;
  seed: number | null;
  sharedWith: string[] | null;
  name: string | null;
  /** Smart sim: the 95 % error to stop at, as a fraction of the mean; null = every iteration. */
  targetError: number | null;
}

export interface OptionsCheck {
  options: JobOptions | null;
  problems: Partial<Record<'iterations' | 'seed' | 'discordServerId' | 'sharedWith' | 'name', string>>;
}

const DISCORD_ID = /^\d{17,20}$/;

export function checkJobOptions(form: BuilderForm): OptionsCheck {
  const problems: OptionsCheck['problems'] = {};
  const iterations = Number(form.iterations);
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    problems.iterations = `Iterations must be a whole number from ${MIN_ITERATIONS.toLocaleString('en-US')} to ${MAX_ITERATIONS.toLocaleString('en-US')}.`;
  }
  let seed: number | null = null;
  const seedText = form.seed.trim();
  if (seedText !== '') {
    seed = /^\d+$/.test(seedText) ? Number(seedText) : Number.NaN;
    if (!Number.isSafeInteger(seed) || seed < 0) {
      problems.seed =
        'The seed must be a whole number from 0 to 9007199254740991, or empty for a random one.';
    }
  }
  const discord = form.discordServerId.trim();
  if (form.visibility === 'discord' && !DISCORD_ID.test(discord)) {
    problems.discordServerId = 'Enter the Discord server id (17 to 20 digits).';
  }
  if (form.visibility === 'user' && form.sharedWith.length === 0) {
    problems.sharedWith = 'Choose at least one user to share it with.';
  }
  const name = form.name.trim();
  if (name.length > JOB_NAME_MAX) problems.name = `A name has at most ${JOB_NAME_MAX} characters.`;
  if (Object.keys(problems).length > 0) return { options: null, problems };
  return {
    options: {
      iterations,
      accessType: form.visibility,
      discordServerId: form.visibility === 'discord' ? discord : null,
      seed,
      sharedWith: form.visibility === 'user' ? [...form.sharedWith] : null,
      name: name === '' ? null : name,
      targetError: form.targetError === '' ? null : Number(form.targetError),
    },
    problems,
  };
}

/** The words a player knows for the config paths sim-core reports. */
const PATH_LABELS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^player\.stats\.(\w+)$/, (m) => STAT_LABELS[m[1] as StatKey] ?? m[1]!],
  [/^player\.talents(\[\d+\])?$/, () => 'Talents'],
  [/^fight\.durationSeconds$/, () => 'Fight length'],
  [/^fight\.durationVariation$/, () => 'Length variation'],
  [/^fight\.targets$/, () => 'Targets'],
  [/^fight\.style$/, () => 'Fight style'],
  [/^fight\.bloodlust$/, () => 'Bloodlust'],
  [/^rotation$/, () => 'Rotation'],
  [/^spec$/, () => 'Spec'],
];

/** 1000000 → 1,000,000 (a plain decimal number only; anything else as it is). */
export function plainNumber(text: string): string {
  const n = Number(text);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(text) ? n.toLocaleString('en-US') : text;
}

/**
 * A sim-core config problem in the player's words: `config.player.stats.agility: must be
 * between 0 and 1000000 (got -100)` reads "Agility must be between 0 and 1,000,000 (you
 * entered -100)." Problems it does not recognise are returned as they are.
 */
export function inWords(problem: string): string {
  const m = /^config\.([\w.[\]]+): (.*)$/.exec(problem);
  if (!m) return problem;
  const hit = PATH_LABELS.map(([re, label]) => {
    const x = re.exec(m[1]!);
    return x ? label(x) : null;
  }).find((x) => x !== null);
  if (!hit) return problem;
  const rest = m[2]!
    .replace(/must be between (-?[\d.]+) and (-?[\d.]+) \(got ([^)]*)\)/, (_, a, b, got) => {
      return `must be between ${plainNumber(a)} and ${plainNumber(b)} (you entered ${got})`;
    })
    .replace(/ \(got ([^)]*)\)$/, ' (you entered $1)');
  return sentence(/^(must|is|has|uses)\b/.test(rest) ? `${hit} ${rest}` : `${hit}: ${rest}`);
}

/** The text with a full stop, unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Field keys a config problem can be attached to, with the words that identify them. */
const FIELD_PATTERNS: Array<[string, RegExp]> = [
  ...STAT_KEYS.map((k): [string, RegExp] => [`stats.${k}`, new RegExp(`\\b${k}\\b`, 'i')]),
  ['talents', /\btalents?\b/i],
  ['durationVariation', /\bdurationVariation\b/i],
  ['durationSeconds', /\bdurationSeconds\b|\bduration\b/i],
  ['targets', /\btargets?\b/i],
  ['fightStyle', /\bstyle\b/i],
  ['rotation', /\brotation\b|\bline \d+/i],
  ['spec', /\bspec\b/i],
];

/**
 * Splits sim-core ConfigError problems into per-field lists (the rest go under ''), each in the
 * player's words (inWords).
 */
export function problemsByField(problems: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    // matched on the problem's config path when it has one: its words may name a stat ("for Beast Mastery")
    const where = /^config\.[\w.[\]]+(?=: )/.exec(p)?.[0] ?? p;
    const hit = FIELD_PATTERNS.find(([, re]) => re.test(where));
    const key = hit ? hit[0] : '';
    (out[key] ??= []).push(inWords(p));
  }
  return out;
}

/** "about 4 core-seconds" / "about 12 core-minutes": a sim's total cost in the builder. */
export function formatCost(chunkCoreSeconds: number, iterations: number): string {
  const total = (chunkCoreSeconds * iterations) / 1000;
  if (total < 1) return 'under a core-second';
  if (total < 90) return `about ${Math.round(total)} core-second${Math.round(total) === 1 ? '' : 's'}`;
  const minutes = Math.round(total / 60);
  return `about ${minutes.toLocaleString('en-US')} core-minutes`;
}
