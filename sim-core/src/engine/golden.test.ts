/**
 * Golden seeds: exact results of engine version 0.1.0. Every node running one engine version must
 * reproduce a chunk bit for bit, so once a version is released a change that moves these numbers
 * must bump ENGINE_VERSION (src/version.ts) and then update the table. (0.1.0 is not released yet:
 * its table is still updated with the engine.)
 */
import { describe, expect, it } from 'vitest';
import { noConsumables } from '../specs/consumables.ts';
import { noRaidBuffs } from '../specs/raid-buffs.ts';
import { specs } from '../specs/registry.ts';
import { ENGINE_VERSION } from '../version.ts';
import { simulate } from './run.ts';

/** The same runs with every raid buff off (the engine before raid buffs): the off path is unchanged. */
const GOLDEN_NO_RAID: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 542677.1231434469,
    min: 501259.94856018334,
    max: 650025.4105889701,
    damage: 4059354484,
  },
  'bm-hunter/4': {
    first: 880824.5172881203,
    min: 813825.805343988,
    max: 956713.8882944576,
    damage: 6513115656,
  },
  'mm-hunter/1': {
    first: 548527.0373387338,
    min: 525859.7172942657,
    max: 722948.3385353559,
    damage: 4501824352,
  },
  'mm-hunter/4': {
    first: 959092.2376516876,
    min: 894625.3057226561,
    max: 1431643.479616224,
    damage: 8467694876,
  },
};

/** Every raid buff on but the raid's Hunter's Mark (the hunter casts its own), no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 629779.724974162,
    min: 582124.0627491033,
    max: 754679.5348495425,
    damage: 4704937234,
  },
  'bm-hunter/4': {
    first: 1051425.60747483,
    min: 945107.515763516,
    max: 1110892.4504713528,
    damage: 7567666204,
  },
  'mm-hunter/1': {
    first: 626471.7745960095,
    min: 601139.0637518598,
    max: 825975.5996791989,
    damage: 5140638089,
  },
  'mm-hunter/4': {
    first: 1095605.2661233977,
    min: 1036254.5412168719,
    max: 1631952.457483288,
    damage: 9667714924,
  },
  'bm-hunter/20': {
    first: 1884526.969725264,
    min: 1660400.79319219,
    max: 2017085.5094685594,
    damage: 13475286197,
  },
  'mm-hunter/20': {
    first: 2700276.58738719,
    min: 1964301.4975942092,
    max: 3565313.595618214,
    damage: 19098395226,
  },
};

/** Default configs as before 2026-12-08 (`run`'s legacy): the table from before then, unchanged. */
const GOLDEN_CAST_MARK: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 729779.19372547,
    min: 634092.6358087157,
    max: 786481.5526077223,
    damage: 5212595629,
  },
  'bm-hunter/4': {
    first: 1105883.743468056,
    min: 1055171.263692982,
    max: 1278391.6903750233,
    damage: 8510635390,
  },
  'mm-hunter/1': {
    first: 734345.9427088532,
    min: 561382.1997869898,
    max: 896168.4755851122,
    damage: 5633853336,
  },
  'mm-hunter/4': {
    first: 1490786.634426847,
    min: 1221123.2971721718,
    max: 1655037.1165080648,
    damage: 10913918030,
  },
  'bm-hunter/20': {
    first: 2161422.799905985,
    min: 1873030.2506581205,
    max: 2205550.7018431285,
    damage: 14925645485,
  },
  'mm-hunter/20': {
    first: 2822437.3142641885,
    min: 2198515.8570604254,
    max: 3333720.590072381,
    damage: 21048398960,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 680533.5089137091,
    min: 666749.0515633398,
    max: 767899.1617886461,
    damage: 5245605770,
  },
  'bm-hunter/4': {
    first: 1119496.096127036,
    min: 1096837.8410420157,
    max: 1266765.6264006952,
    damage: 8576097784,
  },
  'mm-hunter/1': {
    first: 693044.2836030896,
    min: 641318.2616047346,
    max: 926710.7138525546,
    damage: 5697895009,
  },
  'mm-hunter/4': {
    first: 1268957.2876051632,
    min: 1221430.7613156694,
    max: 2003778.0738856285,
    damage: 11112844337,
  },
  'bm-hunter/20': {
    first: 2024142.7771105866,
    min: 1910191.581991589,
    max: 2256308.799567386,
    damage: 15126683595,
  },
  'mm-hunter/20': {
    first: 3086133.9680413664,
    min: 2296130.1872011037,
    max: 4074683.8496571747,
    damage: 21426001618,
  },
};

/**
 * `legacy`: as the engine was before the raid's Hunter's Mark and the precombat Aimed Shot of the
 * default MM rotation (both 2026-12-08): the older tables reproduce with the mark cast by the
 * hunter and the rotation without its actions.precombat line.
 */
function run(key: string, raid: boolean, consumables = raid, legacy = !raid || !consumables) {
  const [spec, targets] = key.split('/') as [string, string];
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  if (targets !== '1') {
    c.fight.style = 'cleave';
    c.fight.targets = Number(targets);
  }
  if (!consumables) c.consumables = noConsumables();
  if (!raid) c.raidBuffs = noRaidBuffs();
  if (legacy) {
    c.raidBuffs = { ...c.raidBuffs!, huntersMark: false };
    c.rotation = c.rotation
      .split('\n')
      .filter((l) => !l.startsWith('actions.precombat'))
      .join('\n');
  }
  const r = simulate(c, { seed: 20261127, seedOffset: 500, iterations: 25 });
  const damage = Object.values(r.abilities).reduce((a, b) => a + b.damage, 0);
  return { first: r.samples[0], min: r.min, max: r.max, damage };
}

describe(`golden seeds (engine ${ENGINE_VERSION})`, () => {
  it('is still engine version 0.1.0 (update GOLDEN when bumping it)', () => {
    expect(ENGINE_VERSION).toBe('0.1.0');
  });

  for (const key of Object.keys(GOLDEN)) {
    it(`${key}: seed 20261127, iterations 500..524 reproduce exactly`, () => {
      expect(run(key, true)).toEqual(GOLDEN[key]);
    });
  }
  for (const key of Object.keys(GOLDEN_NO_CONSUMABLES)) {
    it(`${key} without flask and potion: reproduces the table from before consumables`, () => {
      expect(run(key, true, false)).toEqual(GOLDEN_NO_CONSUMABLES[key]);
    });
  }
  for (const key of Object.keys(GOLDEN_CAST_MARK)) {
    it(`${key} casting its own Hunter's Mark, no precombat Aimed Shot: reproduces the table from before them`, () => {
      expect(run(key, true, true, true)).toEqual(GOLDEN_CAST_MARK[key]);
    });
  }
  for (const key of Object.keys(GOLDEN_NO_RAID)) {
    it(`${key} without raid buffs: reproduces the table from before raid buffs`, () => {
      expect(run(key, false)).toEqual(GOLDEN_NO_RAID[key]);
    });
  }
});
