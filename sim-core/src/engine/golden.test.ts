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
    first: 411396.68500816193,
    min: 365647.6736866201,
    max: 454027.18888929713,
    damage: 3033156945,
  },
  'bm-hunter/4': {
    first: 632069.954183825,
    min: 532648.444760452,
    max: 655587.767982297,
    damage: 4365615864,
  },
  'mm-hunter/1': {
    first: 501469.913615743,
    min: 387888.51780935883,
    max: 531738.1011961363,
    damage: 3487143004,
  },
  'mm-hunter/4': {
    first: 777031.6044676405,
    min: 645131.4883769439,
    max: 1103394.3912802513,
    damage: 6601125607,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 477976.3578233614,
    min: 424767.94952500856,
    max: 527649.9577469963,
    damage: 3524223746,
  },
  'bm-hunter/4': {
    first: 734699.062104582,
    min: 618997.4332573145,
    max: 762146.9464426751,
    damage: 5074291805,
  },
  'mm-hunter/1': {
    first: 573165.1732675658,
    min: 443665.49147221865,
    max: 607225.8466972195,
    damage: 3983569834,
  },
  'mm-hunter/4': {
    first: 886404.1224898499,
    min: 735906.5307284459,
    max: 1257785.4202845003,
    damage: 7497787951,
  },
  'bm-hunter/20': {
    first: 1488800.0830679773,
    min: 1333972.3518389242,
    max: 1605297.59274012,
    damage: 10872385366,
  },
  'mm-hunter/20': {
    first: 1750471.7198612958,
    min: 1503996.9642217893,
    max: 2298685.438222151,
    damage: 14185613163,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 558469.1795266413,
    min: 497247.46866095264,
    max: 598017.4784136616,
    damage: 4063478040,
  },
  'bm-hunter/4': {
    first: 736584.8919311373,
    min: 727757.8505431389,
    max: 877120.9560489352,
    damage: 5851778719,
  },
  'mm-hunter/1': {
    first: 670083.0068032029,
    min: 491141.34340639313,
    max: 760769.7071742883,
    damage: 4692815124,
  },
  'mm-hunter/4': {
    first: 1118995.894896471,
    min: 933884.7459082064,
    max: 1510243.7300216774,
    damage: 8580150833,
  },
  'bm-hunter/20': {
    first: 1870721.303716487,
    min: 1613740.384073433,
    max: 1988652.7419044976,
    damage: 13013190203,
  },
  'mm-hunter/20': {
    first: 1683774.3706312845,
    min: 1683774.3706312845,
    max: 2759752.843759533,
    damage: 16094800697,
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
