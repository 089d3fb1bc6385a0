/**
 * Golden tests of the BM spec talents of SimulationCraft's default profile (./spec-talents.ts):
 * each config isolates one talent (./test-support.ts) and the engine's figures must equal a hand
 * computation from the cited spell data (11.2.0.63003): exactly for deterministic damage, within 4
 * standard errors for random procs.
 */
import { describe, expect, it } from 'vitest';
import { PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { PACK_LEADER as PL } from '../hero/pack-leader-data.ts';
import { BM, BM_DATA } from './data.ts';
import {
  AGILITY,
  bmSim,
  casts,
  damage,
  hits,
  OWN_MASTERY,
  PET_MASTERY,
  PET_SWING,
  physical,
  run,
  STABLE,
} from './test-support.ts';

/** A critical hit as the engine rounds it: physical, then the crit factor 1 + bonus. */
const critical = (amount: number, bonus: number): number =>
  Math.round(amount * PHYSICAL_MULTIPLIER * (1 + bonus));
const NOTHING = 'actions=bestial_wrath,if=time>100';
const KILL_COMMAND = BM.killCommandAp * AGILITY * STABLE; // 83381 #1 on the pet's AP
/** Within 4 standard errors of a binomial count. */
const near = (count: number, n: number, p: number): void =>
  expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));

describe('Training Expert (378209)', () => {
  it('+5 % pet damage (#1) on the main pet: 6 swings in 10 s (0 to 10 s)', () => {
    const sim = bmSim({ talents: ['training_expert'], rotation: NOTHING, seconds: 10 });
    run(sim, 1);
    expect(hits(sim, 'pet_melee')).toBe(6);
    expect(damage(sim, 'pet_melee')).toBe(6 * physical(PET_SWING * STABLE * 1.05));
    const without = bmSim({ talents: [], rotation: NOTHING, seconds: 10 });
    run(without, 1);
    expect(damage(without, 'pet_melee')).toBe(6 * physical(PET_SWING * STABLE));
  });
});

describe('Piercing Fangs (392053 / 392054)', () => {
  it("the pet's crits deal 35 % more during its Bestial Wrath: bonus (2 × 1.35 − 1) = 1.7", () => {
    // Every hit crits. Pet swings at 0 s (before Bestial Wrath), 2, 4, 6, 8, 10 s (Bestial Wrath +30 %,
    // 186254 #1); Bestial Wrath's own pet attack (344572 #1, 1.8 AP) lands before the pet's buff.
    const talents = ['piercing_fangs'];
    const sim = bmSim({ talents, rotation: 'actions=bestial_wrath', seconds: 10, baseCrit: 1 });
    run(sim, 1);
    const swing = PET_SWING * STABLE;
    expect(hits(sim, 'pet_melee')).toBe(6);
    expect(damage(sim, 'pet_melee')).toBe(critical(swing, 1) + 5 * critical(swing * 1.3, 2 * 1.35 - 1));
    expect(damage(sim, 'bestial_wrath')).toBe(critical(BM.bestialWrathPetAp * AGILITY * STABLE, 1));
    const without = bmSim({ talents: [], rotation: 'actions=bestial_wrath', seconds: 10, baseCrit: 1 });
    run(without, 1);
    expect(damage(without, 'pet_melee')).toBe(critical(swing, 1) + 5 * critical(swing * 1.3, 1));
  });
});

describe('Go for the Throat (459550)', () => {
  it("Kill Command's crit bonus × (1 + 100 % of the hunter's crit chance) (#2); with Piercing Fangs (2 × 1.35 − 1) × that", () => {
    // Crit chance 100 %: bonus 1 × (1 + 1) = 2. Kill Command at 0 s; Bestial Wrath at 0 s first
    // for the second case, then Kill Command at 1.5 s.
    const sim = bmSim({
      talents: ['go_for_the_throat'],
      rotation: 'actions=kill_command,if=time<1',
      seconds: 10,
      baseCrit: 1,
    });
    run(sim, 1);
    expect(damage(sim, 'kill_command')).toBe(critical(KILL_COMMAND, 2));
    const both = bmSim({
      talents: ['go_for_the_throat', 'piercing_fangs'],
      rotation: 'actions=bestial_wrath\nactions+=/kill_command,if=time<2',
      seconds: 10,
      baseCrit: 1,
    });
    run(both, 1);
    expect(damage(both, 'kill_command')).toBe(critical(KILL_COMMAND * 1.3, (2 * 1.35 - 1) * 2));
  });
});

describe('Savagery (424557)', () => {
  it('Kill Command +10 % (#1); Barbed Shot lasts 14 s (#2): 1 + 14 / 2 = 8 ticks', () => {
    const sim = bmSim({
      talents: ['savagery'],
      rotation: 'actions=kill_command\nactions+=/barbed_shot,if=time<2',
      seconds: 20,
    });
    run(sim, 1);
    expect(hits(sim, 'kill_command')).toBe(3); // 0, 7.5 and 15 s
    expect(damage(sim, 'kill_command')).toBe(3 * physical(KILL_COMMAND * 1.1));
    const tick = AGILITY * BM.barbedShotTickAp * (1 + BM.specAuraSpells) * OWN_MASTERY;
    expect(hits(sim, 'barbed_shot')).toBe(8);
    expect(damage(sim, 'barbed_shot')).toBe(8 * physical(tick));
  });

  it('Frenzy lasts 14 s: the pet swings faster until 14 s', () => {
    // One Barbed Shot at 0 s. Pet swings at 0 s (before the cast), 2 s, then every
    // round(2000 / 1.3) = 1538 ms while Frenzy (272790 #1, +30 %) is up when a swing is scheduled.
    const rotation = 'actions=barbed_shot,if=time<1';
    const times = (talents: string[]): number[] => {
      const sim = bmSim({ talents, rotation, seconds: 16 });
      const out: number[] = [];
      const hit = sim.hit.bind(sim);
      sim.hit = (src, target, amount, physical, critBonus, critDamage) => {
        if (sim.data.sources[src]!.key === 'pet_melee') out.push(sim.now);
        return hit(src, target, amount, physical, critBonus, critDamage);
      };
      run(sim, 1);
      return out;
    };
    const expected = (frenzyEnd: number): number[] => {
      const t = [0, 2000];
      while (t.at(-1)! < 16_000) t.push(t.at(-1)! + (t.at(-1)! < frenzyEnd ? 1538 : 2000));
      return t.filter((x) => x <= 16_000);
    };
    expect(times(['savagery'])).toEqual(expected(14_000));
    expect(times([])).toEqual(expected(12_000));
    expect(expected(14_000)).not.toEqual(expected(12_000));
  });
});

describe('War Orders (393933)', () => {
  it('Barbed Shot +10 % (#1, periodic)', () => {
    const sim = bmSim({ talents: ['war_orders'], rotation: 'actions=barbed_shot,if=time<1', seconds: 13 });
    run(sim, 1);
    const tick = AGILITY * BM.barbedShotTickAp * (1 + BM.specAuraSpells) * OWN_MASTERY * 1.1;
    expect(damage(sim, 'barbed_shot')).toBe(7 * physical(tick));
  });

  it('a Barbed Shot resets Kill Command half the time (#3)', () => {
    // Kill Command at 0 s, Barbed Shot at 1.5 s; Kill Command again at 3 s only after a reset.
    const n = 2000;
    const sim = bmSim({
      talents: ['war_orders'],
      rotation: 'actions=kill_command,if=time<4\nactions+=/barbed_shot,if=time<2',
      seconds: 10,
    });
    run(sim, n);
    near(casts(sim, 'kill_command') - n, n, 0.5);
    const without = bmSim({
      talents: [],
      rotation: 'actions=kill_command,if=time<4\nactions+=/barbed_shot,if=time<2',
      seconds: 10,
    });
    run(without, 100);
    expect(casts(without, 'kill_command')).toBe(100);
  });
});

describe('Scent of Blood (193532)', () => {
  it('Bestial Wrath gives 2 charges of Barbed Shot (rank 2, #1)', () => {
    // Two Barbed Shots (0, 1.5 s), Bestial Wrath at 3 s, then Barbed Shot at 4.5 and 6 s.
    const rotation =
      'actions=barbed_shot,if=time<3\nactions+=/bestial_wrath\nactions+=/barbed_shot,if=time<7';
    const sim = bmSim({ talents: ['scent_of_blood'], rotation, seconds: 10 });
    run(sim, 1);
    expect(casts(sim, 'barbed_shot')).toBe(4);
    const without = bmSim({ talents: [], rotation, seconds: 10 });
    run(without, 1);
    expect(casts(without, 'barbed_shot')).toBe(2);
  });
});

describe('Barbed Scales (469880)', () => {
  it('each Cobra Shot takes 2 s off Barbed Shot (#1)', () => {
    // Barbed Shot at 0 and 1.5 s (recharge due 18 s), Cobra Shots at 3, 4.5, 6, 7.5, 9 s take
    // 10 s off: a charge at 9 s, cast at 10.5 s. Without: no charge before 18 s.
    const rotation = 'actions=barbed_shot\nactions+=/cobra_shot';
    const sim = bmSim({ talents: ['barbed_scales'], rotation, seconds: 11 });
    run(sim, 1);
    expect(casts(sim, 'barbed_shot')).toBe(3);
    const without = bmSim({ talents: [], rotation, seconds: 11 });
    run(without, 1);
    expect(casts(without, 'barbed_shot')).toBe(2);
  });
});

describe('Killer Cobra (199532)', () => {
  it('during Bestial Wrath, Cobra Shot resets Kill Command', () => {
    // Bestial Wrath 0 s, Kill Command 1.5 s, Cobra Shot 3 s, Kill Command again at 4.5 s; without,
    // Kill Command is back at 1.5 + 7.5 − 1 (the Cobra Shot, 193455 #3) = 8 s, after the window.
    const rotation =
      'actions=bestial_wrath\nactions+=/kill_command,if=time<6\nactions+=/cobra_shot,if=time<4';
    const sim = bmSim({ talents: ['killer_cobra'], rotation, seconds: 10 });
    run(sim, 1);
    expect(casts(sim, 'kill_command')).toBe(2);
    const without = bmSim({ talents: [], rotation, seconds: 10 });
    run(without, 1);
    expect(casts(without, 'kill_command')).toBe(1);
  });
});

describe('Serpentine Rhythm (468701 / 468703 / 468704)', () => {
  it('Cobra Shot +25 % a stack (468703 #1) read before the cast adds one; the 4th stack gives pets +8 % for 8 s (468704 #1)', () => {
    // Cobra Shots at 0, 1.5, 3, 4.5, 6 s (Pack Tactics for the focus): stacks 0, 1, 2, 3, 0.
    // Pet swings at 0, 2, 4 s before the Blessing (4.5 s), 6, 8 and 10 s during it.
    const sim = bmSim({
      talents: ['serpentine_rhythm', 'pack_tactics'],
      rotation: 'actions=cobra_shot,if=time<7',
      seconds: 10,
    });
    run(sim, 1);
    const cobra = AGILITY * BM.cobraShotAp * (1 + BM.specAuraSpells) * OWN_MASTERY;
    expect(casts(sim, 'cobra_shot')).toBe(5);
    const expected = [1, 1.25, 1.5, 1.75, 1].reduce((s, m) => s + physical(cobra * m), 0);
    expect(damage(sim, 'cobra_shot')).toBe(expected);
    const swing = PET_SWING * STABLE;
    expect(damage(sim, 'pet_melee')).toBe(3 * physical(swing) + 3 * physical(swing * 1.08));
  });
});

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
    near(hits(sim, 'dire_beast') / 4, 3 * n, 0.2);
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
});

describe('Stomp (199530)', () => {
  it("each Barbed Shot: the main pet and the companion stomp for 0.6 × the pet's AP on the target (1217528 #1) and each other enemy (201754 #1)", () => {
    // 3 targets; Barbed Shots at 0 and 1.5 s; with the Animal Companion, 2 stomps a cast.
    const rotation = 'actions=barbed_shot,if=time<2';
    const c = { talents: ['stomp', 'animal_companion'], rotation, seconds: 10, targets: 3 };
    const sim = bmSim(c);
    run(sim, 1);
    const stomp = 0.6 * AGILITY * STABLE;
    expect(hits(sim, 'stomp')).toBe(4);
    expect(damage(sim, 'stomp')).toBe(4 * physical(stomp));
    expect(hits(sim, 'stomp_cleave')).toBe(8);
    expect(damage(sim, 'stomp_cleave')).toBe(8 * physical(stomp));
    const without = bmSim({ ...c, talents: ['animal_companion'] });
    run(without, 1);
    expect(hits(without, 'stomp')).toBe(0);
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
    near(hits(sim, 'dire_beast') / 4, 12 * n, 0.1);
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
      const dire = slots.filter((p) => p >= 1 && p <= 5).length;
      const hunt = slots.filter((p) => p === 6).length;
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

describe('Snakeskin Quiver (468695)', () => {
  it('15 % of Auto Shots also fire a free Cobra Shot (#1), a full Cobra Shot (1 s off Kill Command)', () => {
    const n = 200;
    const sim = bmSim({ talents: ['snakeskin_quiver'], rotation: NOTHING, seconds: 60 });
    run(sim, n);
    const autos = hits(sim, 'auto_shot');
    const free = hits(sim, 'cobra_shot_snakeskin_quiver');
    near(free, autos, 0.15);
    const cobra = AGILITY * BM.cobraShotAp * (1 + BM.specAuraSpells) * OWN_MASTERY;
    expect(damage(sim, 'cobra_shot_snakeskin_quiver')).toBe(free * physical(cobra));
    expect(casts(sim, 'cobra_shot')).toBe(0);
    const without = bmSim({ talents: [], rotation: NOTHING, seconds: 60 });
    run(without, 20);
    expect(hits(without, 'cobra_shot_snakeskin_quiver')).toBe(0);
  });
});

describe('Laceration (459552; 459555, 459560)', () => {
  it("the main pet's crits bleed for 8 % of the damage (459555 #1) over 6 s in 1 s ticks (459560), rolling", () => {
    // Every hit crits. The test records, in the engine's order, each crit of the main pet (melee,
    // Claw, Kill Command, Bestial Wrath) and each Laceration tick, then replays SimC's residual
    // bleed by hand: a crit adds 8 % of its damage to the unpaid rest and restarts 6 s / 1 s = 6
    // ticks (a pending tick of the old bleed pays nothing); a tick pays rest / ticks left, with no
    // multipliers (459560: ignores caster modifiers, can't crit), rounded as booked.
    const sim = bmSim({
      talents: ['laceration'],
      rotation: 'actions=bestial_wrath\nactions+=/kill_command',
      seconds: 20,
      baseCrit: 1,
    });
    const pet = new Set(
      ['pet_melee', 'claw', 'kill_command', 'bestial_wrath'].map((k) => Sim.indexOf(BM_DATA.sources, k)),
    );
    const lac = Sim.indexOf(BM_DATA.sources, 'laceration');
    const log: Array<{ t: number; crit: boolean; amount: number }> = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
      const c = hit(src, target, amount, phys, critBonus, critDamage);
      if (pet.has(src)) {
        expect(c).toBe(1);
        log.push({ t: sim.now, crit: true, amount: sim.lastHitDamage });
      }
      return c;
    };
    const residual = sim.dealResidual.bind(sim);
    sim.dealResidual = (src, amount) => {
      if (src === lac) log.push({ t: sim.now, crit: false, amount: Math.round(amount) });
      residual(src, amount);
    };
    run(sim, 1);
    const share = 0.08; // 459555 #1
    const ticksPerBleed = 6000 / 1000; // 459560: 6 s, effect #1 every 1 s
    let rest = 0;
    let left = 0;
    let due = -1;
    let paid = 0;
    let ticks = 0;
    for (const e of log) {
      if (e.crit) {
        rest += share * e.amount;
        left = ticksPerBleed;
        due = e.t + 1000;
      } else {
        expect(e.t).toBe(due);
        const d = rest / left;
        expect(e.amount).toBe(Math.round(d));
        rest -= d;
        left--;
        due = left > 0 ? e.t + 1000 : -1;
        paid += e.amount;
        ticks++;
      }
    }
    expect(log.filter((e) => e.crit).length).toBeGreaterThan(10);
    expect(ticks).toBeGreaterThan(5); // each new crit restarts the bleed, so few ticks come due
    expect(hits(sim, 'laceration')).toBe(ticks);
    expect(damage(sim, 'laceration')).toBe(paid);
    // Without crits (or without the talent) there is no bleed.
    const noCrit = bmSim({ talents: ['laceration'], rotation: 'actions=kill_command', seconds: 20 });
    run(noCrit, 1);
    expect(hits(noCrit, 'laceration')).toBe(0);
    const without = bmSim({ talents: [], rotation: 'actions=kill_command', seconds: 20, baseCrit: 1 });
    run(without, 1);
    expect(hits(without, 'laceration')).toBe(0);
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
