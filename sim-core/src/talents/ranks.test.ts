/** Talent ranks in a config (ranks.ts): the `key:N` entry, its checks, and loadout strings with a partial rank. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/parse-config.ts';
import { createSim } from '../engine/run.ts';
import { BASE_CRIT } from '../engine/ratings.ts';
import { noConsumables } from '../specs/consumables.ts';
import { specData, specs } from '../specs/registry.ts';
import { encodeLoadout } from './loadout.ts';
import { RANKED_TALENTS, splitTalent, talentRank, treeMaxRanks } from './ranks.ts';
import { describeLoadoutTalents, talentsFromLoadout } from './resolve.ts';

const bm = () => specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
const problems = (talents: unknown): string[] => {
  try {
    parseConfig({ ...bm(), player: { ...bm().player, talents } });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('talent ranks', () => {
  it('reads `key:N`; a plain key is the full rank; absent is 0', () => {
    expect(splitTalent('keen_eyesight:1')).toEqual({ key: 'keen_eyesight', rank: 1 });
    expect(splitTalent('keen_eyesight')).toEqual({ key: 'keen_eyesight', rank: null });
    expect(talentRank(['keen_eyesight:1'], 'keen_eyesight')).toBe(1);
    expect(talentRank(['keen_eyesight'], 'keen_eyesight')).toBe(2);
    expect(talentRank(['serrated_tips'], 'serrated_tips')).toBe(1);
    expect(talentRank(['serrated_tips'], 'keen_eyesight')).toBe(0);
  });

  it('the ranked talents have the 11.2 tree’s ranks (2 each)', () => {
    expect(RANKED_TALENTS).toEqual({
      keen_eyesight: { spellId: 378004, maxRanks: 2 },
      trigger_finger: { spellId: 459534, maxRanks: 2 },
      killer_instinct: { spellId: 273887, maxRanks: 2 },
      scent_of_blood: { spellId: 193532, maxRanks: 2 },
      dire_frenzy: { spellId: 385810, maxRanks: 2 },
      unmatched_precision: { spellId: 1232955, maxRanks: 2 },
      eagles_accuracy: { spellId: 473369, maxRanks: 2 },
    });
    expect(treeMaxRanks(459502)).toBe(1); // Serrated Tips
  });

  it('every modelled talent with more than one rank in the tree takes its rank', () => {
    for (const spec of specs) {
      for (const t of specData(spec.id).talents) {
        if (t.spellId === undefined || treeMaxRanks(t.spellId) === 1) continue;
        expect(RANKED_TALENTS[t.key], `${spec.id} ${t.key}`).toEqual({
          spellId: t.spellId,
          maxRanks: treeMaxRanks(t.spellId),
        });
      }
    }
  });

  it('a config accepts a rank of a ranked talent only, writes the full rank plainly, refuses duplicates', () => {
    expect(problems(['keen_eyesight:1', 'trigger_finger:2'])).toEqual([]);
    expect(
      parseConfig({ ...bm(), player: { ...bm().player, talents: ['keen_eyesight:2'] } }).player.talents,
    ).toEqual(['keen_eyesight']);
    expect(problems(['keen_eyesight:3'])).toEqual([
      'config.player.talents[0]: "keen_eyesight" has ranks 1 to 2 (got 3)',
    ]);
    expect(problems(['keen_eyesight:0'])[0]).toMatch(/ranks 1 to 2 \(got 0\)/);
    expect(problems(['serrated_tips:1'])).toEqual([
      'config.player.talents[0]: "serrated_tips" has no ranks here (write it without ":1")',
    ]);
    expect(problems(['nope:1'])).toEqual(['config.player.talents[0]: unknown talent "nope"']);
    expect(problems(['keen_eyesight', 'keen_eyesight:1'])).toEqual([
      'config.player.talents[1]: duplicate talent "keen_eyesight"',
    ]);
  });

  it('a loadout string with rank 1 of Keen Eyesight and Trigger Finger gives `:1` entries, and 2 % crit', () => {
    const text = encodeLoadout({
      specId: 253,
      talents: [
        { nodeId: 102409, rank: 1 }, // Keen Eyesight 1/2
        { nodeId: 102396, rank: 1 }, // Trigger Finger 1/2
        { nodeId: 102384 }, // Serrated Tips 1/1
      ],
    });
    const r = talentsFromLoadout(text);
    expect(r.keys).toEqual(expect.arrayContaining(['keen_eyesight:1', 'trigger_finger:1', 'serrated_tips']));
    expect(describeLoadoutTalents(r).join('\n')).not.toContain('applied at full rank');
    const c = parseConfig({ ...bm(), player: { ...bm().player, talents: text } });
    expect(c.player.talents).toEqual(expect.arrayContaining(['keen_eyesight:1', 'trigger_finger:1']));
    c.player.stats.crit = 0;
    c.consumables = noConsumables(); // no crit rating at all
    expect(createSim(c).baseCrit).toBeCloseTo(BASE_CRIT + 0.02, 12);
  });
});
