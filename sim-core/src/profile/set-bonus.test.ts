/**
 * Set bonuses in profile text: the set pieces a pasted profile wears (by item id, each slot once)
 * and its `set_bonus=` lines, what the player is told about them, and Copy as SimC's lines.
 */
import { describe, expect, it } from 'vitest';
import { hashConfig } from '../config/hash.ts';
import { parseConfig } from '../config/parse-config.ts';
import { simulate } from '../engine/run.ts';
import { ENGINE_VERSION } from '../version.ts';
import { exportProfile, parseProfile } from './profile.ts';
import { bm, mm, problemsOf } from './test-support.ts';
import { TWW3_BM, TWW3_MM } from './test-profiles.ts';

const BOTH = ['thewarwithin_season_3_2pc', 'thewarwithin_season_3_4pc'];
const TWO = ['thewarwithin_season_3_2pc'];
const read = (text: string) => parseProfile(text, ENGINE_VERSION);
/** The 1-based line of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe("a brand-new player's paste of SimulationCraft's TWW3 profiles", () => {
  it('MM: the 4 set pieces give the 2- and 4-piece bonuses, said at the first piece; no error', () => {
    const p = read(TWW3_MM);
    expect(p.config.setBonuses).toEqual(BOTH);
    const [head, shoulders, chest, legs] = ['head=', 'shoulders=', 'chest=', 'legs='].map((s) =>
      lineOf(TWW3_MM, s),
    );
    const note = p.warnings.find((w) => w.line === head && /pieces of/.test(w.reason))!;
    expect(note).toEqual({
      line: head,
      text: 'head=midnight_heralds_cowl,id=237646,bonus_id=1808,ilevel=7…',
      reason:
        `4 pieces of Midnight Herald's Pledge (the TWW3 hunter set) on lines ${head}, ${shoulders}, ${chest}, ${legs}: ` +
        "2- and 4-piece bonuses on. The items' stats are not read: they come from gear_*= lines or the Gear Summary",
    });
    // the set pieces are used, not listed as ignored (the head's meta gem is modelled: a warning at
    // its line says so); the other items are (their stats are not read)
    const ignoredLines = p.ignored.map((i) => i.line);
    for (const l of [head, shoulders, chest, legs]) expect(ignoredLines).not.toContain(l);
    expect(p.warnings.find((w) => w.line === head && /^Culminating/.test(w.reason))).toBeDefined();
    const neck = p.ignored.find((i) => i.line === lineOf(TWW3_MM, 'neck='))!;
    expect(neck.reason).toMatch(/^the item itself is not read: its stats count through gear_\*= lines/);
    const hands = p.warnings.find((w) => w.line === lineOf(TWW3_MM, 'hands='))!;
    expect(hands.reason).toMatch(/^its Dawnthread Lining is modelled/);
    // both trinkets' effects are modelled (Astral Antenna, Unyielding Netherprism): said at their lines
    for (const [slot, name] of [
      ['trinket1=', 'Astral Antenna'],
      ['trinket2=', 'Unyielding Netherprism'],
    ] as const) {
      const line = lineOf(TWW3_MM, slot);
      expect(p.ignored.find((i) => i.line === line)).toBeUndefined();
      expect(p.warnings.find((w) => w.line === line)!.reason).toMatch(
        new RegExp(`^${name} is modelled at item level 723`),
      );
    }
  });

  it('BM: its rotation reads set_bonus.tww3_4pc with no warning, and the sim takes the set', () => {
    const p = read(TWW3_BM);
    expect(p.config.setBonuses).toEqual(BOTH);
    expect(p.warnings.filter((w) => /set_bonus/.test(w.reason))).toEqual([]);
    expect(p.config.rotation).toContain('!set_bonus.tww3_4pc');
    // a trinket whose effect is not modelled (Ara-Kara Sacbrood) says what the sim leaves out
    const trinket = p.ignored.find((i) => i.line === lineOf(TWW3_BM, 'trinket2='))!;
    expect(trinket.reason).toMatch(
      /^the trinket's effect \(its proc or on-use\) is not modelled, so DPS comes out below/,
    );
  });
});

describe('set_bonus= lines', () => {
  const head = 'hunter="Vex"\nspec=marksmanship\n';

  it('=0 turns a bonus the items give off, and the note says which line did', () => {
    const text = `${TWW3_MM}\nset_bonus=thewarwithin_season_3_4pc=0\n`;
    const at = text.split('\n').length - 1;
    const p = read(text);
    expect(p.config.setBonuses).toEqual(TWO);
    const note = p.warnings.find((w) => w.line === lineOf(text, 'head=') && /pieces of/.test(w.reason))!;
    expect(note.reason).toMatch(
      new RegExp(`: 2-piece bonus on \\(set_bonus= line ${at} turns the 4-piece bonus off\\)\\. `),
    );
  });

  it('turns bonuses on without items, by full or short name, on one line or several', () => {
    expect(read(`${head}set_bonus=tww3_2pc=1`).config.setBonuses).toEqual(TWO);
    expect(read(`${head}set_bonus=tww3_4pc=1/thewarwithin_season_3_2pc=1`).config.setBonuses).toEqual(BOTH);
    expect(read(`${head}set_bonus=tww3_4pc=1\nset_bonus+=TWW3_2pc=1`).config.setBonuses).toEqual(BOTH);
    // the last line of a bonus wins
    expect(read(`${head}set_bonus=tww3_2pc=1\nset_bonus=tww3_2pc=0`).config.setBonuses).toEqual([]);
    // SimC's long form (its Gear Summary's), whatever hero tree it names
    expect(
      read(`${head}set_bonus=name=thewarwithin_season_3,pc=4,hero_tree=dark_ranger,enable=1`).config
        .setBonuses,
    ).toEqual(['thewarwithin_season_3_4pc']);
    const p = read(`${head}set_bonus=tww3_2pc=1`);
    expect(p.warnings.filter((w) => w.line === 3)).toEqual([]);
    expect(p.ignored).toEqual([]);
  });

  it("another season's name is a warning at its line, never an error; the rest of the line is used", () => {
    const p = read(`${head}max_time=300\nset_bonus=thewarwithin_season_2_4pc=1/tww3_2pc=1\n`);
    expect(p.config.setBonuses).toEqual(TWO);
    expect(p.warnings.filter((w) => w.line === 4)).toEqual([
      {
        line: 4,
        text: 'set_bonus=thewarwithin_season_2_4pc=1/tww3_2pc=1',
        reason:
          "thewarwithin_season_2_4pc is not modelled (the set bonuses modelled are The War Within season 3's hunter set's: tww3_2pc, tww3_4pc); ignored",
      },
    ]);
    expect(read(`${head}set_bonus=tier31_4pc=1`).warnings.map((w) => w.line)).toContain(3);
  });

  it('a value of no set bonus shape is an error at its line, in the player’s words', () => {
    expect(problemsOf(`${head}set_bonus=tww3=1\nset_bonus=tww3_4pc=2\nset_bonus=name=tww3,pc=4`)).toEqual([
      {
        line: 3,
        message:
          'set_bonus=tww3=1 is not a set bonus: write set_bonus=thewarwithin_season_3_4pc=1 (or =0 to turn it off; short names tww3_2pc, tww3_4pc)',
      },
      { line: 4, message: expect.stringMatching(/^set_bonus=tww3_4pc=2 is not a set bonus/) },
      { line: 5, message: expect.stringMatching(/^set_bonus=name=tww3,pc=4 is not a set bonus/) },
    ]);
  });
});

describe('set pieces on item lines', () => {
  const piece = (slot: string, id: number) => `${slot}=midnight_heralds_x,id=${id},ilevel=723`;

  it('counts each slot once: 2 pieces give the 2-piece bonus, 1 none (and says so)', () => {
    const two = read(`spec=beast_mastery\n${piece('head', 237646)}\n${piece('legs', 237645)}`);
    expect(two.config.setBonuses).toEqual(TWO);
    expect(two.warnings.find((w) => w.line === 2)!.reason).toMatch(
      /^2 pieces of .* on lines 2, 3: 2-piece bonus on\./,
    );
    // the same slot twice (shoulder and shoulders are one slot): one piece, the later line's
    const one = read(`spec=beast_mastery\n${piece('shoulder', 237644)}\n${piece('shoulders', 237644)}`);
    expect(one.config.setBonuses).toEqual([]);
    expect(one.warnings.find((w) => w.line === 3)!.reason).toMatch(
      /^1 piece of .* on line 3: no set bonus \(2 pieces give the 2-piece bonus, 4 the 4-piece\)\./,
    );
    // a later line that puts another item in the slot takes the piece off
    const off = read(`spec=beast_mastery\n${piece('head', 237646)}\n${piece('legs', 237645)}\nhead=,id=1`);
    expect(off.config.setBonuses).toEqual([]);
  });

  it("a profileset's set_bonus= line changes its bonuses; its items do not, and it says so", () => {
    const p = read(
      `${TWW3_MM}\nprofileset."no 4pc"+=set_bonus=tww3_4pc=0\nprofileset."cowl"+=head=midnight_heralds_cowl,id=237646`,
    );
    expect(p.config.setBonuses).toEqual(BOTH);
    expect(p.profilesets.map((s) => [s.name, s.config.setBonuses])).toEqual([
      ['no 4pc', TWO],
      ['cowl', BOTH],
    ]);
    expect(p.ignored.at(-1)!.reason).toMatch(
      /a profileset's items do not change its set bonuses, a set_bonus= line does/,
    );
  });
});

describe('set bonuses in a sim and back out', () => {
  it('a pasted rotation line if=set_bonus.tww3_4pc reads 1 with the 4 pieces, 0 with set_bonus=…=0', () => {
    const rotation = 'actions=rapid_fire,if=set_bonus.tww3_4pc\nactions+=/steady_shot';
    const casts = (text: string) => {
      const p = read(text);
      p.config.fight = { ...p.config.fight, durationSeconds: 30, durationVariation: 0 };
      return simulate(p.config, { seed: 5, seedOffset: 0, iterations: 2 }).abilities.rapid_fire?.casts ?? 0;
    };
    const noRotation = TWW3_MM.split('\n')
      .filter((l) => !l.startsWith('actions'))
      .join('\n');
    expect(casts(`${noRotation}\n${rotation}`)).toBeGreaterThan(0);
    expect(casts(`${noRotation}\nset_bonus=tww3_4pc=0\n${rotation}`)).toBe(0);
  });

  it('Copy as SimC writes the bonuses on one set_bonus= line; export → import keeps the config hash', async () => {
    // short names, in any order, as a config may hold them before it is checked
    const text = exportProfile({ ...mm(), setBonuses: ['tww3_4pc', 'thewarwithin_season_3_2pc'] });
    const four = parseConfig({ ...mm(), setBonuses: ['tww3_4pc', 'thewarwithin_season_3_2pc'] });
    expect(text).toMatch(/^set_bonus=thewarwithin_season_3_2pc=1\/thewarwithin_season_3_4pc=1$/m);
    const two = { ...bm(), setBonuses: TWO };
    for (const c of [four, two, bm()]) {
      const back = read(exportProfile(c));
      expect(await hashConfig(back.config)).toBe(await hashConfig(c));
      expect(back.warnings.filter((w) => /set_bonus|set pieces?/.test(w.text + w.reason))).toEqual([]);
    }
    // no set_bonus= line without bonuses (the default BM rotation reads set_bonus.tww3_4pc in its conditions)
    expect(exportProfile(bm())).not.toMatch(/^set_bonus=/m);
  });
});
