// The stats a pasted SimulationCraft profile gives: its Gear Summary comments, and gear_agility as
// the items' agility turned into the character sheet's (./sheet-agility.ts).
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../version.ts';
import { exportProfile, parseProfile } from './profile.ts';
import { bm, mm, problemsOf } from './test-support.ts';

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

  it('leaves other comments alone: a profile without a summary keeps the spec’s stats, and says so', () => {
    const plain = parseProfile('spec=marksmanship\n# agility is great\n# gear_ilvl=700', ENGINE_VERSION);
    expect(plain.config.player.stats).toEqual(mm().player.stats);
    expect(plain.warnings).toEqual([
      {
        line: 1,
        text: 'spec=marksmanship',
        reason: expect.stringMatching(/^no gear_agility, gear_crit_rating, .* in this profile/),
      },
    ]);
  });

  it('a character pasted from SimulationCraft’s addon (items, no stats) is told the sim uses the spec’s defaults', () => {
    const addon = [
      '# Tasha - Beast Mastery - 2025-09-20 14:02 - US/Area 52', // 1
      'hunter="Tasha"', // 2
      'spec=beast_mastery', // 3
      'head=,id=237646,bonus_id=6652/12178', // 4
      'main_hand=,id=237732,enchant_id=7440', // 5
      '# checksum=a1b2c3d4', // 6
    ].join('\n');
    const p = parseProfile(addon, ENGINE_VERSION);
    expect(p.config.player.stats).toEqual(bm().player.stats);
    const stats = bm().player.stats;
    const n = (x: number) => x.toLocaleString('en-US');
    expect(p.warnings).toEqual([
      {
        line: 3, // at spec=: the defaults are the spec's (the items are listed as ignored lines)
        text: 'spec=beast_mastery',
        reason:
          'no gear_agility, gear_crit_rating, gear_haste_rating, gear_mastery_rating, gear_versatility_rating ' +
          'in this profile (items are not read here, only gear_*= lines and the Gear Summary): the sim uses ' +
          `Beast Mastery's defaults, agility ${n(stats.agility)} (the character sheet's), crit rating ` +
          `${n(stats.crit)}, haste rating ${n(stats.haste)}, mastery rating ${n(stats.mastery)}, versatility ` +
          `rating ${n(stats.versatility)}. Add those lines with your character's values`,
      },
      // the cowl is a piece of the TWW3 hunter set: counted (one piece gives no bonus), and said so
      {
        line: 4,
        text: 'head=,id=237646,bonus_id=6652/12178',
        reason: expect.stringMatching(/^1 piece of Midnight Herald's Pledge .* on line 4: no set bonus /),
      },
    ]);
    // only the stats not given are named; with all five, nothing
    const some = parseProfile(`${addon}\ngear_agility=70000\ngear_haste_rating=9000`, ENGINE_VERSION);
    expect(some.warnings.map((w) => w.reason)).toEqual([
      expect.stringMatching(
        /^no gear_crit_rating, gear_mastery_rating, gear_versatility_rating in this profile/,
      ),
      expect.stringMatching(/^1 piece of /),
    ]);
    const all = ['agility', 'crit_rating', 'haste_rating', 'mastery_rating', 'versatility_rating'];
    const full = parseProfile(`${addon}\n${all.map((k) => `gear_${k}=5000`).join('\n')}`, ENGINE_VERSION);
    expect(full.warnings.map((w) => w.line)).toEqual([4]);
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
