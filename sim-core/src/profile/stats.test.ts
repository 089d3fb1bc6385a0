// The stats a pasted SimulationCraft profile gives: its Gear Summary comments, and gear_agility as
// the items' agility turned into the character sheet's (./sheet-agility.ts).
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../version.ts';
import { exportProfile, parseProfile } from './profile.ts';
import { mm, problemsOf } from './test-support.ts';

describe('the Gear Summary comments of a SimulationCraft profile', () => {
  const summary = [
    'hunter="Geared"', // 1
    'spec=marksmanship', // 2
    'gear_haste_rating=12000', // 3: set by the player, wins over the summary
    'head=,id=12345,bonus_id=1/2', // 4
    '', // 5
    '# Gear Summary', // 6
    '# gear_ilvl=721.60', // 7
    '# gear_agility=76043', // 8
    '# gear_stamina=653637', // 9
    '# gear_crit_rating=17709', // 10
    '# gear_haste_rating=21646', // 11
    '# gear_mastery_rating=4161', // 12
    '# gear_versatility_rating=9055', // 13
  ].join('\n');

  it('reads the modelled stats the lines do not set, and says so line by line', () => {
    const p = parseProfile(summary, ENGINE_VERSION);
    expect(p.config.player.stats).toMatchObject({
      agility: 17_647 + 76_043, // the items' agility + the level-80 base; one armour slot listed: no Mail Specialization
      crit: 17709,
      haste: 12000,
      mastery: 4161,
      versatility: 9055,
    });
    expect(p.warnings.map((w) => w.line)).toEqual([8, 10, 12, 13]);
    expect(p.warnings[0]).toEqual({
      line: 8,
      text: '# gear_agility=76043',
      reason: expect.stringMatching(/^read from the Gear Summary comment/),
    });
    // the item itself is still listed as ignored
    expect(p.ignored.map((l) => l.line)).toContain(4);
  });

  it('leaves other comments alone: a profile without a summary keeps the spec’s stats', () => {
    const plain = parseProfile('spec=marksmanship\n# agility is great\n# gear_ilvl=700', ENGINE_VERSION);
    expect(plain.config.player.stats).toEqual(mm().player.stats);
    expect(plain.warnings).toEqual([]);
  });

  it('a summary value out of range is an error at its line', () => {
    expect(problemsOf('spec=marksmanship\n# gear_agility=99999999')).toEqual([
      { line: 2, message: expect.stringMatching(/^gear_agility: must be between/) },
    ]);
  });
});

describe('gear_agility is the items’ agility, as in SimulationCraft', () => {
  const ARMOUR = ['head', 'shoulder', 'chest', 'waist', 'legs', 'feet', 'wrist', 'hands'];
  const armour = (slots: string[]) => slots.map((k) => `${k}=,id=1`).join('\n');

  it('gives the character sheet’s agility: floor((17647 + race + gear) × 1.05) with all 8 armour slots listed', () => {
    // SimulationCraft's TWW3 BM profile: a dwarf (−2), # gear_agility=76043 → 98372
    const p = parseProfile(
      `spec=beast_mastery\nrace=dwarf\n${armour(ARMOUR)}\ngear_agility=76043`,
      ENGINE_VERSION,
    );
    expect(p.config.player.stats.agility).toBe(98_372);
    // a Draenei's Heroic Presence (6562 #2: 957); one armour slot missing: no Mail Specialization (as SimC)
    const draenei = parseProfile(
      `race=draenei\n${armour(ARMOUR.slice(1))}\ngear_agility=50000`,
      ENGINE_VERSION,
    );
    expect(draenei.config.player.stats.agility).toBe(17_647 - 3 + 957 + 50_000);
  });

  it('a profileset’s race or gear_agility gives its own sheet', () => {
    const p = parseProfile(
      'race=human\ngear_agility=40000\nprofileset."orc"+=race=orc\nprofileset."more"+=gear_agility=41000',
      ENGINE_VERSION,
    );
    expect(p.config.player.stats.agility).toBe(57_647);
    expect(p.profilesets.map((s) => s.config.player.stats.agility)).toEqual([57_644, 58_647]);
  });

  it('Copy as SimC writes the items’ agility back: what SimulationCraft and the import read as the same sheet', () => {
    const c = mm();
    c.race = 'night_elf';
    c.player.stats.agility = 41_234;
    const text = exportProfile(c);
    expect(text).toMatch(/^gear_agility=23585$/m); // 41234 − (17647 + 2); no armour listed: no Mail Specialization
    expect(parseProfile(text, ENGINE_VERSION).config.player.stats.agility).toBe(41_234);
  });
});
