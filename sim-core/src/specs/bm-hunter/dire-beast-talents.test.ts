/**
 * Golden tests of the BM spec talents about Dire Beasts and dire critters (Dire Command, Dire Frenzy,
 * Bloodshed's summons, Huntmaster's Call, Wildspeaker) of SimulationCraft's default profile
 * (./spec-talents.ts, ./huntmasters-call.ts; the other talents: ./spec-talents.test.ts):
 * each config isolates one talent (./test-support.ts) and the engine's figures must equal a hand
 * computation from the cited spell data (11.2.0.63003): exactly for deterministic damage, within 4
 * standard errors for random procs.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { PACK_LEADER as PL } from '../hero/pack-leader-data.ts';
import { BM, BM_DATA } from './data.ts';
import { A, PET_DIRE_FIRST, PET_DIRE_SLOTS, PET_HUNTMASTER } from './indices.ts';
import {
  AGILITY,
  bmSim,
  casts,
  damage,
  hits,
  PET_MASTERY,
  PET_SWING,
  physical,
  run,
  STABLE,
} from './test-support.ts';
import { expectRate } from '../expect-rate.ts';

describe('Dire Command (378743) and Dire Frenzy (385810)', () => {
  // A Dire Beast: 1 × AP (SimC), 137015 #4 (−6 %), mastery; swings every 2 s.
  const DIRE = PET_SWING * (1 - 0.06) * PET_MASTERY;

  it('Kill Command summons a Dire Beast 20 % of the time (#1); no bleeds, so no other Dire Beast', () => {
    // Kill Command at 0, 7.5, 15 s; each Dire Beast swings 8 s / 2 s = 4 times (120679 #2), all
    // within the 30 s.
    const n = 3000;
    const talents = ['dire_command', 'dire_beast'];
    const sim = bmSim({ talents, rotation: 'actions=kill_command,if=time<20', seconds: 30 });
    run(sim, n);
    expect(casts(sim, 'kill_command') / n).toBe(3);
    expect(hits(sim, 'dire_beast') % 4).toBe(0);
    expectRate(hits(sim, 'dire_beast') / 4, 3 * n, 0.2);
    expect(damage(sim, 'dire_beast')).toBe(hits(sim, 'dire_beast') * physical(DIRE));
  });

  it('Dire Frenzy (rank 2): 8 + 2 s (#1) = 5 swings, +60 % damage (#2)', () => {
    const n = 500;
    const sim = bmSim({
      talents: ['dire_command', 'dire_beast', 'dire_frenzy'],
      rotation: 'actions=kill_command,if=time<20',
      seconds: 30,
    });
    run(sim, n);
    expect(hits(sim, 'dire_beast')).toBeGreaterThan(0);
    expect(hits(sim, 'dire_beast') % 5).toBe(0);
    expect(damage(sim, 'dire_beast')).toBe(hits(sim, 'dire_beast') * physical(DIRE * 1.6));
  });

  it('Dire Frenzy rank 1 (rank table: #1, #2 × 1): 8 + 1 s = 4.5 swings, +30 % damage', () => {
    // 9 s / 2 s = 4.5 swings: 4, and a fifth half the time (SimC dire_beast_duration).
    const sim = bmSim({
      talents: ['dire_command', 'dire_beast', 'dire_frenzy:1'],
      rotation: 'actions=kill_command,if=time<20',
      seconds: 30,
    });
    const lengths: number[] = [];
    const summon = sim.summonPet.bind(sim);
    sim.summonPet = (pet, target, ms, delay) => {
      lengths.push(ms);
      summon(pet, target, ms, delay);
    };
    run(sim, 2000);
    const beasts = lengths.filter((ms) => ms > 0); // the main pet comes with no end (0)
    expect(beasts.length).toBeGreaterThan(500);
    expect(beasts.filter((ms) => ms !== 4 * 2000 && ms !== 5 * 2000)).toEqual([]);
    expectRate(beasts.filter((ms) => ms === 5 * 2000).length, beasts.length, 0.5);
    expect(damage(sim, 'dire_beast')).toBe(hits(sim, 'dire_beast') * physical(DIRE * 1.3));
  });
});

describe('Dire Beasts have no pet-slot limit (SimC pet_spawner_t)', () => {
  it('three at once with Call of the Wild taken: each swings 8 s / 2 s = 4 times (120679 #2)', () => {
    // Kill Command at 0, 7.5 and 15 s; each summons three Dire Beasts here (the test calls the
    // logic's summon three times), so three are out together: 3 × 3 × 4 swings, all by 23 s.
    const sim = bmSim({
      talents: ['call_of_the_wild', 'dire_beast'],
      rotation: 'actions=kill_command,if=time<20',
      seconds: 30,
    });
    const logic = sim.logic as unknown as {
      execute(a: number, t: number): void;
      critters: { summon(): void };
    };
    const execute = logic.execute.bind(logic);
    logic.execute = (a, t) => {
      execute(a, t);
      if (a === A.kc) for (let i = 0; i < 3; i++) logic.critters.summon();
    };
    run(sim, 1);
    expect(casts(sim, 'kill_command')).toBe(3);
    expect(hits(sim, 'dire_beast')).toBe(3 * 3 * 4);
    expect(damage(sim, 'dire_beast')).toBe(36 * physical(PET_SWING * (1 - 0.06) * PET_MASTERY));
  });
});

describe('Bloodshed (321530) summons Dire Beasts', () => {
  it('10 % per tick (SimC bloodshed_t), without the Dire Beast talent too', () => {
    // One Bloodshed at 0 s: 12 ticks (321538, 1 s); each Dire Beast swings 8 s / 2 s = 4 times.
    const n = 2000;
    const sim = bmSim({ talents: ['bloodshed'], rotation: 'actions=bloodshed,if=time<1', seconds: 30 });
    run(sim, n);
    expect(hits(sim, 'bloodshed')).toBe(12 * n);
    expect(hits(sim, 'dire_beast') % 4).toBe(0);
    expectRate(hits(sim, 'dire_beast') / 4, 12 * n, 0.1);
  });
});

describe("Huntmaster's Call (459730)", () => {
  it('every 6th Dire Beast brings Hati (+4 % pet damage, 459738 #2) or Fenryr (Ravenous Leap 459753: 2 × 2 × AP a tick)', () => {
    const sim = bmSim({
      talents: ['huntmasters_call', 'dire_command', 'dire_beast'],
      rotation: 'actions=kill_command',
      seconds: 300,
    });
    const slots: number[] = [];
    const summon = sim.summonPet.bind(sim);
    sim.summonPet = (pet, target, ms, delay) => {
      slots.push(pet);
      summon(pet, target, ms, delay);
    };
    const hati = Sim.indexOf(BM_DATA.buffs, 'summon_hati');
    const leaps: number[] = [];
    const petRatios = new Set<string>();
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
      const key = sim.data.sources[src]!.key;
      if (key === 'ravenous_leap') leaps.push(amount);
      if (key === 'pet_melee') {
        const ratio = amount / (PET_SWING * STABLE);
        petRatios.add(`${sim.buffs.up(hati, sim.now)} ${ratio.toFixed(9)}`);
      }
      return hit(src, target, amount, phys, critBonus, critDamage);
    };
    let calls = 0;
    for (let k = 0; k < 10; k++) {
      slots.length = 0;
      sim.runIteration(7, k);
      const dire = slots.filter((p) => p >= PET_DIRE_FIRST && p < PET_DIRE_FIRST + PET_DIRE_SLOTS).length;
      const hunt = slots.filter((p) => p === PET_HUNTMASTER).length;
      expect(hunt).toBe(Math.floor(dire / 6));
      calls += hunt;
    }
    expect(calls).toBeGreaterThan(3);
    // Fenryr: 2 × AP (SimC ap_from_ap) × 2 (459753 #1) a tick, guardian aura (137015 #4) and mastery;
    // the last tick of a hasted leap is partial.
    const tick = 2 * 2 * AGILITY * (1 - 0.06) * PET_MASTERY;
    expect(leaps.length).toBeGreaterThan(0);
    for (const a of leaps) expect(a).toBeLessThanOrEqual(tick * (1 + 1e-12));
    expect(leaps.filter((a) => Math.abs(a - tick) < 1e-6).length).toBeGreaterThan(leaps.length / 2);
    // The main pet's melee: +4 % exactly while Hati's buff is up, else nothing.
    expect([...petRatios].sort()).toEqual(['false 1.000000000', 'true 1.040000000']);
  });
});

describe("Huntmaster's Call with Call of the Wild (SimC: no pet slot limit)", () => {
  it('Hati and Fenryr still fight: 2 × AP melee (SimC ap_from_ap = 2), Hati 5 swings in its 10 s (459738)', () => {
    const sim = bmSim({
      talents: ['huntmasters_call', 'dire_command', 'dire_beast', 'call_of_the_wild'],
      rotation: 'actions=call_of_the_wild\nactions+=/kill_command',
      seconds: 300,
    });
    let hatiSummons = 0;
    const hati = Sim.indexOf(BM_DATA.buffs, 'summon_hati');
    const summon = sim.summonPet.bind(sim);
    sim.summonPet = (pet, target, ms, delay) => {
      // Hati's summon: the buff was applied just before (huntmasters-call.ts)
      if (pet === PET_HUNTMASTER && sim.buffs.up(hati, sim.now)) hatiSummons++;
      summon(pet, target, ms, delay);
    };
    const amounts = new Map<string, Set<string>>([
      ['hati', new Set()],
      ['fenryr', new Set()],
    ]);
    let cotwHits = 0;
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
      const key = sim.data.sources[src]!.key;
      amounts.get(key)?.add((amount / (PET_SWING * 2 * (1 - 0.06) * PET_MASTERY)).toFixed(9));
      if (key === 'call_of_the_wild') cotwHits++;
      return hit(src, target, amount, phys, critBonus, critDamage);
    };
    run(sim, 10);
    expect(cotwHits).toBeGreaterThan(0); // Call of the Wild's pets are out as well
    expect(hatiSummons).toBeGreaterThan(1);
    // A Dire Beast's swing × 2 (AP share) × 137015 #4 (−6 %) × mastery: the same for both wolves
    expect([...amounts.get('hati')!]).toEqual(['1.000000000']);
    expect([...amounts.get('fenryr')!]).toEqual(['1.000000000']);
    // Hati swings at 0, 2, 4, 6, 8 s of its 10 s (no haste here)
    expect(hits(sim, 'hati')).toBe(5 * hatiSummons);
  });
});

describe('Wildspeaker (1232739; 1232922, 1235388)', () => {
  it('each Dire Beast out casts Kill Command with the hunter (0.39 × its AP, 1232922 #1); +15 % during Bestial Wrath (1235388 #1)', () => {
    // Dire Command summons the Dire Beasts (20 % a Kill Command); Bestial Wrath at 0 s (15 s, 19574).
    const sim = bmSim({
      talents: ['wildspeaker', 'dire_command', 'bloodshed'],
      rotation: 'actions=bestial_wrath\nactions+=/kill_command',
      seconds: 60,
    });
    const kc = Sim.indexOf(BM_DATA.sources, 'kill_command');
    const wild = Sim.indexOf(BM_DATA.sources, 'wildspeaker_kill_command');
    const dire = Sim.indexOf(BM_DATA.sources, 'dire_beast');
    let kills: number[] = [];
    let wilds: Array<{ t: number; amount: number }> = [];
    let melees: Array<{ t: number; amount: number }> = [];
    let beasts: Array<{ from: number; to: number }> = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
      if (src === kc) kills.push(sim.now);
      if (src === wild) wilds.push({ t: sim.now, amount });
      if (src === dire) melees.push({ t: sim.now, amount });
      return hit(src, target, amount, phys, critBonus, critDamage);
    };
    const summon = sim.summonPet.bind(sim);
    sim.summonPet = (pet, target, ms, delay) => {
      if (pet >= 1 && pet <= 5) beasts.push({ from: sim.now, to: sim.now + ms });
      summon(pet, target, ms, delay);
    };
    const bw = (t: number): number => (t < 15_000 ? 1.15 : 1); // 1235388 #1 while 19574 is up
    // A Dire Beast: 1 × AP (SimC), 137015 #4 (−6 %), mastery.
    const critter = AGILITY * (1 + BM.specAuraGuardian) * PET_MASTERY;
    let checked = 0;
    let total = 0;
    let raged = 0;
    for (let k = 0; k < 20; k++) {
      kills = [];
      wilds = [];
      melees = [];
      beasts = [];
      sim.runIteration(7, k);
      for (const t of kills) {
        // A beast summoned by this Kill Command's Dire Command comes after it; skip expiry ties.
        if (beasts.some((b) => b.to === t)) continue;
        const out = beasts.filter((b) => b.from < t && t < b.to).length;
        const got = wilds.filter((w) => w.t === t);
        expect(got.length).toBe(out);
        for (const w of got) expect(w.amount).toBeCloseTo(0.39 * critter * bw(t), 6);
        checked++;
        total += out;
      }
      for (const m of melees) expect(m.amount).toBeCloseTo(PET_SWING * (critter / AGILITY) * bw(m.t), 6);
      raged += melees.filter((m) => m.t < 15_000).length;
    }
    expect(checked).toBeGreaterThan(100);
    expect(total).toBeGreaterThan(20);
    expect(raged).toBeGreaterThan(0);
    const without = bmSim({
      talents: ['dire_command', 'bloodshed'],
      rotation: 'actions=bestial_wrath\nactions+=/kill_command',
      seconds: 60,
    });
    run(without, 5);
    expect(hits(without, 'wildspeaker_kill_command')).toBe(0);
    expect(hits(without, 'dire_beast')).toBeGreaterThan(0);
  });
});

describe('Wildspeaker on the Pack Leader bear (a dire critter in SimC, bear_t)', () => {
  it('while the bear is out it casts Kill Command too (0.39 × its AP), and deals +15 % during Bestial Wrath', () => {
    // The bear is ready at 150 s (Pack Leader tests): Bestial Wrath, then Kill Command brings it for 12 s.
    const rotation =
      'actions=bestial_wrath,if=buff.howl_of_the_pack_leader_bear.up\nactions+=/kill_command,if=time>140';
    const record = (talents: string[]) => {
      const sim = bmSim({ talents, rotation, seconds: 170 });
      const out: Array<{ t: number; key: string; amount: number }> = [];
      const hit = sim.hit.bind(sim);
      sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
        out.push({ t: sim.now, key: sim.data.sources[src]!.key, amount });
        return hit(src, target, amount, phys, critBonus, critDamage);
      };
      run(sim, 1);
      return out;
    };
    const rel = (a: number, b: number, what: string) => expect(Math.abs(a / b - 1), what).toBeLessThan(1e-12);
    // The bear: 1 × AP (SimC), guardian aura 137015 #4, mastery, Bear Summon 1225858 #1 + 137015 #9.
    const bear = (1 + BM.specAuraGuardian) * PET_MASTERY * (1 + PL.bearDamageBm);
    const swing = ((AGILITY * PL.bearApFromOwner * 1.5) / 6) * 7 * bear; // Pack Leader tests' swing
    const got = record(['wildspeaker', 'howl_of_the_pack_leader']);
    const swings = got.filter((h) => h.key === 'bear_melee');
    expect(swings.length).toBe(8);
    const T = swings[0]!.t; // the Kill Command that brings the bear (it swings at once)
    expect(got.some((h) => h.key === 'kill_command' && h.t === T)).toBe(true);
    // 1235388 #1 while Bestial Wrath (19574, 15 s, cast when the bear is ready) is up
    const W = got.find((h) => h.key === 'bestial_wrath')!.t;
    const rage = (t: number) => (t >= W && t < W + 15_000 ? 1.15 : 1);
    expect(swings.filter((h) => rage(h.t) > 1).length).toBeGreaterThan(3);
    for (const h of swings) rel(h.amount, swing * rage(h.t), 'bear swing');
    const wild = got.filter((h) => h.key === 'wildspeaker_kill_command');
    expect(wild.length).toBeGreaterThan(0);
    for (const h of wild) {
      expect(h.t).toBeGreaterThan(T);
      expect(h.t).toBeLessThan(T + PL.bearMs);
      rel(h.amount, 0.39 * AGILITY * PL.bearApFromOwner * bear * rage(h.t), 'bear kc'); // 1232922 #1
    }
    const without = record(['howl_of_the_pack_leader']);
    expect(without.filter((h) => h.key === 'wildspeaker_kill_command')).toHaveLength(0);
    for (const h of without.filter((h) => h.key === 'bear_melee')) rel(h.amount, swing, 'bear swing without');
  });
});
