/** A config written back as SimulationCraft profile text ("Copy as SimC"). */
import { defaultRaidBuffs, RAID_BUFF_KEYS, RAID_BUFF_OVERRIDE } from '../specs/raid-buffs.ts';
import { defaultConsumables } from '../specs/consumables.ts';
import { noGear } from '../specs/gear.ts';
import { hecticAddCleaveWaves } from '../config/fight-styles.ts';
import { TIMING_DEFAULTS } from '../config/timing.ts';
import type { AddWaves, SimConfig } from '../types.ts';
import { TIMING_OPTIONS, TOKEN_OF } from './options.ts';
import { gearAgility } from './sheet-agility.ts';
import { SET_BONUSES, setBonusName } from '../specs/tier-sets.ts';

/** The fight style lines of a config: SimC's HecticAddCleave when its waves are SimC's own. */
function fightStyleLines(config: SimConfig): string[] {
  const f = config.fight;
  if (f.style !== 'adds') return ['fight_style=Patchwerk'];
  const w = f.adds ?? hecticAddCleaveWaves(f.durationSeconds);
  const simc = hecticAddCleaveWaves(f.durationSeconds);
  if ((Object.keys(simc) as Array<keyof AddWaves>).every((k) => simc[k] === w[k]))
    return ['fight_style=HecticAddCleave'];
  return [
    'fight_style=Patchwerk',
    `raid_events=/adds,count=${w.count},first=${w.firstSeconds},cooldown=${w.intervalSeconds},duration=${w.lifetimeSeconds},last=${w.lastSeconds}`,
  ];
}
/**
 * The config's item effects as a comment: SimC reads them from item lines (real items with their
 * stats, which gear_*= already counts), so the text names them for the reader to add.
 */
function gearComment(config: SimConfig): string[] {
  const g = config.gear ?? noGear();
  const worn = [
    g.blasphemiteColours > 0 ? `Culminating Blasphemite with ${g.blasphemiteColours} gem colours` : '',
    g.dawnthreadLinings > 0
      ? `${g.dawnthreadLinings} Dawnthread Lining${g.dawnthreadLinings > 1 ? 's' : ''}`
      : '',
    g.reshiiWrapsItemLevel > 0
      ? `Reshii Wraps (item level ${g.reshiiWrapsItemLevel}${g.reshiiGrace ? ', with Reshii Grace boots' : ''})`
      : '',
    g.astralAntennaItemLevel > 0 ? `Astral Antenna (item level ${g.astralAntennaItemLevel})` : '',
    g.netherprismItemLevel > 0 ? `Unyielding Netherprism (item level ${g.netherprismItemLevel})` : '',
  ].filter((x) => x !== '');
  return worn.length > 0 ? [`# item effects simmed here, not written as items: ${worn.join(', ')}`] : [];
}

/** A config as SimulationCraft profile text (what "Copy as SimC" gives). */
export function exportProfile(config: SimConfig, name = 'wowlab'): string {
  const s = config.player.stats;
  const raid = config.raidBuffs ?? defaultRaidBuffs();
  const consumables = { ...defaultConsumables(), ...config.consumables };
  const timing = config.timing ?? TIMING_DEFAULTS;
  const weaponEnchant = config.gear?.weaponEnchant ?? 'none';
  // full names (a config may hold short ones before parseConfig), in SET_BONUSES order
  const worn = new Set((config.setBonuses ?? []).map((b) => setBonusName(b) ?? b));
  const setBonuses = [
    ...SET_BONUSES.filter((b) => worn.has(b)),
    ...[...worn].filter((b) => setBonusName(b) === null),
  ];
  const lines = [
    `hunter="${name.replace(/"/g, '')}"`,
    'level=80',
    `race=${config.race ?? 'none'}`,
    `spec=${TOKEN_OF[config.spec]}`,
    `talents=${config.player.talents.join('/')}`,
    // SimC's gear_agility (the items'): with no armour listed, SimC adds the base and no Mail Specialization
    `gear_agility=${gearAgility(s.agility, config.race ?? 'none')}`,
    `gear_crit_rating=${s.crit}`,
    `gear_haste_rating=${s.haste}`,
    `gear_mastery_rating=${s.mastery}`,
    `gear_versatility_rating=${s.versatility}`,
    `main_hand=,weapon=bow_${s.weaponSpeed}speed_${s.weaponDps * s.weaponSpeed}min_${s.weaponDps * s.weaponSpeed}max${weaponEnchant === 'none' ? '' : `,enchant=${weaponEnchant}`}`,
    `max_time=${config.fight.durationSeconds}`,
    ...fightStyleLines(config),
    `vary_combat_length=${config.fight.durationVariation}`,
    `desired_targets=${config.fight.targets}`,
    `override.bloodlust=${config.fight.bloodlust ? 1 : 0}`,
    `flask=${consumables.flask}`,
    `potion=${consumables.potion}`,
    `augmentation=${consumables.augmentRune}`,
    `food=${consumables.food}`,
    `temporary_enchant=${consumables.weaponOil === 'none' ? 'disabled' : `main_hand:${consumables.weaponOil}`}`,
    `distance=${timing.distanceYards}`,
    ...Object.entries(TIMING_OPTIONS).map(([k, f]) => `${k}=${timing[f] / 1000}`),
    ...RAID_BUFF_KEYS.map((k) => `override.${RAID_BUFF_OVERRIDE[k]}=${raid[k] ? 1 : 0}`),
    // one line, as SimulationCraft 12 asks of several (`/` between them)
    ...(setBonuses.length > 0 ? [`set_bonus=${setBonuses.map((b) => `${b}=1`).join('/')}`] : []),
    ...gearComment(config),
  ];
  return `${lines.join('\n')}\n${config.rotation}`;
}
