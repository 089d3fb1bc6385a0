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
    first: 198429.45822292482,
    min: 191000.68213400833,
    max: 208454.4703374141,
    damage: 1464214260,
  },
  'bm-hunter/4': {
    first: 333473.9543254913,
    min: 308116.3207608331,
    max: 340829.9452178799,
    damage: 2429496408,
  },
  'mm-hunter/1': {
    first: 481445.13810856146,
    min: 387596.82667996257,
    max: 574526.791590177,
    damage: 3456960149,
  },
  'mm-hunter/4': {
    first: 1146181.200879619,
    min: 693970.0661886996,
    max: 1146714.5362712992,
    damage: 6734421727,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 230025.07493826246,
    min: 221421.46579887194,
    max: 241676.16508619513,
    damage: 1697639198,
  },
  'bm-hunter/4': {
    first: 387078.02916394337,
    min: 357658.1803934391,
    max: 396036.55262829317,
    damage: 2820254533,
  },
  'mm-hunter/1': {
    first: 550198.9317071757,
    min: 443305.47188236646,
    max: 656201.8426795055,
    damage: 3952534284,
  },
  'mm-hunter/4': {
    first: 1305615.0829552882,
    min: 791663.9631186228,
    max: 1421842.086177869,
    damage: 7645853390,
  },
  'bm-hunter/20': {
    first: 806000.9337098224,
    min: 738128.3846901156,
    max: 826602.9115682357,
    damage: 5800294638,
  },
  'mm-hunter/20': {
    first: 2085198.5131476002,
    min: 1461636.8933024025,
    max: 2569318.686361987,
    damage: 14365192315,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 265292.93374845857,
    min: 248954.78884013047,
    max: 274910.0728811005,
    damage: 1932656578,
  },
  'bm-hunter/4': {
    first: 433504.21618280106,
    min: 404119.6460115687,
    max: 463646.4439167022,
    damage: 3240230780,
  },
  'mm-hunter/1': {
    first: 738004.5494206169,
    min: 513776.4661146138,
    max: 801228.0845867791,
    damage: 4655938480,
  },
  'mm-hunter/4': {
    first: 1295214.7532591303,
    min: 915247.96601789,
    max: 1333948.472393035,
    damage: 8505589835,
  },
  'bm-hunter/20': {
    first: 908777.2554726665,
    min: 886805.3649900414,
    max: 939460.8299357484,
    damage: 6692591535,
  },
  'mm-hunter/20': {
    first: 2085115.9120252165,
    min: 1610275.386487939,
    max: 2796602.66043361,
    damage: 16296908454,
  },
};

function run(key: string, raid: boolean, consumables = raid) {
  const [spec, targets] = key.split('/') as [string, string];
  const c = specs.find((s) => s.id === spec)!.defaultConfig();
  if (targets !== '1') {
    c.fight.style = 'cleave';
    c.fight.targets = Number(targets);
  }
  if (!consumables) c.consumables = noConsumables();
  if (!raid) c.raidBuffs = noRaidBuffs();
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
  for (const key of Object.keys(GOLDEN_NO_RAID)) {
    it(`${key} without raid buffs: reproduces the table from before raid buffs`, () => {
      expect(run(key, false)).toEqual(GOLDEN_NO_RAID[key]);
    });
  }
});
