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
    first: 413779.6863378935,
    min: 367314.4586242417,
    max: 476593.2115432638,
    damage: 3049038876,
  },
  'bm-hunter/4': {
    first: 632879.0588204991,
    min: 532912.8133565028,
    max: 656213.7774741891,
    damage: 4369217054,
  },
  'mm-hunter/1': {
    first: 501616.6251863395,
    min: 388037.8196258456,
    max: 533420.227787827,
    damage: 3494081434,
  },
  'mm-hunter/4': {
    first: 777108.4681041505,
    min: 645076.4215588172,
    max: 1103455.3223720673,
    damage: 6582649538,
  },
};

/** Every raid buff on, no flask or potion: the table from before consumables, unchanged. */
const GOLDEN_NO_CONSUMABLES: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 480745.1712713586,
    min: 426699.5507611308,
    max: 553921.2760644275,
    damage: 3542684337,
  },
  'bm-hunter/4': {
    first: 735612.4395905844,
    min: 619312.1601647435,
    max: 762870.4221543891,
    damage: 5076912677,
  },
  'mm-hunter/1': {
    first: 573331.9885765433,
    min: 443835.2298709843,
    max: 607867.0486962615,
    damage: 3992978345,
  },
  'mm-hunter/4': {
    first: 886491.5241685958,
    min: 735856.1007303344,
    max: 1257854.7090338075,
    damage: 7505186596,
  },
  'bm-hunter/20': {
    first: 1492703.8208049866,
    min: 1337911.0188485137,
    max: 1608727.861868311,
    damage: 10897053544,
  },
  'mm-hunter/20': {
    first: 1753135.0176599943,
    min: 1504131.1163038483,
    max: 2299264.8939168244,
    damage: 14216686371,
  },
};

/** Default configs (raid buffs, flask, potion and augment rune); 20 targets pin the area soft cap. */
const GOLDEN: Record<string, { first: number; min: number; max: number; damage: number }> = {
  'bm-hunter/1': {
    first: 555474.5403088969,
    min: 489427.4485473112,
    max: 608084.2587889687,
    damage: 4090054448,
  },
  'bm-hunter/4': {
    first: 762995.2606177295,
    min: 729228.8675240354,
    max: 878191.1126933781,
    damage: 5893790310,
  },
  'mm-hunter/1': {
    first: 670336.6635650329,
    min: 491141.34340639313,
    max: 760767.8051518304,
    damage: 4701891940,
  },
  'mm-hunter/4': {
    first: 1118260.0092083106,
    min: 934106.0661554309,
    max: 1510243.7300216774,
    damage: 8568313008,
  },
  'bm-hunter/20': {
    first: 1876065.9843072356,
    min: 1620534.6883293416,
    max: 1990870.336770053,
    damage: 13065978411,
  },
  'mm-hunter/20': {
    first: 1684236.666462753,
    min: 1684236.666462753,
    max: 2766947.895342299,
    damage: 16031493898,
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
