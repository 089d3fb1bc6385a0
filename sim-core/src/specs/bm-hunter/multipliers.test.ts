/**
 * The pet multiplier BmMultipliers keeps between changes of its auras (./multipliers.ts) must be
 * the one computed afresh: at every read of whole fights, with the default profile (Pack Leader's
 * Wyvern's Cry and Lead From the Front, Serpentine Blessing, Hati, Bestial Wrath, a potion's
 * mastery, reactions on), without Fury of the Wyvern and without Pack Leader, the kept value is
 * compared with a fresh one. The same for the main pet's kept main-target terms (Bloodshed's
 * damage taken, Thrill's crit chance, Piercing Fangs' crit damage) at every main-pet hit on the
 * main target (each of their three clears removed in turn fails a case).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.ts';
import { createSim } from '../../engine/run.ts';
import { specs } from '../registry.ts';

interface Kept {
  petMult(): number;
  petAurasChanged(): void;
}

/** The default BM profile with its talents edited, 300 s, and its multipliers (BmMultipliers) as `M`. */
function defaultSim<M>(talents: (defaults: string[]) => string[]) {
  const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  c.player.talents = talents(c.player.talents);
  c.fight = { ...c.fight, durationSeconds: 300 };
  const sim = createSim(parseConfig(c));
  return { sim, m: (sim.logic as unknown as { m: M }).m };
}

function check(talents: (defaults: string[]) => string[]): { reads: number; kept: number } {
  const { sim, m } = defaultSim<Kept & { petUntil: number }>(talents);
  const petMult = m.petMult.bind(m);
  let reads = 0;
  let kept = 0;
  m.petMult = () => {
    if (sim.now < m.petUntil) kept++;
    const value = petMult();
    m.petAurasChanged();
    const fresh = petMult();
    expect(value).toBe(fresh);
    reads++;
    return value;
  };
  for (let k = 0; k < 5; k++) sim.runIteration(11, k);
  return { reads, kept };
}

describe('the kept pet multiplier', () => {
  it('equals a fresh one at every read (default profile)', () => {
    const { reads, kept } = check((t) => t);
    expect(reads).toBeGreaterThan(500);
    expect(kept).toBeGreaterThan(reads / 2); // the check reads kept values, not only fresh ones
  });

  it('equals a fresh one at every read (Pack Leader without Fury of the Wyvern)', () => {
    const { reads, kept } = check((t) => t.filter((k) => k !== 'fury_of_the_wyvern'));
    expect(reads).toBeGreaterThan(500);
    expect(kept).toBeGreaterThan(reads / 2);
  });

  it('equals a fresh one at every read (no Pack Leader, no Serpentine Rhythm)', () => {
    const { reads, kept } = check((t) =>
      t.filter((k) => k !== 'howl_of_the_pack_leader' && k !== 'serpentine_rhythm'),
    );
    expect(reads).toBeGreaterThan(500);
    expect(kept).toBeGreaterThan(reads / 2);
  });
});

interface KeptMain {
  mainUntil: number;
  mainTarget: number;
  mainCrit: number;
  mainCritDamage: number;
  petTargetMult(target: number): number;
  petCrit(): number;
  petCritDamage(): number;
  mainPetHit(source: number, target: number, amount: number): void;
}

/** Compares the kept main-target terms with fresh ones before every main-pet hit on the main target. */
function checkMain(talents: (defaults: string[]) => string[]): { reads: number; kept: number } {
  const { sim, m } = defaultSim<KeptMain>(talents);
  const hit = m.mainPetHit.bind(m);
  let reads = 0;
  let kept = 0;
  m.mainPetHit = (source, target, amount) => {
    if (target === 0) {
      reads++;
      if (sim.now < m.mainUntil) {
        kept++;
        expect(m.mainTarget).toBe(m.petTargetMult(0));
        expect(m.mainCrit).toBe(m.petCrit());
        expect(m.mainCritDamage).toBe(m.petCritDamage());
      }
    }
    hit(source, target, amount);
  };
  for (let k = 0; k < 5; k++) sim.runIteration(11, k);
  return { reads, kept };
}

describe("the main pet's kept main-target terms", () => {
  it('equal fresh ones at every main-target hit (default profile)', () => {
    const { reads, kept } = checkMain((t) => t);
    expect(reads).toBeGreaterThan(3000);
    expect(kept).toBeGreaterThan(reads / 2); // most hits read kept terms
  });

  it('equal fresh ones at every main-target hit (no Thrill of the Hunt, no Piercing Fangs)', () => {
    const { reads, kept } = checkMain((t) =>
      t.filter((k) => k !== 'thrill_of_the_hunt' && k !== 'piercing_fangs'),
    );
    expect(reads).toBeGreaterThan(3000);
    expect(kept).toBeGreaterThan(reads / 2);
  });
});
