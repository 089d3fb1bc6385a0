// Test data only.
/**
 * Item lines give the config's gear (gear-lines.ts): the meta gem and its colours, Dawnthread
 * Linings, Reshii Wraps and the boots' Reshii Grace, each said back at its line.
 */
import { describe, expect, it } from 'vitest';
import { noGear } from '../specs/gear.ts';
import { DEFAULT_WEAPON_ENCHANT } from '../specs/weapon-enchants.ts';
import { ENGINE_VERSION } from '../version.ts';
import { exportProfile } from './export.ts';
import { parseProfile } from './profile.ts';

const HEAD = 'hunter="Gear"\nspec=marksmanship\nlevel=80\n';
// SimulationCraft's TWW3 Marksmanship profile's items (its .simc file, 2025-09)
const ITEMS = [
  'head=midnight_heralds_cowl,id=237646,bonus_id=1808,ilevel=723,gem_id=213743',
  'neck=ornately_engraved_amplifier,id=185842,bonus_id=8781,ilevel=723,gem_id=213458/213491',
  'back=reshii_wraps,id=235499,bonus_id=12401/9893,ilevel=730,gem_id=238044',
  'wrists=glyphetched_vambraces,id=219342,bonus_id=10421/9633/8902/12053/12050/1485/11303/8960/1808/8791,gem_id=213467,crafted_stats=32/36',
  'hands=glyphetched_gauntlets,id=219341,bonus_id=10421/9633/8902/12053/12050/1485/11303/8960/8791,crafted_stats=32/36',
  'feet=interlopers_chain_boots,id=243308,bonus_id=13504,ilevel=723',
  'finger1=logic_gate_alpha,id=237567,bonus_id=8781,ilevel=723,gem_id=213467/213467,enchant_id=7334',
  'finger2=radiant_necromancers_band,id=221200,bonus_id=8781,ilevel=723,gem_id=213467/213479,enchant_id=7334',
];

/** No item effect but the default character's weapon enchant (no main_hand= line names another). */
const NONE = { ...noGear(), weaponEnchant: DEFAULT_WEAPON_ENCHANT };

const parse = (lines: string[]) => parseProfile(HEAD + lines.join('\n') + '\n', ENGINE_VERSION);
/** What the profile says at a line: a warning (a line used) or an ignored line's reason. */
const reasonAt = (p: ReturnType<typeof parse>, line: number) =>
  [...p.warnings, ...p.ignored].find((i) => i.line === line)?.reason;

describe('item lines → config gear', () => {
  it("SimC's TWW3 profile: the meta gem with 4 colours, two linings, the Wraps at 730 with Reshii Grace, each said at its line", () => {
    const p = parse(ITEMS);
    expect(p.config.gear).toEqual({
      ...NONE,
      blasphemiteColours: 4,
      dawnthreadLinings: 2,
      reshiiWrapsItemLevel: 730,
      reshiiGrace: true,
    });
    expect(reasonAt(p, 4)).toMatch(
      /^Culminating Blasphemite is modelled: critical damage × 1\.006 .*4 gem colours socketed: ruby, onyx, sapphire, emerald/,
    );
    expect(reasonAt(p, 6)).toMatch(
      /^Reshii Wraps' Ethereal Reaping is modelled at item level 730, 50 % more often with the Reshii Grace of line 9/,
    );
    expect(reasonAt(p, 7)).toMatch(/^its Dawnthread Lining is modelled: \+756 critical strike rating/);
    expect(reasonAt(p, 8)).toMatch(/^its Dawnthread Lining is modelled/);
    expect(reasonAt(p, 9)).toMatch(/^its Reshii Grace is modelled/);
    // the others: their effects are not modelled (none here), their stats come from gear_*=
    expect(reasonAt(p, 5)).toMatch(/its own effects .* are not modelled/);
    for (const line of [4, 6, 7, 8, 9])
      expect(reasonAt(p, line)).toMatch(/its stats count through gear_\*= lines/);
  });

  it('without the items, or with other ones, nothing is worn', () => {
    expect(parse([]).config.gear).toEqual(NONE);
    const plain = ITEMS.map((l) =>
      l
        .replace(/,gem_id=[0-9/]+/, '')
        .replace('11303/', '')
        .replace(',bonus_id=13504', ''),
    );
    const p = parse(plain.map((l) => l.replace('id=235499', 'id=235000')));
    expect(p.config.gear).toEqual(NONE);
  });

  it('the meta gem alone counts no colour; a fiber or another meta gem is no colour either', () => {
    const p = parse([
      'head=cowl,id=237646,gem_id=213743',
      'back=wraps,id=235499,ilevel=730,gem_id=238044',
      'neck=n,id=1,gem_id=213741',
    ]);
    expect(p.config.gear!.blasphemiteColours).toBe(0);
    expect(reasonAt(p, 4)).toMatch(/no other Algari gem is socketed: it adds nothing/);
    // five colours at most: ruby, amber, emerald, sapphire, onyx
    const all = parse([
      'head=cowl,id=237646,gem_id=213743',
      'neck=n,id=1,gem_id=213453/213501',
      'finger1=r,id=2,gem_id=213477/213465/213489',
    ]);
    expect(all.config.gear!.blasphemiteColours).toBe(5);
  });

  it('Reshii Wraps without ilevel= are not modelled, and the line says what to add; Reshii Grace alone does nothing', () => {
    const p = parse([
      'back=reshii_wraps,id=235499,bonus_id=12401/9893',
      'feet=boots,id=243308,bonus_id=13504',
    ]);
    expect(p.config.gear).toEqual(NONE);
    expect(reasonAt(p, 4)).toMatch(
      /Ethereal Reaping is not modelled: give its item level as ilevel= \(580 to 800\)/,
    );
    expect(reasonAt(p, 5)).toMatch(/Reshii Grace does nothing without Reshii Wraps/);
  });

  it('the last line of a slot is the item worn, as in SimC; a profileset’s items change nothing', () => {
    const p = parse([
      'back=reshii_wraps,id=235499,ilevel=730',
      'back=other_cloak,id=1234,ilevel=730',
      'wrists=w,id=219342,bonus_id=11303',
      'profileset."two"+=hands=g,id=219341,bonus_id=11303',
    ]);
    expect(p.config.gear).toEqual({ ...NONE, dawnthreadLinings: 1 });
    expect(p.profilesets[0]!.config.gear).toEqual(p.config.gear);
    expect(reasonAt(p, 7)).toMatch(/a profileset's items do not change its stats or item effects/);
  });

  it('the main_hand= line’s enchant (enchant_id= or enchant=NAME_RANK) is the weapon enchant; one not modelled is said and none is used', () => {
    const weapon = (opts: string) => {
      const p = parse([`main_hand=bow,id=185783,ilevel=723${opts}`]);
      return {
        enchant: p.config.gear!.weaponEnchant,
        note: p.warnings.find((w) => w.line === 4)?.reason ?? '',
      };
    };
    expect(weapon(',enchant_id=7439')).toEqual({
      enchant: 'councils_guile_3',
      note: expect.stringMatching(/its enchant Council's Guile \(rank 3\) is modelled$/),
    });
    expect(weapon(',enchant_id=7461').enchant).toBe('authority_of_radiant_power_1');
    expect(weapon(',enchant=authority_of_storms_2').enchant).toBe('authority_of_storms_2');
    expect(weapon(",enchant=oathsworn's_tenacity_3").enchant).toBe('oathsworns_tenacity_3');
    expect(weapon(',enchant_id=7451')).toEqual({
      enchant: 'authority_of_air_3',
      note: expect.stringMatching(/does nothing in a damage sim, as in SimulationCraft/),
    });
    // the weapon has no enchant: none (not the default character's)
    expect(weapon('')).toEqual({ enchant: 'none', note: expect.not.stringMatching(/enchant/) });
    expect(weapon(',enchant_id=7460')).toEqual({
      enchant: 'none',
      note: expect.stringMatching(/its enchant Authority of the Depths is not modelled: the sim uses none/),
    });
    expect(weapon(',enchant_id=6643').note).toMatch(
      /enchant_id=6643\) is not a weapon enchant modelled here/,
    );
    expect(weapon(',enchant=councils_guile').note).toMatch(
      /needs its rank, as SimulationCraft names it \(councils_guile_3\)/,
    );
    // weapon= reads the weapon whole: a modelled enchant needs no note, one left out has one
    const exact = parse(['main_hand=,weapon=bow_3speed_5000min_5000max,enchant=stormriders_fury_1']);
    expect(exact.config.gear!.weaponEnchant).toBe('stormriders_fury_1');
    expect(exact.ignored.find((i) => i.line === 4)).toBeUndefined();
    const left = parse(['main_hand=,weapon=bow_3speed_5000min_5000max,enchant_id=7459']);
    expect(left.ignored.find((i) => i.line === 4)!.reason).toMatch(/Authority of the Depths is not modelled/);
  });

  it('Astral Antenna in a trinket slot with its item level is modelled; without it, or another trinket, is not', () => {
    const p = parse([
      'trinket1=astral_antenna,id=242395,ilevel=723',
      'trinket2=arakara_sacbrood,id=219314,ilevel=723',
    ]);
    expect(p.config.gear!.astralAntennaItemLevel).toBe(723);
    expect(reasonAt(p, 4)).toMatch(
      /^Astral Antenna is modelled at item level 723: stacks of 5851 critical strike rating/,
    );
    expect(reasonAt(p, 5)).toMatch(/^the trinket's effect \(its proc or on-use\) is not modelled/);
    const bare = parse(['trinket2=astral_antenna,id=242395']);
    expect(bare.config.gear!.astralAntennaItemLevel).toBe(0);
    expect(reasonAt(bare, 4)).toMatch(/Astral Antenna is not modelled: give its item level as ilevel=/);
  });

  it('Unyielding Netherprism in a trinket slot with its item level is modelled, its agility per stack said', () => {
    const p = parse(['trinket2=unyielding_netherprism,id=242396,ilevel=723']);
    expect(p.config.gear!.netherprismItemLevel).toBe(723);
    // 0.233531 (1233553 #2) × the 723 budget
    expect(reasonAt(p, 4)).toMatch(
      /^Unyielding Netherprism is modelled at item level 723: .* up to 18 Latent Energy, used by the rotation's use_item,name=unyielding_netherprism \(or use_items\) for 3686 agility per stack for 20 s/,
    );
    const bare = parse(['trinket1=unyielding_netherprism,id=242396']);
    expect(bare.config.gear!.netherprismItemLevel).toBe(0);
    expect(reasonAt(bare, 4)).toMatch(
      /Unyielding Netherprism is not modelled: give its item level as ilevel=/,
    );
  });

  it('Copy as SimC names the trinkets simmed in its comment of item effects (items are not written)', () => {
    const p = parse([
      'trinket1=astral_antenna,id=242395,ilevel=710',
      'trinket2=unyielding_netherprism,id=242396,ilevel=723',
    ]);
    expect(exportProfile(p.config)).toContain(
      '# item effects simmed here, not written as items: Astral Antenna (item level 710), Unyielding Netherprism (item level 723)',
    );
  });
});
