import { TIMING_DEFAULTS } from '../config/timing.ts';
import type { AplVocabulary } from '../apl/context.ts';
import type { AuraInfo, SimConfig, SpecId, SpellInfo, TalentInfo } from '../types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { BM_DATA } from './bm-hunter/data.ts';
import { BM_DEFAULT_ROTATION } from './bm-hunter/rotation.ts';
import { MM_DATA } from './mm-hunter/data.ts';
import { MM_DEFAULT_ROTATION } from './mm-hunter/rotation.ts';
import type { SpecData } from './spec-types.ts';
import { defaultRaidBuffs } from './raid-buffs.ts';
import { defaultConsumables, POTION_ACTION, POTION_SOURCE, TEMPERED_POTION_BUFF } from './consumables.ts';
import { RACIAL_ACTIONS, RACIAL_BUFFS, RACIAL_SOURCES } from './racials.ts';
import { CLASS_DEFAULT_TALENTS, CLASS_TALENTS } from './class-tree.ts';
import {
  DAWNTHREAD_BUFF,
  LATENT_ENERGY_BUFF,
  NETHERPRISM_ACTION,
  NETHERPRISM_BUFF,
  NETHERPRISM_SOURCE,
  noGear,
  RESHII_SOURCE,
} from './gear.ts';
import { DEFAULT_WEAPON_ENCHANT, STORMS_SOURCE, WEAPON_ENCHANT_BUFFS } from './weapon-enchants.ts';

export interface SpecInfo {
  id: SpecId;
  name: string;
  className: 'Hunter';
  classId: 3;
  /** 253 BM, 254 MM. */
  specId: number;
  defaultRotation: string;
  defaultConfig(): SimConfig;
  talents: TalentInfo[];
  spells: SpellInfo[];
  auras: AuraInfo[];
}

/**
 * A spec's data with what every spec shares at the end: the actions and buffs of engine/extras.ts
 * and the class tree's talents and default talents (specs/class-tree.ts).
 */
function withExtras(d: SpecData): SpecData {
  return {
    ...d,
    actions: [...d.actions, POTION_ACTION, ...RACIAL_ACTIONS, NETHERPRISM_ACTION],
    sources: [
      ...d.sources,
      POTION_SOURCE,
      ...RACIAL_SOURCES,
      RESHII_SOURCE,
      STORMS_SOURCE,
      NETHERPRISM_SOURCE,
    ],
    buffs: [
      ...d.buffs,
      TEMPERED_POTION_BUFF,
      ...RACIAL_BUFFS,
      DAWNTHREAD_BUFF,
      ...WEAPON_ENCHANT_BUFFS,
      LATENT_ENERGY_BUFF,
      NETHERPRISM_BUFF,
    ],
    talents: [...d.talents, ...CLASS_TALENTS],
    defaultTalents: [...d.defaultTalents, ...CLASS_DEFAULT_TALENTS[d.id]],
  };
}

const DATA: Record<SpecId, SpecData> = {
  'bm-hunter': withExtras(BM_DATA),
  'mm-hunter': withExtras(MM_DATA),
};
const ROTATIONS: Record<SpecId, string> = {
  'bm-hunter': BM_DEFAULT_ROTATION,
  'mm-hunter': MM_DEFAULT_ROTATION,
};

export function isSpecId(value: unknown): value is SpecId {
  return value === 'bm-hunter' || value === 'mm-hunter';
}

export function specData(id: SpecId): SpecData {
  return DATA[id];
}

const vocabularies = new Map<SpecId, AplVocabulary>();

/** The names a rotation of this spec may use; list positions are the engine's ids. */
export function specVocabulary(id: SpecId): AplVocabulary {
  let v = vocabularies.get(id);
  if (!v) {
    const d = DATA[id];
    const actions = d.actions.map((a) => a.key);
    v = {
      actions,
      buffs: d.buffs.map((b) => b.key),
      debuffs: d.debuffs.map((b) => b.key),
      dots: d.dots.map((b) => b.key),
      cooldowns: actions,
      talents: d.talents.map((t) => t.key),
      petBuffs: d.petBuffs.map((b) => b.key),
    };
    vocabularies.set(id, v);
  }
  return v;
}

function defaultConfig(id: SpecId): SimConfig {
  return {
    engineVersion: ENGINE_VERSION,
    spec: id,
    player: {
      stats: {
        agility: 38_000,
        crit: 7_000,
        haste: 6_000,
        mastery: 9_000,
        versatility: 3_000,
        weaponDps: 1_700,
        weaponSpeed: 3,
      },
      talents: [...DATA[id].defaultTalents],
    },
    fight: { style: 'patchwerk', durationSeconds: 300, durationVariation: 0.2, targets: 1, bloodlust: true },
    raidBuffs: defaultRaidBuffs(),
    consumables: defaultConsumables(),
    race: 'none',
    setBonuses: [],
    gear: { ...noGear(), weaponEnchant: DEFAULT_WEAPON_ENCHANT },
    timing: { ...TIMING_DEFAULTS },
    rotation: ROTATIONS[id],
  };
}

function toInfo(id: SpecId): SpecInfo {
  const d = DATA[id];
  const auras: AuraInfo[] = [...d.buffs, ...d.debuffs, ...d.dots, ...d.petBuffs].map((a) => ({
    id: a.id,
    key: a.key,
    name: a.name,
    description: a.description,
    durationMs: a.durationMs,
    maxStacks: a.maxStacks,
  }));
  return {
    id,
    name: d.name,
    className: 'Hunter',
    classId: 3,
    specId: d.specId,
    defaultRotation: ROTATIONS[id],
    defaultConfig: () => defaultConfig(id),
    talents: d.talents.map((t) => ({ ...t })),
    spells: d.actions.map((a) => ({
      id: a.id,
      key: a.key,
      name: a.name,
      description: a.description,
      school: a.school,
      ...(a.cooldownMs > 0 ? { cooldownMs: a.cooldownMs } : {}),
      ...(a.cost > 0 ? { cost: a.cost } : {}),
    })),
    auras,
  };
}

export const specs: SpecInfo[] = [toInfo('bm-hunter'), toInfo('mm-hunter')];
