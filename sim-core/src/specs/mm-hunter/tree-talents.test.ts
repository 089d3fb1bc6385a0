/**
 * Golden tests of the Marksmanship spec-tree talents outside SimulationCraft's default profile
 * (sc_hunter.cpp at 50d415071f; numbers from the 11.2.0.63003 spell data): each config isolates
 * the rule, the hand computation cites the spell, and each test fails without the talent.
 */
import { describe, expect, it } from 'vitest';
import { freshSim, mechanicConfig, runUntil } from '../../engine/test-support.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { MAX_TARGETS } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { MM_DATA } from './data.ts';
import type { MarksmanshipLogic } from './logic.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';

/** A Sim after one iteration, restarted at 0 without Bloodlust or Trueshot, for rules fired by hand. */
function fresh(talents: string[]): Sim {
  const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents }));
  sim.now = 0;
  sim.removeBuff(B('bloodlust'));
  sim.removeBuff(B('trueshot'));
  sim.removeBuff(B('precise_shots'));
  sim.updateHaste();
  return sim;
}

describe('Calling the Shots (260404)', () => {
  it('Trueshot’s cooldown is 120 − 30 = 90 s (#1, flat), 60 s with the Dark Ranger 2-piece’s −30 s too', () => {
    const cd = (talents: string[], setBonuses: string[] = []) => {
      const sim = freshSim(
        mechanicConfig('mm-hunter', ['black_arrow', ...talents], 'actions=trueshot', { setBonuses }),
      );
      return sim.cds.rechargeMs(A('trueshot'));
    };
    expect(cd([])).toBe(120_000); // 288613: cooldown 120 s
    expect(cd(['calling_the_shots'])).toBe(90_000);
    expect(cd(['calling_the_shots'], ['thewarwithin_season_3_2pc'])).toBe(60_000); // 1236370 #3
    expect(cd([], ['thewarwithin_season_3_2pc'])).toBe(90_000);
  });

  it('a Trueshot on cooldown is cast at 0, 90 and 180 s in 200 s (0 and 120 s without)', () => {
    const casts = (talents: string[]) =>
      run('actions=trueshot', { seconds: 200, talents, iterations: 2 }).abilities.trueshot!.casts;
    expect(casts(['calling_the_shots'])).toBe(2 * 3);
    expect(casts([])).toBe(2 * 2);
  });
});

describe('Deadeye (321460)', () => {
  it('Kill Shot and Black Arrow (category 1873) have 1 + 1 charges (#1) and recharge in 10 − 2 = 8 s (#2)', () => {
    for (const [talents, charges, ms] of [
      [[], 1, 10_000],
      [['deadeye'], 2, 8000],
    ] as const) {
      const sim = simAfterOneIteration(
        mmConfig('actions=steady_shot', { seconds: 10, talents: [...talents] }),
      );
      for (const a of [A('kill_shot'), A('black_arrow')]) {
        expect(sim.cds.maxCharges[a]).toBe(charges);
        expect(sim.cds.rechargeMs(a)).toBe(ms);
      }
    }
  });

  it('Kill Shot is cast twice once the target is below 20 % (both charges full), then every 8 s', () => {
    // a 20 s fight whose health runs out linearly: below 20 % from 16 s; both charges full by then
    const casts = (talents: string[]) =>
      run('actions=kill_shot', { seconds: 20, talents, iterations: 2 }).abilities.kill_shot?.casts ?? 0;
    // 16 s and 16 s (the second charge), then the recharge from 16 s: 24 s is past the end
    expect(casts(['deadeye'])).toBe(2 * 2);
    expect(casts([])).toBe(2 * 1);
  });
});

describe('Obsidian Arrowhead (471350)', () => {
  it('Auto Shot deals 25 % more (#2): AP × 3 / 6 × 1.25', () => {
    const auto = (talents: string[]) =>
      run('actions=steady_shot', { seconds: 32, talents, iterations: 50 }).abilities.auto_shot!;
    const on = auto(['obsidian_arrowhead']);
    expect(on.hits).toBe(50 * 11); // 0, 3, …, 30 s
    expect(on.damage).toBe(expected(on, ((AP * 3) / 6) * 1.25, true, 1));
    const off = auto([]);
    expect(off.damage).toBe(expected(off, (AP * 3) / 6, true, 1));
  });

  it('and crits 15 % more often (#1), within the error of 11 000 shots', () => {
    const rate = (talents: string[]) => {
      const a = run('actions=steady_shot', { seconds: 32, talents, iterations: 1000 }).abilities.auto_shot!;
      return { p: a.crits / a.hits, n: a.hits };
    };
    const on = rate(['obsidian_arrowhead']);
    const off = rate([]);
    const se = Math.sqrt((on.p * (1 - on.p)) / on.n + (off.p * (1 - off.p)) / off.n);
    expect(Math.abs(on.p - off.p - 0.15)).toBeLessThan(4 * se);
  });

  it('Bleak Arrows (467718, in its list) takes the 25 % too', () => {
    const bleak = (talents: string[]) =>
      run('actions=steady_shot', {
        seconds: 32,
        talents: ['black_arrow', 'bleak_arrows', ...talents],
        iterations: 20,
      }).abilities.bleak_arrows!;
    const on = bleak(['obsidian_arrowhead']);
    const off = bleak([]);
    // the same hits (no Deathblow: the same sequence); per normal hit 1.25 × (rounding aside)
    expect(on.hits).toBe(off.hits);
    const perHit = (s: typeof on) => s.damage / (s.hits + s.crits);
    expect(perHit(on) / perHit(off)).toBeCloseTo(1.25, 2);
  });
});

describe('Eagle’s Accuracy (473369)', () => {
  it('Aimed Shot and Rapid Fire deal 5 % more at rank 2 (#1 × the rank table’s 1), nothing at rank 1 (× 0)', () => {
    const dmg = (talents: string[]) => {
      const r = run('actions=aimed_shot\nactions+=/rapid_fire', { seconds: 10, talents, iterations: 20 });
      const hitValue = (key: string) => {
        const s = r.abilities[key]!;
        return s.damage / (s.hits + s.crits); // crits ×2: the same factor on both
      };
      return [hitValue('aimed_shot'), hitValue('rapid_fire')];
    };
    const off = dmg([]);
    const full = dmg(['eagles_accuracy']);
    const one = dmg(['eagles_accuracy:1']);
    for (let i = 0; i < 2; i++) {
      expect(full[i]! / off[i]!).toBeCloseTo(1.05, 3);
      expect(one[i]).toBe(off[i]);
    }
  });
});

describe('No Scope (473385)', () => {
  it('casting Rapid Fire grants a Precise Shots stack (SimC rapid_fire_t::execute); not without the talent', () => {
    for (const [talents, stacks] of [
      [['no_scope'], 1],
      [[], 0],
    ] as const) {
      const sim = fresh([...talents]);
      sim.logic.channelTick(A('rapid_fire'), 0, 0); // the cast's shot
      expect(sim.buffs.stack(B('precise_shots'), sim.now)).toBe(stacks);
      sim.logic.channelTick(A('rapid_fire'), 0, 1); // later shots grant none
      expect(sim.buffs.stack(B('precise_shots'), sim.now)).toBe(stacks);
    }
  });

  it('each Rapid Fire empowers one Arcane Shot: 0.8624 AP × 1.25 × (1 + 100 %), arcane', () => {
    const rotation = 'actions=arcane_shot,if=buff.precise_shots.up\nactions+=/rapid_fire';
    const r = run(rotation, { seconds: 30, talents: ['no_scope'], iterations: 20 });
    const arcane = r.abilities.arcane_shot!;
    expect(arcane.casts).toBe(r.abilities.rapid_fire!.casts); // 0, 20 s
    // 185358 #1; 137016 #11 (+25 %); 260242 #1 (+100 %, the talent's buff without Windrunner Quiver)
    expect(arcane.damage).toBe(expected(arcane, 0.8624 * AP * MULT * 1.25 * 2, false, 1));
    expect(run(rotation, { seconds: 30, iterations: 5 }).abilities.arcane_shot).toBeUndefined();
  });
});

describe('Target Acquisition (473379)', () => {
  const MARK = Sim.indexOf(MM_DATA.debuffs, 'spotters_mark');
  it('spending a mark takes 2 s off Aimed Shot (#1), at most once per 1.5 s (internal cooldown)', () => {
    for (const [talents, cut] of [
      [['eyes_in_the_sky', 'target_acquisition'], 2000],
      [['eyes_in_the_sky'], 0],
    ] as const) {
      const sim = fresh([...talents]);
      const spotter = (sim.logic as MarksmanshipLogic).spotter;
      const aimed = A('aimed_shot');
      sim.cds.use(aimed, 0);
      sim.cds.use(aimed, 0); // both charges spent: 12 s to the next
      const spend = () => {
        sim.applyDebuff(MARK, 0, 1, 0);
        spotter.consume(0);
        expect(sim.debuffs.up(MARK * MAX_TARGETS, sim.now)).toBe(false);
      };
      spend();
      expect(sim.cds.remainsMs(aimed, sim.now)).toBe(12_000 - cut);
      sim.now = 1499; // within the internal cooldown: no reduction
      spend();
      expect(sim.cds.remainsMs(aimed, sim.now)).toBe(12_000 - cut - 1499);
      sim.now = 1500;
      spend();
      expect(sim.cds.remainsMs(aimed, sim.now)).toBe(12_000 - 2 * cut - 1500);
      // no mark, no reduction
      sim.now = 4000;
      spotter.consume(0);
      expect(sim.cds.remainsMs(aimed, sim.now)).toBe(12_000 - 2 * cut - 4000);
    }
  });
});

type Hit = { src: number; target: number; amount: number; at: number };
/** A fresh two-target Sim whose hits are recorded (the amount before armor and crit). */
function spied(talents: string[], targets = 2): { sim: Sim; hits: Hit[] } {
  const sim = freshSim(
    mechanicConfig('mm-hunter', talents, 'actions=steady_shot', {
      targets,
      stats: { crit: 0, haste: 0, mastery: 0, versatility: 0 },
    }),
  );
  sim.removeBuff(B('bloodlust'));
  sim.updateHaste();
  const hits: Hit[] = [];
  const hit = sim.hit.bind(sim);
  sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
    hits.push({ src, target, amount, at: sim.now });
    return hit(src, target, amount, phys, critBonus, critDamage);
  };
  return { sim, hits };
}
const src = (key: string) => Sim.indexOf(MM_DATA.sources, key);

describe('Aspect of the Hydra (470945)', () => {
  it('Arcane Shot also hits the second target for 60 % (#1), Precise Shots included; none with one target', () => {
    const { sim, hits } = spied(['aspect_of_the_hydra', 'precise_shots']);
    sim.applyBuff(B('precise_shots'), 1, 0);
    sim.logic.execute(A('arcane_shot'), 0);
    const arcane = hits.filter((h) => h.src === src('arcane_shot'));
    expect(arcane.map((h) => h.target)).toEqual([0, 1]);
    expect(arcane[1]!.amount).toBe(arcane[0]!.amount * 0.6);
    // the main hit had Precise Shots' +100 % (260242 #1): so has the copy
    expect(arcane[0]!.amount).toBeCloseTo(
      0.8624 * sim.ap * 1.25 * 2 * (sim.logic as MarksmanshipLogic).mult(),
      6,
    );
    for (const [talents, targets] of [
      [[], 2],
      [['aspect_of_the_hydra'], 1],
    ] as const) {
      const other = spied([...talents], targets);
      other.sim.logic.execute(A('arcane_shot'), 0);
      expect(other.hits.filter((h) => h.src === src('arcane_shot')).map((h) => h.target)).toEqual([0]);
    }
  });

  it('each Rapid Fire shot has a copy: 60 %, a Bulletstorm stack and 2 focus each (the shot’s energize)', () => {
    for (const [talents, perShot] of [
      [['aspect_of_the_hydra', 'bulletstorm'], 2],
      [['bulletstorm'], 1],
    ] as const) {
      const { sim, hits } = spied([...talents]);
      sim.spendFocus(sim.focus()); // empty, and no regeneration: the time stays at 0
      for (let tick = 0; tick < 7; tick++) sim.logic.channelTick(A('rapid_fire'), 0, tick);
      const rapid = hits.filter((h) => h.src === src('rapid_fire'));
      expect(rapid.length).toBe(7 * perShot);
      if (perShot === 2)
        for (let i = 0; i < 7; i++) {
          expect([rapid[2 * i]!.target, rapid[2 * i + 1]!.target]).toEqual([0, 1]);
          expect(rapid[2 * i + 1]!.amount).toBe(rapid[2 * i]!.amount * 0.6);
        }
      expect(sim.buffs.stack(B('bulletstorm'), sim.now)).toBe(7 * perShot); // 389020: 15 max
      expect(sim.focus()).toBe(7 * 2 * perShot); // 263585 #1
    }
  });

  it('Aimed Shot’s copy comes 10 ms later on the second target: 60 %, its own target’s mark, no Moving Target the cast spent', () => {
    const { sim, hits } = spied(['aspect_of_the_hydra', 'eyes_in_the_sky', 'moving_target']);
    const MARK = Sim.indexOf(MM_DATA.debuffs, 'spotters_mark');
    sim.applyDebuff(MARK, 1, 1, 0); // the second target is marked, the primary not
    sim.applyBuff(B('moving_target'), 1, 0);
    sim.logic.execute(A('aimed_shot'), 0);
    const aimed = () => hits.filter((h) => h.src === src('aimed_shot'));
    expect(aimed().map((h) => [h.target, h.at])).toEqual([[0, 0]]);
    runUntil(sim, 10);
    const [cast, copy] = aimed();
    expect([copy!.target, copy!.at]).toEqual([1, 10]);
    // the cast: Moving Target +8 % (474293 #1), no mark; the copy: no Moving Target, the mark's +20 % (466872 #1)
    expect(copy!.amount).toBeCloseTo((cast!.amount / 1.08) * 1.2 * 0.6, 6);
    expect(sim.debuffs.up(MARK * MAX_TARGETS + 1, sim.now)).toBe(false); // the copy's hit spent it
  });

  it('Aimed Shot’s copy spends a Lock and Load that is up for nothing, with Magnetic Gunpowder’s −8 s (473522 #2)', () => {
    for (const [talents, spent] of [
      [['aspect_of_the_hydra'], true],
      [[], false],
    ] as const) {
      const { sim } = spied([...talents, 'lock_and_load', 'magnetic_gunpowder', 'explosive_shot']);
      sim.cds.use(A('explosive_shot'), 0); // 30 s (212431)
      sim.logic.castStarted(A('aimed_shot')); // a hard cast: a Lock and Load proc during it is kept
      sim.applyBuff(B('lock_and_load'), 1, 0);
      sim.logic.execute(A('aimed_shot'), 0);
      expect(sim.buffs.up(B('lock_and_load'), sim.now)).toBe(true);
      runUntil(sim, 10);
      expect(sim.buffs.up(B('lock_and_load'), sim.now)).toBe(!spent);
      expect(sim.cds.remainsMs(A('explosive_shot'), sim.now)).toBe(30_000 - 10 - (spent ? 8000 : 0));
    }
  });

  it('with one target or without the talent there is no copy', () => {
    for (const [talents, targets] of [
      [[], 2],
      [['aspect_of_the_hydra'], 1],
    ] as const) {
      const { sim, hits } = spied([...talents], targets);
      sim.logic.execute(A('aimed_shot'), 0);
      runUntil(sim, 100);
      expect(hits.filter((h) => h.src === src('aimed_shot')).length).toBe(1);
    }
  });
});

describe("Ohn'ahran Winds (1215021, 1215057)", () => {
  const MARK = Sim.indexOf(MM_DATA.debuffs, 'spotters_mark') * MAX_TARGETS;
  const WINDS = Sim.indexOf(MM_DATA.debuffs, 'ohnahran_winds') * MAX_TARGETS;

  it('a Spotter’s Mark also marks the first other enemy (#1: 1 more, #2: 100 %); not without the talent or with one target', () => {
    for (const [talents, targets, winds] of [
      [['ohnahran_winds'], 2, true],
      [[], 2, false],
      [['ohnahran_winds'], 1, false],
    ] as const) {
      const { sim } = spied(['eyes_in_the_sky', 'feathered_frenzy', ...talents], targets);
      sim.logic.execute(A('trueshot'), 0); // Feathered Frenzy's forced mark
      expect(sim.debuffs.up(MARK, sim.now)).toBe(true);
      expect(sim.debuffs.up(WINDS + 1, sim.now)).toBe(winds);
      expect(sim.debuffs.up(WINDS, sim.now)).toBe(false); // never on the marked target itself
    }
    // a mark on the second target winds the first
    const { sim } = spied(['eyes_in_the_sky', 'feathered_frenzy', 'ohnahran_winds']);
    sim.logic.execute(A('trueshot'), 1);
    expect([sim.debuffs.up(MARK + 1, sim.now), sim.debuffs.up(WINDS, sim.now)]).toEqual([true, true]);
  });

  it('Aimed Shot deals +20 % (#1) to a target with it, +40 % with Avian Specialization, both marks multiplying; its hit spends both', () => {
    for (const [talents, bonus] of [
      [['ohnahran_winds'], 1.2],
      [['ohnahran_winds', 'avian_specialization'], 1.4],
    ] as const) {
      const { sim, hits } = spied(['eyes_in_the_sky', ...talents]);
      const aimed = () => hits.filter((h) => h.src === src('aimed_shot')).at(-1)!.amount;
      sim.logic.execute(A('aimed_shot'), 1);
      const plain = aimed();
      sim.applyDebuff(Sim.indexOf(MM_DATA.debuffs, 'ohnahran_winds'), 1, 1, 0);
      sim.logic.execute(A('aimed_shot'), 1);
      expect(aimed()).toBeCloseTo(plain * bonus, 6);
      expect(sim.debuffs.up(WINDS + 1, sim.now)).toBe(false);
      sim.applyDebuff(Sim.indexOf(MM_DATA.debuffs, 'ohnahran_winds'), 1, 1, 0);
      sim.applyDebuff(Sim.indexOf(MM_DATA.debuffs, 'spotters_mark'), 1, 1, 0);
      sim.logic.execute(A('aimed_shot'), 1);
      expect(aimed()).toBeCloseTo(plain * bonus * bonus, 6); // 466872 #1 and 1215057 #1, same value
      expect([sim.debuffs.up(MARK + 1, sim.now), sim.debuffs.up(WINDS + 1, sim.now)]).toEqual([false, false]);
    }
  });

  it('spending it counts as spending a mark: On Target and Target Acquisition', () => {
    const { sim } = spied(['eyes_in_the_sky', 'ohnahran_winds', 'on_target', 'target_acquisition']);
    const spotter = (sim.logic as MarksmanshipLogic).spotter;
    sim.cds.use(A('aimed_shot'), 0);
    sim.cds.use(A('aimed_shot'), 0);
    sim.applyDebuff(Sim.indexOf(MM_DATA.debuffs, 'ohnahran_winds'), 1, 1, 0);
    const haste = spotter.hasteFactor();
    spotter.consume(1);
    expect(spotter.hasteFactor()).toBeCloseTo(haste * 1.04, 9); // 474257 #1
    // 473379 #1 after On Target's haste rescaled the running (hasted) recharge: 12 s / 1.04 − 2 s
    expect(
      Math.abs(sim.cds.remainsMs(A('aimed_shot'), sim.now) - (12_000 / 1.04 - 2000)),
    ).toBeLessThanOrEqual(1);
  });
});

describe('a pasted MM talent string', () => {
  /** The nodes (talents/hunter-tree.ts) and the keys they map to by spell id. */
  const NODES = [
    { nodeId: 103958, spellId: 260404, key: 'calling_the_shots' },
    { nodeId: 103959, spellId: 471350, key: 'obsidian_arrowhead' },
    { nodeId: 103972, spellId: 321460, key: 'deadeye' },
    { nodeId: 103973, spellId: 473369, key: 'eagles_accuracy' },
    { nodeId: 103955, spellId: 473385, key: 'no_scope' },
    { nodeId: 103968, spellId: 473379, key: 'target_acquisition' },
    { nodeId: 103957, spellId: 470945, key: 'aspect_of_the_hydra' },
    { nodeId: 103979, spellId: 1215021, key: 'ohnahran_winds' },
  ];
  it('lists these talents as modelled, none as not modelled yet', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 254, talents: NODES.map(({ nodeId, spellId }) => ({ nodeId, spellId })) }),
    );
    expect(r.modelled.map((t) => t.key).sort()).toEqual(NODES.map((n) => n.key).sort());
    expect(r.ignored.filter((t) => NODES.some((n) => n.spellId === t.spellId))).toEqual([]);
  });

  it('keeps Eagle’s Accuracy’s rank: 1 of 2 is `eagles_accuracy:1`', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 254, talents: [{ nodeId: 103973, spellId: 473369, rank: 1 }] }),
    );
    expect(r.modelled.map((t) => t.key)).toEqual(['eagles_accuracy:1']);
  });
});
