/**
 * Golden tests of Bloody Frenzy (407412, ./bloody-frenzy.ts) and Master Handler (424558,
 * ./spec-talents.ts), as SimulationCraft's TWW 11.2 sc_hunter.cpp has them: each config isolates
 * the talent (./test-support.ts: no crits, no haste, 40,000 agility) and the engine's figures must
 * equal a hand computation from the cited spell data (11.2.0.63003).
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../engine/sim.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { REAL } from '../../talents/test-strings.ts';
import { BM, BM_DATA } from './data.ts';
import { AGILITY, bmSim, casts, damage, hits, PET_SWING, physical, run, STABLE } from './test-support.ts';
import { BM_TALENTS } from './talent-data.ts';

const src = (key: string): number => Sim.indexOf(BM_DATA.sources, key);
const CALL = 'actions=call_of_the_wild,if=time<1';
/** A Stomp of a stable pet: 0.6 × its AP (1217528 #1 on the target, 201754 #1 on the others). */
const STOMP = BM_TALENTS.stompAp * AGILITY * STABLE;

/** The times (ms) of the hits of the sources `keys`, recorded while `sim` runs one iteration. */
function hitTimes(sim: Sim, keys: string[]): number[][] {
  const ids = keys.map(src);
  const out = keys.map((): number[] => []);
  const hit = sim.hit.bind(sim);
  sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
    const k = ids.indexOf(s);
    if (k >= 0) out[k]!.push(sim.now);
    return hit(s, target, amount, phys, critBonus, critDamage);
  };
  run(sim, 1);
  return out;
}

describe('Bloody Frenzy (407412): each Call of the Wild summon, all pets Stomp', () => {
  it('single target: the main pet, the companion and every Call of the Wild pet out, at 4, 8, 12 and 16 s', () => {
    // Call of the Wild at 0 s (359844: 2 pets for 20 s; one more every 4 s, #2, for 6 s, 361582):
    // at 4 s 2 + 1 of its pets are out, at 8, 12 and 16 s 2 + 2 (the one of 4 s leaves at 10 s).
    const talents = ['call_of_the_wild', 'bloody_frenzy', 'animal_companion'];
    const sim = bmSim({ talents, rotation: CALL, seconds: 30 });
    const [main, cotw] = hitTimes(sim, ['stomp', 'call_of_the_wild_stomp']);
    expect(main).toEqual([4000, 4000, 8000, 8000, 12_000, 12_000, 16_000, 16_000]);
    expect(damage(sim, 'stomp')).toBe(8 * physical(STOMP));
    expect(cotw).toEqual([
      ...Array(3).fill(4000),
      ...[8000, 12_000, 16_000].flatMap((t) => Array(4).fill(t)),
    ]);
    expect(damage(sim, 'call_of_the_wild_stomp')).toBe(15 * physical(STOMP));
    expect(hits(sim, 'stomp_cleave') + hits(sim, 'call_of_the_wild_stomp_cleave')).toBe(0);
    // without the talent: no Stomp (Stomp 199530 alone stomps on Barbed Shot only)
    const without = bmSim({
      talents: ['call_of_the_wild', 'animal_companion', 'stomp'],
      rotation: CALL,
      seconds: 30,
    });
    run(without, 1);
    expect(hits(without, 'stomp') + hits(without, 'call_of_the_wild_stomp')).toBe(0);
    // the pets' melee is the same with or without it in single target (no Beast Cleave hits)
    expect(damage(sim, 'call_of_the_wild')).toBe(damage(without, 'call_of_the_wild'));
    expect(hits(sim, 'beast_cleave') + hits(sim, 'call_of_the_wild_beast_cleave')).toBe(0);
  });

  it("three targets: each Stomp also hits the two others for 0.6 × the pet's AP (201754 #1)", () => {
    const sim = bmSim({
      talents: ['call_of_the_wild', 'bloody_frenzy'],
      rotation: CALL,
      seconds: 30,
      targets: 3,
    });
    run(sim, 1);
    expect(hits(sim, 'stomp')).toBe(4);
    expect(hits(sim, 'stomp_cleave')).toBe(8);
    expect(damage(sim, 'stomp_cleave')).toBe(8 * physical(STOMP));
    expect(hits(sim, 'call_of_the_wild_stomp')).toBe(15);
    expect(hits(sim, 'call_of_the_wild_stomp_cleave')).toBe(30);
    expect(damage(sim, 'call_of_the_wild_stomp_cleave')).toBe(30 * physical(STOMP));
  });
});

describe('Bloody Frenzy (407412): Beast Cleave while Call of the Wild is up', () => {
  it("Call of the Wild's pets cleave for all of each swing until 20 s, 80 % with the Beast Cleave talent (115939 #1), with no Multi-Shot", () => {
    // Its pets swing every 2 s from their summon: the two of the cast at 0, 2, .., 18 s (20 s),
    // the periodic ones 3 times (4-8, 8-12, 12-16 s; 16, 18 and 20 s, Beast Cleave gone at 20 s):
    // 31 swings with Beast Cleave, each on the 2 other targets (soft cap 8: × 1). The pets' buff
    // copies 1.0 of the swing without the Beast Cleave talent, 115939 #1 with it (SimC
    // hunter_pet_t::create_buffs).
    for (const [talents, share] of [
      [['call_of_the_wild', 'bloody_frenzy'], 1],
      [['call_of_the_wild', 'bloody_frenzy', 'beast_cleave'], 0.8],
    ] as const) {
      const sim = bmSim({ talents: [...talents], rotation: CALL, seconds: 30, targets: 3 });
      const [cleave] = hitTimes(sim, ['call_of_the_wild_beast_cleave']);
      expect(hits(sim, 'call_of_the_wild')).toBe(32);
      expect(cleave).toHaveLength(62);
      expect(Math.max(...cleave!)).toBe(18_000);
      expect(damage(sim, 'call_of_the_wild_beast_cleave')).toBe(62 * physical(PET_SWING * STABLE * share));
    }
    expect(BM.beastCleaveShare).toBe(0.8);
    const without = bmSim({ talents: ['call_of_the_wild'], rotation: CALL, seconds: 30, targets: 3 });
    run(without, 1);
    expect(hits(without, 'call_of_the_wild_beast_cleave') + hits(without, 'beast_cleave')).toBe(0);
  });

  it("the main pet cleaves from the cast to 20 s; a Multi-Shot with more than 6 s left does not cut it (SimC's test)", () => {
    // The main pet swings at 0 s (before the cast), then every 2 s: 2, .., 18 s cleave (20 s: gone).
    // Its basic attack cleaves too. A Multi-Shot at 1.5 s leaves Beast Cleave's 18.5 s as it is.
    const rotation = `${CALL}\nactions+=/multishot,if=time>1&time<2`;
    const area = ['multishot', 'beast_cleave'];
    const sim = bmSim({
      talents: ['call_of_the_wild', 'bloody_frenzy', ...area],
      rotation,
      seconds: 30,
      targets: 3,
    });
    const [melee, claw, cleave, multi] = hitTimes(sim, ['pet_melee', 'claw', 'beast_cleave', 'multishot']);
    expect(multi).toEqual([1500, 1500, 1500]);
    const during = [...melee!, ...claw!].filter((t) => t > 0 && t < 20_000);
    expect(melee!.filter((t) => t > 0 && t < 20_000)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => 2000 * k),
    );
    expect(cleave).toHaveLength(2 * during.length);
    expect(Math.max(...cleave!)).toBeGreaterThanOrEqual(18_000);
    // the same Multi-Shot without Bloody Frenzy: Beast Cleave for 6 s (115939 #2), to 7.5 s
    const without = bmSim({ talents: ['call_of_the_wild', ...area], rotation, seconds: 30, targets: 3 });
    const [, , cleave0] = hitTimes(without, ['pet_melee', 'claw', 'beast_cleave']);
    expect(Math.max(...cleave0!)).toBeLessThan(7500);
  });
});

describe('Master Handler (424558)', () => {
  it("each Barbed Shot tick takes 0.5 s (#1) off Kill Command's cooldown", () => {
    // Barbed Shot at 0 s ticks at 0, 2, .., 12 s (217200, tick_zero: 7 ticks). Kill Command at
    // 1.5 s (7.5 s cooldown, 34026): due 9 s, less 3 ticks (2, 4, 6 s) = 7.5 s; cast then, due
    // 15 s, less 3 (8, 10, 12 s) = 13.5 s. Without the talent: 1.5, 9 and 16.5 s.
    const rotation = 'actions=barbed_shot,if=time<1\nactions+=/kill_command';
    const sim = bmSim({ talents: ['master_handler'], rotation, seconds: 20 });
    const [kc, bs] = hitTimes(sim, ['kill_command', 'barbed_shot']);
    expect(bs).toEqual([0, 2000, 4000, 6000, 8000, 10_000, 12_000]);
    expect(kc).toEqual([1500, 7500, 13_500]);
    expect(BM_TALENTS.masterHandlerMs).toBe(500);
    const without = bmSim({ talents: [], rotation, seconds: 20 });
    const [kc0] = hitTimes(without, ['kill_command']);
    expect(kc0).toEqual([1500, 9000, 16_500]);
  });

  it('with two charges (Alpha Predator) the ticks cut the running recharge, none while both are ready', () => {
    // Kill Command at 1.5 and 3 s (both charges; the recharge due 9 s). Ticks at 2 s (before the
    // second cast), 4 and 6 s: due 7.5 s, cast then; the next recharge from 7.5 s, due 15 s, less
    // the ticks at 8, 10, 12 s: 13.5 s. The tick at 0 s, with both charges ready, does nothing.
    const rotation = 'actions=barbed_shot,if=time<1\nactions+=/kill_command';
    const sim = bmSim({ talents: ['master_handler', 'alpha_predator'], rotation, seconds: 20 });
    const [kc] = hitTimes(sim, ['kill_command']);
    expect(kc).toEqual([1500, 3000, 7500, 13_500]);
    expect(casts(sim, 'kill_command')).toBe(4);
  });
});

describe("SimulationCraft's TWW3 Dark Ranger string", () => {
  it('no longer lists Bloody Frenzy and Master Handler as not modelled', () => {
    const r = talentsFromLoadout(REAL.bmDarkRanger);
    const ignored = r.ignored.map((t) => t.name);
    expect(ignored).not.toContain('Bloody Frenzy');
    expect(ignored).not.toContain('Master Handler');
    expect(r.modelled.filter((t) => t.key === 'bloody_frenzy' || t.key === 'master_handler')).toMatchObject([
      { key: 'bloody_frenzy', spellId: 407412, nodeId: 102339 },
      { key: 'master_handler', spellId: 424558, nodeId: 102359 },
    ]);
  });
});
