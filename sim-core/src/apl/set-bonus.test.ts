/**
 * `set_bonus.NAME` in a rotation: the config's class set bonuses (specs/tier-sets.ts), read by
 * SimulationCraft's full or short name and folded to a constant when compiled; another season's
 * names read 0 with a warning at the name; a name of no set bonus shape is an error there.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/run.ts';
import { specs, specVocabulary } from '../specs/registry.ts';
import type { SetBonus } from '../specs/tier-sets.ts';
import { compileRotation } from './compile.ts';
import { resolverFromVocabulary, type AplResolver } from './context.ts';
import { RotationError } from './errors.ts';
import { parseRotation } from './parser.ts';
import { FakeState, idOf, TEST_VOCABULARY } from './test-support/fake-state.ts';

const KC = idOf('actions', 'kill_command');

/** A resolver of the test names whose config wears `worn`. */
function wearing(worn: SetBonus[]): AplResolver {
  return {
    ...resolverFromVocabulary(TEST_VOCABULARY),
    setBonus: (name) => (worn.includes(name as SetBonus) ? 1 : 0),
  };
}

/** True when `kill_command,if=COND` fires with `worn` (kill_command is ready). */
function holds(cond: string, worn: SetBonus[], resolver = wearing(worn)): boolean {
  const s = new FakeState().setReady('kill_command');
  const c = compileRotation(parseRotation(`actions=kill_command,if=${cond}`, TEST_VOCABULARY), resolver);
  c.reset(s);
  return c.decide(s) === KC;
}

function errorOf(text: string): RotationError {
  try {
    parseRotation(text, TEST_VOCABULARY);
  } catch (e) {
    if (e instanceof RotationError) return e;
    throw e;
  }
  throw new Error('no error');
}

const TWO: SetBonus = 'thewarwithin_season_3_2pc';
const FOUR: SetBonus = 'thewarwithin_season_3_4pc';

describe('set_bonus.NAME reads the config’s set bonuses', () => {
  it('reads 1 when the config wears the bonus, 0 when not, by its full or short name', () => {
    expect(holds('set_bonus.tww3_4pc', [TWO, FOUR])).toBe(true);
    expect(holds('set_bonus.tww3_4pc', [TWO])).toBe(false);
    expect(holds('!set_bonus.tww3_4pc', [TWO])).toBe(true);
    expect(holds('set_bonus.thewarwithin_season_3_2pc', [TWO])).toBe(true);
    expect(holds('set_bonus.thewarwithin_season_3_2pc', [])).toBe(false);
    expect(holds('set_bonus.TWW3_2pc&set_bonus.tww3_4pc', [TWO, FOUR])).toBe(true);
    // a resolver without a config (no setBonus) wears none
    expect(holds('set_bonus.tww3_2pc', [], resolverFromVocabulary(TEST_VOCABULARY))).toBe(false);
    // no warning for the set that is modelled
    expect(parseRotation('actions=kill_command,if=set_bonus.tww3_4pc', TEST_VOCABULARY).warnings).toEqual([]);
  });

  it('is folded at compile time: decides and counts as the literal 0 or 1 would', () => {
    const s = new FakeState().setReady('kill_command', 'cobra_shot');
    const run = (cond: string, worn: SetBonus[]) => {
      const text = `actions=kill_command,if=${cond}\nactions+=/cobra_shot`;
      const c = compileRotation(parseRotation(text, TEST_VOCABULARY), wearing(worn));
      c.reset(s);
      return [c.decide(s), c.evaluations];
    };
    expect(run('set_bonus.tww3_4pc', [TWO])).toEqual(run('0', [TWO]));
    expect(run('set_bonus.tww3_4pc', [TWO])[0]).toBe(idOf('actions', 'cobra_shot'));
    expect(run('set_bonus.tww3_4pc', [TWO, FOUR])).toEqual(run('1', []));
    expect(run('set_bonus.tww3_4pc', [TWO, FOUR])[0]).toBe(KC);
  });

  it('SimC’s hero set name tww3_<hero tree>_Npc is the bonus and that hero tree', () => {
    // TEST_VOCABULARY's talents: Dark Ranger's keystone is not among them, so the tree reads 0
    expect(holds('set_bonus.tww3_dark_ranger_4pc', [TWO, FOUR])).toBe(
      TEST_VOCABULARY.talents.includes('black_arrow'),
    );
    const bm = specVocabulary('bm-hunter');
    const parsed = parseRotation('actions=kill_command,if=set_bonus.tww3_pack_leader_2pc', bm);
    expect(parsed.warnings).toEqual([]);
  });

  it('another season’s name reads 0, with a warning at the name', () => {
    const text = 'actions=kill_command,if=set_bonus.thewarwithin_season_2_4pc|set_bonus.tier31_2pc';
    const warnings = parseRotation(text, TEST_VOCABULARY).warnings;
    expect(warnings.map((w) => [w.line, w.column, w.reason])).toEqual([
      [
        1,
        35,
        "set bonus 'thewarwithin_season_2_4pc' is not modelled here; set_bonus.thewarwithin_season_2_4pc reads 0 (the set bonuses modelled are The War Within season 3's hunter set's: tww3_2pc, tww3_4pc)",
      ],
      [
        1,
        71,
        expect.stringMatching(/^set bonus 'tier31_2pc' is not modelled here; set_bonus\.tier31_2pc reads 0 /),
      ],
    ]);
    expect(text.slice(34)).toMatch(/^thewarwithin_season_2_4pc/);
    expect(holds('set_bonus.tww2_4pc', [TWO, FOUR])).toBe(false);
    // the season 3 set has no 6-piece bonus
    expect(holds('set_bonus.tww3_6pc', [TWO, FOUR])).toBe(false);
  });

  it('a name of no set bonus shape stays an error at its column', () => {
    for (const [cond, column] of [
      ['set_bonus.tww3_4p', 35],
      ['set_bonus.tww3_4pc.up', 35],
      ['set_bonus.tww3', 35],
      ['set_bonus.4pc', 35],
      ['set_bonus', 25],
    ] as const) {
      const e = errorOf(`actions=kill_command,if=${cond}`);
      expect([e.line, e.column]).toEqual([1, column]);
      expect(e.message).toMatch(/is not a set bonus: write set_bonus\.NAME_2pc/);
    }
  });

  it('is valid where only the syntax is checked (a no-op action’s options) and without a vocabulary', () => {
    expect(() =>
      parseRotation('actions=use_items,if=set_bonus.tww3_4pc\nactions+=/kill_command', TEST_VOCABULARY),
    ).not.toThrow();
    expect(() => parseRotation('actions=kill_command,if=set_bonus.tww3_4pc')).not.toThrow();
  });
});

describe('set_bonus in a sim', () => {
  it('a line on set_bonus.tww3_4pc is cast with the 4-piece bonus and never without it', () => {
    const base = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    const run = (setBonuses: string[]) =>
      simulate(
        {
          ...base,
          fight: { ...base.fight, durationSeconds: 30, durationVariation: 0 },
          setBonuses,
          rotation: 'actions=rapid_fire,if=set_bonus.tww3_4pc\nactions+=/steady_shot',
        },
        { seed: 3, seedOffset: 0, iterations: 2 },
      ).abilities;
    expect(run([TWO, FOUR]).rapid_fire?.casts ?? 0).toBeGreaterThan(0);
    expect(run([TWO]).rapid_fire?.casts ?? 0).toBe(0);
  });
});
