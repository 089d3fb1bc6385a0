/**
 * The racials of racial-procs.ts and Haymaker: Touch of the Grave (Undead), Entropic Embrace (Void
 * Elf), Embrace of Pa'ku (Zandalari Troll), Command (Orc), Haymaker (Kul Tiran). Closed forms on the
 * test spec (a 1000-damage bolt every 1.5 s), and the pets/player split on the real specs.
 */
import { describe, expect, it } from 'vitest';
import { PET_SOURCES } from '../specs/pet-sources.ts';
import { ITEM_PROC_SOURCES, noGear } from '../specs/gear.ts';
import {
  COMMAND_PET_DAMAGE,
  ENTROPIC_EMBRACE_DAMAGE,
  HAYMAKER_AP,
  PAKU_CRIT,
  TOUCH_OF_THE_GRAVE_AP,
  TOUCH_OF_THE_GRAVE_CHANCE,
  TOUCH_OF_THE_GRAVE_ICD_MS,
} from '../specs/racial-procs.ts';
import { specData, specs } from '../specs/registry.ts';
import { deriveStats, PHYSICAL_MULTIPLIER } from './ratings.ts';
import { simulate } from './run.ts';
import { Sim } from './sim.ts';
import { HIT, run } from './test-support.ts';

const src = (sim: Sim, key: string) => sim.data.sources.findIndex((x) => x.key === key);

describe('racial procs', () => {
  it('Undead (Touch of the Grave): AP × 0.3125 shadow, 20 % per hit, 15 s apart; the count matches the chain', () => {
    expect([TOUCH_OF_THE_GRAVE_AP, TOUCH_OF_THE_GRAVE_CHANCE, TOUCH_OF_THE_GRAVE_ICD_MS]).toEqual([
      0.3125, 0.2, 15_000,
    ]);
    const iterations = 200;
    // critBonus -1: the bolt never crits; the drain has the base crit chance
    const { sim } = run({ seconds: 300, iterations, race: 'undead', ratings: { agility: 10_000 } });
    const t = src(sim, 'touch_of_the_grave');
    expect(sim.srcDamage[t]).toBe(Math.round(0.3125 * 10_000) * (sim.srcHits[t]! + sim.srcCrits[t]!));
    // bolts at 0, 1.5, ... 300 s (201); after a proc the next 9 cannot proc (15 s = 10 bolts)
    const bolts = sim.srcHits[0]! / iterations;
    expect(bolts).toBe(201);
    const gap = TOUCH_OF_THE_GRAVE_ICD_MS / 1500;
    const e = new Float64Array(bolts + gap + 1);
    for (let i = bolts - 1; i >= 0; i--) e[i] = 0.2 * (1 + e[i + gap]!) + 0.8 * e[i + 1]!;
    const perIteration = sim.srcHits[t]! / iterations;
    // each iteration's count is at most 20: its standard deviation is below 2, the mean's below 0.15
    expect(Math.abs(perIteration - e[0]!)).toBeLessThan(0.45);
    expect(run({ seconds: 300, race: 'orc', ratings: { agility: 10_000 } }).sim.srcHits[t]).toBe(0);
  });

  it('Void Elf (Entropic Embrace): the player’s hits × 1.05 for 12 s, about a fifth of the time', () => {
    expect(ENTROPIC_EMBRACE_DAMAGE).toBe(0.05);
    const { sim } = run({ seconds: 300, iterations: 20, race: 'void_elf' });
    const hits = sim.srcHits[0]!;
    // every bolt deals 1000 or round(1000 × 1.05) = 1050: the boosted ones are whole
    const boosted = (sim.srcDamage[0]! - hits * HIT) / (Math.round(HIT * 1.05) - HIT);
    expect(Number.isInteger(boosted)).toBe(true);
    // real procs per minute 1 (hasted, with bad-luck protection), 12 s each, refreshed on a proc
    expect(boosted / hits).toBeGreaterThan(0.12);
    expect(boosted / hits).toBeLessThan(0.3);
    const none = run({ seconds: 300, race: 'none' }).sim;
    expect(none.srcDamage[0]).toBe(none.srcHits[0]! * HIT);
  });

  it("Zandalari Troll (Embrace of Pa'ku): crit chance + 4 % exactly while the buff is up", () => {
    expect(PAKU_CRIT).toBe(0.04);
    const ratings = { crit: 1000, haste: 0, mastery: 0, versatility: 0 };
    const base = deriveStats(ratings).critChance;
    const seen = new Set<boolean>();
    for (let s = 5; s <= 120; s += 5) {
      const { sim } = run({ seconds: s, race: 'zandalari_troll', ratings });
      const b = sim.data.buffs.findIndex((x) => x.key === 'embrace_of_paku');
      const up = sim.buffs.up(b, sim.now);
      seen.add(up);
      expect(sim.critChance, `${s} s`).toBeCloseTo(base + (up ? PAKU_CRIT : 0), 12);
    }
    expect([...seen].sort()).toEqual([false, true]);
    // a new iteration starts without it
    const two = run({ seconds: 1, iterations: 2, race: 'zandalari_troll', ratings });
    expect(two.sim.baseCrit).toBe(base);
  });

  it('Kul Tiran (Haymaker): AP × 0.75 physical on the target, on the GCD; one cast in 150 s', () => {
    expect(HAYMAKER_AP).toBe(0.75);
    const rotation = 'actions=haymaker\nactions+=/bolt';
    const opts = { rotation, race: 'kul_tiran', ratings: { agility: 10_000 } };
    const { sim, samples } = run({ ...opts, seconds: 10 });
    const h = src(sim, 'haymaker');
    expect(sim.srcHits[h]).toBe(1);
    const each = Math.round(HAYMAKER_AP * 10_000 * PHYSICAL_MULTIPLIER);
    expect(sim.srcDamage[h]).toBe(each * (1 + sim.srcCrits[h]!));
    // the GCD (1.5 s) runs from the cast's start: bolts at 1.5, 3, ... 9 s
    expect(sim.srcHits[0]).toBe(6);
    expect(samples[0]).toBe((6 * HIT + sim.srcDamage[h]!) / 10);
    expect(run({ ...opts, seconds: 10, race: 'orc' }).sim.srcHits[0]).toBe(7);
  });

  it('the pets’ sources: Command multiplies them (guardians too), the player’s procs and Entropic Embrace skip them, and procs’ damage', () => {
    for (const spec of specs) {
      const data = specData(spec.id);
      for (const race of ['orc', 'undead', 'void_elf', 'zandalari_troll']) {
        // no weapon enchant: its own proc bits (item-effects.test.ts) aside
        const sim = new Sim({ ...spec.defaultConfig(), race, gear: noGear() }, data);
        data.sources.forEach((s, i) => {
          const pet = PET_SOURCES.has(s.key);
          expect(sim.srcMult[i], `${race} ${s.key}`).toBe(pet && race === 'orc' ? 1 + COMMAND_PET_DAMAGE : 1);
          const proc = s.key === 'touch_of_the_grave' || ITEM_PROC_SOURCES.has(s.key);
          if (pet || proc || race === 'orc') expect(sim.srcProc[i], `${race} ${s.key}`).toBe(0);
        });
        const auto = data.sources.findIndex((s) => s.key === 'auto_shot');
        // Entropic Embrace: class abilities only; Touch of the Grave and Pa'ku: auto shots too
        expect(sim.srcProc[auto] !== 0, `${race} auto_shot`).toBe(race !== 'void_elf' && race !== 'orc');
        expect(sim.hitProcs).toBe(race === 'orc' ? 0 : 1);
      }
    }
    // every "Pet:" (and Hati's and Fenryr's) source of the specs is listed, every listed key is a spec's source
    const all = specs.flatMap((s) => specData(s.id).sources);
    for (const s of all)
      if (/^(Pet|Hati|Fenryr):/.test(s.name)) expect(PET_SOURCES.has(s.key), s.key).toBe(true);
    for (const key of PET_SOURCES)
      expect(
        all.some((s) => s.key === key),
        key,
      ).toBe(true);
  });

  it('Orc (Command): BM pet and guardian damage × 1.01, the hunter’s unchanged (same fight otherwise)', () => {
    const base = spec('bm-hunter');
    const opts = { seed: 5, seedOffset: 0, iterations: 10 };
    const none = simulate(base, opts).abilities;
    const orc = simulate({ ...base, race: 'orc' }, opts).abilities;
    // Laceration is the hunter's bleed, 8 % of the pets' crit damage (SimC laceration_cb_t): it follows them.
    const fromPets = new Set(['laceration']);
    let pets = 0;
    for (const [key, a] of Object.entries(none)) {
      const o = orc[key]!;
      expect(o.hits, key).toBe(a.hits);
      if (PET_SOURCES.has(key) || fromPets.has(key)) {
        pets++;
        // per hit: round(1.01 x) against 1.01 × round(x): within 1.01 of each other
        expect(Math.abs(o.damage - (1 + COMMAND_PET_DAMAGE) * a.damage), key).toBeLessThanOrEqual(
          1.01 * a.hits,
        );
        if (a.damage > 0) expect(o.damage, key).toBeGreaterThan(a.damage);
      } else expect(o.damage, key).toBe(a.damage);
    }
    expect(pets).toBeGreaterThanOrEqual(5);
  });
});

/** A spec's default config, linear health (decisions independent of damage), without Blood Fury. */
function spec(id: 'bm-hunter' | 'mm-hunter') {
  const c = specs.find((s) => s.id === id)!.defaultConfig();
  c.timing = { ...c.timing!, targetHealth: 'linear' };
  c.rotation = c.rotation
    .split('\n')
    .filter((l) => !l.includes('blood_fury'))
    .join('\n');
  return c;
}
