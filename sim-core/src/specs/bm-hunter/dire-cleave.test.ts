/**
 * Golden tests of Dire Cleave (1217524, ./dire-cleave.ts): a summoned dire critter has Beast Cleave
 * for 8 s (#2); its swings then hit every other target for the pets' Beast Cleave share of the
 * swing — all of it, 80 % with the Beast Cleave talent (115939 #1; SimC's pet buff value) — its crit
 * included, no crit of its own, and with Wildspeaker and Kill Cleave its Kill Command does 80 %
 * (378207 #1). Configs isolate the talent (./test-support.ts); spell data 11.2.0.63003.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { createSim } from '../../engine/run.ts';
import { mechanicConfig } from '../../engine/test-support.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { BM, BM_DATA } from './data.ts';
import { bmSim, crits, damage, hits, PET_MASTERY, PET_SWING, physical, run } from './test-support.ts';

const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
/** A Dire Beast's swing: 1 × AP (SimC), 137015 #4 (−6 %), mastery. */
const DIRE = PET_SWING * (1 - 0.06) * PET_MASTERY;
const KC_SUMMONS = 'actions=kill_command,if=time<20';

describe('Dire Cleave (1217524)', () => {
  for (const [extra, share] of [
    [[], 1],
    [['beast_cleave'], 0.8],
  ] as const) {
    it(`three targets: each of a Dire Beast’s 4 swings (8 s / 2 s) also hits the 2 others for ${share * 100} %${extra.length > 0 ? ' with the Beast Cleave talent' : ' without the Beast Cleave talent'}`, () => {
      const sim = bmSim({
        talents: ['dire_cleave', 'dire_command', 'dire_beast', ...extra],
        rotation: KC_SUMMONS,
        seconds: 30,
        targets: 3,
      });
      run(sim, 300);
      const swings = hits(sim, 'dire_beast');
      expect(swings).toBeGreaterThan(100);
      expect(swings % 4).toBe(0);
      expect(hits(sim, 'dire_cleave')).toBe(2 * swings);
      // 2 other targets, soft cap 8 (118459 #2): × 1; the share is the pets' buff value (1.0, or
      // 115939 #1 with the talent: SimC hunter_pet_t::create_buffs)
      expect(damage(sim, 'dire_cleave')).toBe(2 * swings * physical(DIRE * share));
      expect(crits(sim, 'dire_cleave')).toBe(0);
    });
  }
  it('the Beast Cleave talent’s share is 115939 #1', () => expect(BM.beastCleaveShare).toBe(0.8));

  it('the buff lasts 8 s (#2): with Dire Frenzy’s 10 s (5 swings) the swing at 8 s does not cleave', () => {
    const sim = bmSim({
      talents: ['dire_cleave', 'dire_command', 'dire_beast', 'dire_frenzy'],
      rotation: KC_SUMMONS,
      seconds: 30,
      targets: 2,
    });
    run(sim, 300);
    const beasts = hits(sim, 'dire_beast') / 5;
    expect(beasts).toBeGreaterThan(20);
    expect(Number.isInteger(beasts)).toBe(true);
    expect(hits(sim, 'dire_cleave')).toBe(4 * beasts);
    // all of the swing: no Beast Cleave talent
    expect(damage(sim, 'dire_cleave')).toBe(4 * beasts * physical(DIRE * 1.6));
  });

  it('nothing without the talent, and nothing on one target', () => {
    const talents = ['dire_command', 'dire_beast'];
    const without = bmSim({ talents, rotation: KC_SUMMONS, seconds: 30, targets: 3 });
    run(without, 100);
    expect(hits(without, 'dire_beast')).toBeGreaterThan(0);
    expect(hits(without, 'dire_cleave')).toBe(0);
    const single = bmSim({ talents: ['dire_cleave', ...talents], rotation: KC_SUMMONS, seconds: 30 });
    run(single, 100);
    expect(hits(single, 'dire_beast')).toBeGreaterThan(0);
    expect(hits(single, 'dire_cleave')).toBe(0);
  });

  for (const baseCrit of [1, -10]) {
    it(`carries the primary hit's ${baseCrit > 0 ? 'crit' : 'plain result'} over, melee (Dire Beasts, Hati / Fenryr) and Wildspeaker's Kill Command (Kill Cleave)`, () => {
      const sim = bmSim({
        talents: [
          'dire_cleave',
          'dire_command',
          'dire_beast',
          'wildspeaker',
          'kill_cleave',
          'huntmasters_call',
          'beast_cleave', // the melee's share 80 % (115939 #1), as Kill Cleave's
        ],
        rotation: 'actions=bloodshed\nactions+=/kill_command', // Bloodshed's ticks summon too
        seconds: 300,
        targets: 3,
        baseCrit,
      });
      const primary = new Set([
        src('dire_beast'),
        src('wildspeaker_kill_command'),
        src('hati'),
        src('fenryr'),
      ]);
      const cleave = src('dire_cleave');
      const hunt = new Set([src('hati'), src('fenryr')]);
      let last = -1;
      let lastSrc = -1;
      let fromKc = 0;
      let fromHunt = 0;
      const pairs: Array<[number, number]> = [];
      const hit = sim.hit.bind(sim);
      sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
        const c = hit(s, target, amount, phys, critBonus, critDamage);
        if (primary.has(s)) {
          last = sim.lastHitDamage;
          lastSrc = s;
        } else if (s === cleave) {
          pairs.push([last, sim.lastHitDamage]);
          if (lastSrc === src('wildspeaker_kill_command')) fromKc++;
          if (hunt.has(lastSrc)) fromHunt++;
        }
        return c;
      };
      run(sim, 10);
      expect(fromKc).toBeGreaterThan(10); // Kill Cleave of the critters' Kill Command
      expect(fromHunt).toBeGreaterThan(10); // Hati's / Fenryr's swings
      expect(pairs.length).toBeGreaterThan(50);
      // both shares are 80 % (115939 #1, 378207 #1); the cleave hit is rounded once more
      for (const [p, c] of pairs) expect(Math.abs(c - BM.beastCleaveShare * p)).toBeLessThanOrEqual(1);
      expect(crits(sim, 'dire_cleave')).toBe(0);
      if (baseCrit > 0) expect(crits(sim, 'dire_beast')).toBeGreaterThan(0);
    });
  }
});

describe("Dire Cleave on Pack Leader's bear (a dire critter in SimC, bear_t)", () => {
  it('the bear’s swings of its first 8 s (#2) — 6 of its 8 at 1.5 s — hit the other target for all of the swing (no Beast Cleave talent)', () => {
    // Kill Command only when the howl's bear is ready (at 150 s; wyvern and boar unused); 2 targets
    const c = mechanicConfig(
      'bm-hunter',
      ['howl_of_the_pack_leader', 'dire_cleave'],
      'actions=kill_command,if=buff.howl_of_the_pack_leader_bear.up',
      { seconds: 170, targets: 2, stats: { agility: 40_000, crit: 0, haste: 0, mastery: 0, versatility: 0 } },
    );
    const sim = createSim(c);
    (sim as unknown as { baseCrit: number }).baseCrit = -10; // no crit: the cleave is the swing (share 1.0)
    const bear: Array<[number, number]> = [];
    const cleave: Array<[number, number, number]> = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
      if (s === src('bear_melee')) bear.push([sim.now, amount]);
      if (s === src('dire_cleave')) cleave.push([sim.now, target, amount]);
      return hit(s, target, amount, phys, critBonus, critDamage);
    };
    sim.runIteration(1, 0);
    expect(bear).toHaveLength(8);
    const t0 = bear[0]![0];
    expect(cleave).toEqual(bear.slice(0, 6).map(([t, a]) => [t, 1, a]));
    expect(cleave.at(-1)![0] - t0).toBe(7500);
  });
});

describe('a pasted talent string', () => {
  it('taking Dire Cleave (node 102337) no longer lists it as not modelled', () => {
    const r = talentsFromLoadout(encodeLoadout({ specId: 253, talents: [{ nodeId: 102337 }] }));
    expect(r.ignored.map((t) => t.name)).not.toContain('Dire Cleave');
    expect(r.modelled).toMatchObject([{ key: 'dire_cleave', spellId: 1217524, nodeId: 102337 }]);
  });
});
