/**
 * Golden tests of the BM spec talents of SimulationCraft's default profile (./spec-talents.ts):
 * each config isolates one talent (./test-support.ts) and the engine's figures must equal a hand
 * computation from the cited spell data (11.2.0.63003): exactly for deterministic damage, within 4
 * standard errors for random procs.
 */
import { describe, expect, it } from 'vitest';
import { PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { BM, BM_DATA } from './data.ts';
import {
  AGILITY,
  bmSim,
  casts,
  damage,
  hits,
  OWN_MASTERY,
  PET_SWING,
  physical,
  run,
  STABLE,
} from './test-support.ts';
import { expectRate } from '../expect-rate.ts';

/** A critical hit as the engine rounds it: physical, then the crit factor 1 + bonus. */
const critical = (amount: number, bonus: number): number =>
  Math.round(amount * PHYSICAL_MULTIPLIER * (1 + bonus));
const NOTHING = 'actions=bestial_wrath,if=time>100';
const KILL_COMMAND = BM.killCommandAp * AGILITY * STABLE; // 83381 #1 on the pet's AP

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
    expectRate(casts(sim, 'kill_command') - n, n, 0.5);
    const without = bmSim({
      talents: [],
      rotation: 'actions=kill_command,if=time<4\nactions+=/barbed_shot,if=time<2',
      seconds: 10,
    });
    run(without, 100);
    expect(casts(without, 'kill_command')).toBe(100);
  });
});

describe('Killer Instinct (273887)', () => {
  it('Kill Command +16 % at rank 2 (#1), +8 % at rank 1 (rank table: #1 × 0.5, × 1)', () => {
    // Kill Command at 0, 7.5 and 15 s (83381 on the pet's AP, no crits).
    for (const [talents, factor] of [
      [['killer_instinct'], 1.16],
      [['killer_instinct:2'], 1.16],
      [['killer_instinct:1'], 1.08],
      [[], 1],
    ] as const) {
      const sim = bmSim({ talents: [...talents], rotation: 'actions=kill_command', seconds: 20 });
      run(sim, 1);
      expect(hits(sim, 'kill_command')).toBe(3);
      expect(damage(sim, 'kill_command')).toBe(3 * physical(KILL_COMMAND * factor));
    }
  });
});

describe('Scent of Blood (193532)', () => {
  it('Bestial Wrath gives 1 charge of Barbed Shot at rank 1 (rank table: #1 set to 1, 2)', () => {
    // Two Barbed Shots (0, 1.5 s) spend both charges, Bestial Wrath at 3 s gives one back: 4.5 s;
    // the next charge comes 18 s after the first cast (217200: 2 charges, 18 s), past 7 s.
    const rotation =
      'actions=barbed_shot,if=time<3\nactions+=/bestial_wrath\nactions+=/barbed_shot,if=time<7';
    const sim = bmSim({ talents: ['scent_of_blood:1'], rotation, seconds: 10 });
    run(sim, 1);
    expect(casts(sim, 'barbed_shot')).toBe(3);
  });

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

describe('Snakeskin Quiver (468695)', () => {
  it('15 % of Auto Shots also fire a free Cobra Shot (#1), a full Cobra Shot (1 s off Kill Command)', () => {
    const n = 200;
    const sim = bmSim({ talents: ['snakeskin_quiver'], rotation: NOTHING, seconds: 60 });
    run(sim, n);
    const autos = hits(sim, 'auto_shot');
    const free = hits(sim, 'cobra_shot_snakeskin_quiver');
    expectRate(free, autos, 0.15);
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
    // bleed by hand: a crit adds 8 % of its damage to the unpaid rest; a new bleed ticks 6 s / 1 s = 6
    // times from 1 s on, a ticking one keeps its tick timer and lasts to its next tick + 6 s:
    // ceil((next − now + 6 s) / 1 s) ticks left (SimC residual_periodic_action_t, DOT_REFRESH);
    // a tick pays rest / ticks left, with no multipliers (459560: ignores caster modifiers, can't
    // crit), rounded as booked.
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
    let refreshes = 0;
    let sameMs = 0;
    for (const e of log) {
      if (e.crit) {
        rest += share * e.amount;
        if (left > 0) {
          // a tick due in this same ms is still to come: one more
          left = Math.ceil((due - e.t + 6000) / 1000) + (due === e.t ? 1 : 0);
          if (due === e.t) sameMs++;
          refreshes++;
        } else {
          left = ticksPerBleed;
          due = e.t + 1000;
        }
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
    expect(refreshes).toBeGreaterThan(10); // crits land on a ticking bleed: its timer is kept
    // pet hits land on whole seconds like the ticks: refreshes in a tick's own ms are exercised
    expect(sameMs).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(15); // it ticks every second from the first crit on
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
