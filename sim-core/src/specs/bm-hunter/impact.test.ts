/**
 * Golden tests of what a Beast Mastery shot does when it lands (./impact.ts), as SimC's `impact`
 * has it (sc_hunter.cpp: `action_t::impact` starting Barbed Shot's bleed, a
 * `tick_zero` dot; `auto_shot_base_t::impact` for Wild Call; `kill_shot_t::impact` for No Mercy),
 * and of what stays when the shot is fired (`barbed_shot_t::execute`: Thrill of the Hunt, Frenzy,
 * focus). The shots travel 40 yards (SimC's default distance) at their missile speeds
 * (../projectiles.ts): Barbed Shot 80 yd/s = 500 ms, Auto Shot 60 yd/s = 667 ms, Kill Shot 80 yd/s
 * = 500 ms. Each check would fail if the effect came when the shot is fired.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, Sim } from '../../engine/sim.ts';
import { fire, runUntil } from '../../engine/test-support.ts';
import { expectRate } from '../expect-rate.ts';
import { BM, BM_DATA } from './data.ts';
import { bmSim, hits, run } from './test-support.ts';

const TRAVEL = { barbed: 500, auto: 667, killShot: 500 };
const A = (key: string) => Sim.indexOf(BM_DATA.actions, key);
const B = (key: string) => Sim.indexOf(BM_DATA.buffs, key);
const P = (key: string) => Sim.indexOf(BM_DATA.petBuffs, key);
const src = (key: string) => Sim.indexOf(BM_DATA.sources, key);
const NOTHING = 'actions=bestial_wrath,if=time>100';

/** A travelling BM sim after one iteration, restarted at 0 ms with an empty queue. */
function fresh(talents: string[]): Sim {
  const sim = bmSim({ talents, rotation: NOTHING, seconds: 10, distanceYards: 40 });
  run(sim, 1);
  sim.now = 0;
  sim.logic.start(); // the spec's per-iteration state (No Mercy's internal cooldown) from 0
  sim.q.clear(); // without the pets' swings and basic attacks
  return sim;
}

describe('Barbed Shot (217200): the bleed starts when the shot lands', () => {
  it('cast at 0 s, it lands at 0.5 s: the bleed ticks then and every 2 s to 8.5 s (10 s fight); Thrill of the Hunt comes at the cast', () => {
    const sim = bmSim({
      talents: ['thrill_of_the_hunt'],
      rotation: 'actions=barbed_shot,if=time<1',
      seconds: 10,
      distanceYards: 40,
    });
    const bs = src('barbed_shot');
    const ticks: number[] = [];
    const bleeds: number[] = [];
    const thrills: number[] = [];
    const hit = sim.hit.bind(sim);
    sim.hit = (s, target, amount, phys, critBonus, critDamage) => {
      if (s === bs) ticks.push(sim.now);
      return hit(s, target, amount, phys, critBonus, critDamage);
    };
    const applyDot = sim.applyDot.bind(sim);
    sim.applyDot = (dot, target, tick) => {
      bleeds.push(sim.now);
      applyDot(dot, target, tick);
    };
    const applyBuff = sim.applyBuff.bind(sim);
    sim.applyBuff = (buff, stacks, ms) => {
      if (buff === B('thrill_of_the_hunt')) thrills.push(sim.now);
      applyBuff(buff, stacks, ms);
    };
    sim.runIteration(1, 0);
    expect(bleeds).toEqual([TRAVEL.barbed]);
    expect(ticks).toEqual([500, 2500, 4500, 6500, 8500]);
    expect(thrills).toEqual([0]);
    expect(sim.srcHits[bs]).toBe(5);
  });

  it("nothing of the bleed when fired, Thrill and Frenzy at once; the bleed's first tick has this cast's Thrill", () => {
    // Crit chance 1.001 − 2 %: the tick crits always with one Thrill stack (257946 #1), 98.1 % without.
    const sim = fresh(['thrill_of_the_hunt']);
    sim.critChance = 1.001 - BM.thrillCritPerStack;
    const bs = src('barbed_shot');
    const slot = Sim.indexOf(BM_DATA.dots, 'barbed_shot') * MAX_TARGETS;
    const n = 400;
    for (let i = 0; i < n; i++) {
      sim.dots.remove(slot, sim.now);
      sim.removeBuff(B('thrill_of_the_hunt'));
      const t0 = sim.now;
      fire(sim, A('barbed_shot'));
      expect(sim.dots.up(slot, sim.now)).toBe(false);
      expect(sim.srcHits[bs]).toBe(i);
      expect(sim.buffs.stack(B('thrill_of_the_hunt'), sim.now)).toBe(1);
      expect(sim.petBuffs.up(P('frenzy'), sim.now)).toBe(true);
      runUntil(sim, t0 + TRAVEL.barbed);
      expect(sim.dots.up(slot, sim.now)).toBe(true);
      expect(sim.srcHits[bs]).toBe(i + 1);
    }
    expect(sim.srcCrits[bs]).toBe(n);
  });
});

describe('Wild Call (185789): an Auto Shot crit gives a Barbed Shot charge when it lands', () => {
  it('20 % of crits give the charge 667 ms after the shot, none when fired', () => {
    const sim = fresh(['wild_call']);
    sim.critChance = 1; // every Auto Shot crits
    const bs = A('barbed_shot');
    let atFire = 0;
    let atImpact = 0;
    const n = 3000;
    const before = hits(sim, 'auto_shot'); // the warm-up iteration's
    for (let i = 0; i < n; i++) {
      sim.cds.reset();
      sim.cds.use(bs, sim.now);
      sim.cds.use(bs, sim.now); // no charge, the next one 18 s away
      const t0 = sim.now;
      sim.travelOn = 1;
      sim.logic.autoShot();
      sim.travelOn = 0;
      atFire += sim.cds.chargesAt(bs, sim.now);
      runUntil(sim, t0 + TRAVEL.auto);
      atImpact += sim.cds.chargesAt(bs, sim.now);
    }
    expect(hits(sim, 'auto_shot') - before).toBe(n);
    expect(atFire).toBe(0);
    expectRate(atImpact, n, BM.wildCallChance);
  });
});

describe('No Mercy (472660): the free Claw when Kill Shot lands', () => {
  it('none when Kill Shot is fired; the Claw with its hit, 500 ms later', () => {
    const sim = fresh(['howl_of_the_pack_leader', 'no_mercy']);
    fire(sim, A('kill_shot'));
    expect(hits(sim, 'kill_shot')).toBe(0);
    expect(hits(sim, 'claw_no_mercy')).toBe(0);
    runUntil(sim, TRAVEL.killShot - 1);
    expect(hits(sim, 'claw_no_mercy')).toBe(0);
    runUntil(sim, TRAVEL.killShot);
    expect(hits(sim, 'kill_shot')).toBe(1);
    expect(hits(sim, 'claw_no_mercy')).toBe(1);
  });
});
