/**
 * Golden tests of Beast Mastery mechanics modelled as SimulationCraft has them: each runs a config
 * that isolates one mechanic (no raid buffs, no consumables, no timing delays, no ratings, critical strikes off unless the test is
 * about them) and compares the engine's figures with a hand computation from the spell data in
 * ./data.ts. Deterministic damage must match exactly; random procs within 4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { BM, BM_DATA } from './data.ts';
import {
  AGILITY,
  bmSim,
  casts,
  crits,
  damage,
  hits,
  OWN_MASTERY,
  PET_MASTERY,
  PET_SWING,
  physical,
  run,
  STABLE,
} from './test-support.ts';

describe('Barbed Shot (217200)', () => {
  const tick = AGILITY * BM.barbedShotTickAp * (1 + BM.specAuraSpells) * OWN_MASTERY;

  it('ticks on application (SimC tick_zero): 1 + 12 s / 2 s = 7 ticks', () => {
    const sim = bmSim({ talents: [], rotation: 'actions=barbed_shot,if=time<1', seconds: 20 });
    run(sim, 1);
    expect(hits(sim, 'barbed_shot')).toBe(7);
    expect(damage(sim, 'barbed_shot')).toBe(7 * physical(tick));
  });

  it('a refresh of a running bleed does not tick again; pandemic extends it with a partial last tick', () => {
    // Casts at 0 s and 1.5 s: tick at 0, ticks at 2..16 s, expiry 1.5 + 12 + min(10.5, 3.6) = 17.1 s.
    const sim = bmSim({ talents: [], rotation: 'actions=barbed_shot,if=time<2', seconds: 20 });
    run(sim, 1);
    expect(hits(sim, 'barbed_shot')).toBe(1 + 8 + 1);
    expect(damage(sim, 'barbed_shot')).toBe(9 * physical(tick) + physical((tick * 1100) / 2000));
  });

  it('gives the pet its own Thrill of the Hunt (312365): +2 % pet crit per stack, for 8 s', () => {
    // Casts at 0 and 1.5 s: the pet has 2 stacks from 1.5 s until 1.5 + 8 = 9.5 s (312365's
    // duration; the hunter's 257946 lasts 12 s). Pet swings at 0 (before the cast), then 2 s (no
    // Frenzy when it was scheduled), then every 2 s / (1 + 2 × 30 %) = 1.25 s: 3.25, 4.5, 5.75, 7,
    // 8.25 s with 2 stacks (6 swings), 9.5 s (expired at that ms), 10.75 and 12 s without.
    const rotation = 'actions=barbed_shot,if=time<2';
    const n = 4000;
    const withThrill = bmSim({ talents: ['thrill_of_the_hunt'], rotation, seconds: 12, crit: true });
    run(withThrill, n);
    expect(hits(withThrill, 'pet_melee')).toBe(10 * n);
    const p = 2 * BM.petThrillCritPerStack;
    const expected = 6 * n * p;
    const sigma = Math.sqrt(6 * n * p * (1 - p));
    expect(Math.abs(crits(withThrill, 'pet_melee') - expected)).toBeLessThan(4 * sigma);
    // With 12 s (the hunter's duration) the 9.5 and 10.75 s swings would crit too: 8 × 4 % expected.
    expect(Math.abs(crits(withThrill, 'pet_melee') - 8 * n * p)).toBeGreaterThan(4 * sigma);
    const thrill = BM_DATA.petBuffs.find((b) => b.key === 'thrill_of_the_hunt')!;
    expect(thrill.durationMs).toBe(8000);

    const without = bmSim({ talents: [], rotation, seconds: 12, crit: true });
    run(without, 200);
    expect(crits(without, 'pet_melee')).toBe(0);
  });
});

describe('Bestial Wrath (19574)', () => {
  it('the pet attacks the target at once (344572), before its own Bestial Wrath applies', () => {
    const sim = bmSim({ talents: [], rotation: 'actions=bestial_wrath,if=time<1', seconds: 10 });
    run(sim, 1);
    const coeff = BM.bestialWrathPetAp;
    expect(hits(sim, 'bestial_wrath')).toBe(1);
    expect(damage(sim, 'bestial_wrath')).toBe(physical(coeff * AGILITY * STABLE));
  });
});

describe('Bloodshed (321530)', () => {
  it('the bleeding target takes +15 % damage from the pet (321538 #2), its own ticks included', () => {
    // Pet swings at 0 (before the cast), 2, 4, 6, 8, 10 s; bleed ticks at 1..10 s.
    const sim = bmSim({ talents: ['bloodshed'], rotation: 'actions=bloodshed,if=time<1', seconds: 10 });
    run(sim, 1);
    const amp = 1 + BM.bloodshedPetDamageTaken;
    expect(hits(sim, 'pet_melee')).toBe(6);
    expect(damage(sim, 'pet_melee')).toBe(
      physical(PET_SWING * STABLE) + 5 * physical(PET_SWING * STABLE * amp),
    );
    expect(hits(sim, 'bloodshed')).toBe(10);
    expect(damage(sim, 'bloodshed')).toBe(10 * physical(BM.bloodshedTickAp * AGILITY * STABLE * amp));
  });
});

describe('Call of the Wild (359844)', () => {
  it('summons 2 pets for 20 s and one more every 4 s for 6 s (#1, #2)', () => {
    // Cast at 0: two pets swing at 0, 2, .., 18 s (10 each); pets at 4, 8, 12, 16 s swing 3 times.
    const sim = bmSim({
      talents: ['call_of_the_wild'],
      rotation: 'actions=call_of_the_wild,if=time<1',
      seconds: 30,
    });
    run(sim, 1);
    expect(hits(sim, 'call_of_the_wild')).toBe(2 * 10 + 4 * 3);
    expect(damage(sim, 'call_of_the_wild')).toBe(32 * physical(PET_SWING * STABLE));
  });

  it('takes 25 % of the base cooldown off Barbed Shot per pet summoned (#3), carrying over charges', () => {
    // Barbed Shot at 0 and 1.5 s (recharge due 18 s). Call of the Wild at 3 s: 2 pets = 9 s off,
    // the charge due 9 s. Each summon at 7, 11, 15, 19 s takes 4.5 s: at 7 s the charge comes
    // (2.5 s carried: next due 22.5 s; cast at 7 s), 18 s, a charge at 15 s (1.5 s carried: next
    // due 31.5 s; cast), 27 s (cast). Casts at 0, 1.5, 7, 15 and 27 s; without the talent: 0, 1.5
    // and 18 s.
    const rotation = 'actions=barbed_shot\nactions+=/call_of_the_wild';
    const sim = bmSim({ talents: ['call_of_the_wild'], rotation, seconds: 30 });
    run(sim, 1);
    expect(casts(sim, 'barbed_shot')).toBe(5);
    const without = bmSim({ talents: [], rotation: 'actions=barbed_shot', seconds: 30 });
    run(without, 1);
    expect(casts(without, 'barbed_shot')).toBe(3);
  });
});

describe('Animal Companion (267116)', () => {
  it('a second pet swings and answers Kill Command, at full damage (no penalty in 267116 or SimC)', () => {
    // Kill Command at 0 s: one hit from each pet. Both pets swing at 0, 2, .., 10 s.
    const sim = bmSim({
      talents: ['animal_companion'],
      rotation: 'actions=kill_command,if=time<1',
      seconds: 10,
    });
    run(sim, 1);
    const both = STABLE;
    expect(hits(sim, 'kill_command')).toBe(2);
    expect(damage(sim, 'kill_command')).toBe(2 * physical(BM.killCommandAp * AGILITY * both));
    for (const key of ['pet_melee', 'animal_companion']) {
      expect(hits(sim, key)).toBe(6);
      expect(damage(sim, key)).toBe(6 * physical(PET_SWING * both));
    }
    const without = bmSim({ talents: [], rotation: 'actions=kill_command,if=time<1', seconds: 10 });
    run(without, 1);
    expect(hits(without, 'animal_companion')).toBe(0);
    expect(damage(without, 'kill_command')).toBe(physical(BM.killCommandAp * AGILITY * STABLE));
  });
});

describe('Dire Beast (120679, passive)', () => {
  it('each Barbed Shot tick summons a Dire Beast 4 % of the time (#1), for 8 s / 2 s = 4 swings at 1 × AP', () => {
    // Barbed Shot at 0, 1.5 and 18 s; every tick lands and every beast ends before 45 s.
    const n = 3000;
    const sim = bmSim({ talents: ['dire_beast'], rotation: 'actions=barbed_shot,if=time<20', seconds: 45 });
    run(sim, n);
    const ticks = hits(sim, 'barbed_shot') / n;
    expect(Number.isInteger(ticks)).toBe(true);
    const swings = BM.direBeastMs / BM.petSwingMs;
    const expected = swings * ticks * n * BM.direBeastChance;
    const sigma = swings * Math.sqrt(ticks * n * BM.direBeastChance * (1 - BM.direBeastChance));
    expect(Math.abs(hits(sim, 'dire_beast') - expected)).toBeLessThan(4 * sigma);
    const perSwing = physical(PET_SWING * BM.direBeastApFromOwner * (1 + BM.specAuraGuardian) * PET_MASTERY);
    expect(damage(sim, 'dire_beast')).toBe(hits(sim, 'dire_beast') * perSwing);

    const without = bmSim({ talents: [], rotation: 'actions=barbed_shot,if=time<20', seconds: 45 });
    run(without, 200);
    expect(hits(without, 'dire_beast')).toBe(0);
  });
});
