/**
 * Golden tests of the Marksmanship area talents (Small Game Hunter, Light Ammo, Volley, Kill Zone,
 * Salvo, Bullet Hell, Double Tap): a config isolating the talent, the engine's figure against a
 * hand computation from the cited spell data (same method as ./shot-talents.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { EXPLOSIVE_SHOT_NUMBERS } from '../common.ts';
import { CLASS_TREE } from '../class-tree.ts';
import { aoeScale, PHYSICAL_MULTIPLIER } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { freshSim, runUntil } from '../../engine/test-support.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, mmConfig, MULT } from './test-support.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';

const src = (key: string) => Sim.indexOf(MM_DATA.sources, key);

/** A fresh Sim (0 ms, empty queue, no auras) at `targets` targets, full focus, no crits. */
function fresh(talents: string[], targets = 1): Sim {
  const sim = freshSim(parseConfig(mmConfig('actions=steady_shot', { seconds: 60, talents, targets })));
  sim.updateHaste();
  sim.gainFocus(100);
  sim.critChance = -1; // no crits: each hit is its amount exactly
  return sim;
}

/** What one hit of `amount` deals with no crit (armor for a physical one). */
const hit = (amount: number, physical: boolean) => Math.round(amount * (physical ? PHYSICAL_MULTIPLIER : 1));

/** The damage and hits a source gains over `f`. */
function measure(sim: Sim, key: string, f: () => void) {
  const s = src(key);
  const [d0, h0] = [sim.srcDamage[s]!, sim.srcHits[s]!];
  f();
  return { damage: sim.srcDamage[s]! - d0, hits: sim.srcHits[s]! - h0 };
}

describe('Small Game Hunter (459802)', () => {
  it('Multi-Shot deals 75 % more (#1) on each target, before the soft cap', () => {
    for (const talents of [[], ['small_game_hunter']]) {
      const sim = fresh(talents, 7);
      const m = measure(sim, 'multishot', () => sim.logic.execute(A('multishot'), 0));
      expect(m.hits).toBe(7);
      const talent = talents.length ? 1 + MM.smallGameHunterMultiShot : 1;
      const per = MM.multiShotAp * AP * MULT * talent * aoeScale(7, MM.multiShotAoeCap);
      expect(m.damage).toBe(7 * hit(per, true));
    }
  });

  it('Explosive Shot’s explosion deals 15 % more (#2)', () => {
    for (const talents of [['explosive_shot'], ['explosive_shot', 'small_game_hunter']]) {
      const sim = fresh(talents);
      const m = measure(sim, 'explosive_shot', () => {
        sim.logic.execute(A('explosive_shot'), 0);
        runUntil(sim, 3000);
      });
      expect(m.hits).toBe(1);
      const talent = talents.length > 1 ? 1 + MM.smallGameHunterExplosive : 1;
      expect(m.damage).toBe(
        hit(EXPLOSIVE_SHOT_NUMBERS.ap * AP * MULT * (1 + MM.specAuraExplosiveShot) * talent, false),
      );
    }
  });
});

describe('Light Ammo (378913): Trick Shots ricochets to 7 other targets instead of 5 (#1, #2)', () => {
  it('Aimed Shot and Rapid Fire shots on 10 targets', () => {
    for (const light of [false, true]) {
      const sim = fresh(light ? ['trick_shots', 'light_ammo'] : ['trick_shots'], 10);
      sim.applyBuff(B('trick_shots'), 1, 0);
      const aimed = measure(sim, 'trick_shots', () => sim.logic.execute(A('aimed_shot'), 0));
      expect(aimed.hits).toBe(light ? 7 : 5);
      expect(aimed.damage).toBe(aimed.hits * hit(MM.aimedShotAp * AP * MULT * MM.trickShotsShare, true));
      sim.applyBuff(B('trick_shots'), 1, 0);
      const rapid = measure(sim, 'trick_shots', () => sim.logic.channelTick(A('rapid_fire'), 0, 0));
      expect(rapid.hits).toBe(light ? 7 : 5);
    }
  });
});

const debuff = (key: string) => Sim.indexOf(MM_DATA.debuffs, key);
/** Volley's hit before armor: 260247 #1 (0.75 AP) × the spec aura and mastery. */
const VOLLEY = MM.volleyAp * AP * MULT;

describe('Volley (260243, 260247)', () => {
  it('12 pulses every 0.5 s from 0.5 s to 6 s, 0.75 AP physical on every enemy (no soft cap)', () => {
    const sim = fresh(['volley'], 7);
    sim.logic.execute(A('volley'), 0);
    const times: number[] = [];
    const hitFn = sim.hit.bind(sim);
    sim.hit = (s, t, amount, phys, cb, cd) => {
      if (s === src('volley') && t === 0) times.push(sim.now);
      return hitFn(s, t, amount, phys, cb, cd);
    };
    const m = measure(sim, 'volley', () => runUntil(sim, 10_000));
    expect(times).toEqual(Array.from({ length: 12 }, (_, k) => 500 * (k + 1)));
    expect(m.hits).toBe(12 * 7);
    expect(m.damage).toBe(12 * 7 * hit(VOLLEY, true));
  });

  it('its Trick Shots last 6 s and are not spent by Aimed Shot or Rapid Fire while it is up', () => {
    const sim = fresh(['volley', 'trick_shots'], 3);
    sim.logic.execute(A('volley'), 0);
    expect(sim.buffs.remainsMs(B('trick_shots'), sim.now)).toBe(MM.volleyMs);
    const aimed = measure(sim, 'trick_shots', () => sim.logic.execute(A('aimed_shot'), 0));
    expect(aimed.hits).toBe(2);
    expect(sim.buffs.up(B('trick_shots'), sim.now)).toBe(true);
    const rapid = measure(sim, 'trick_shots', () => {
      for (let k = 0; k < 7; k++) sim.logic.channelTick(A('rapid_fire'), 0, k);
    });
    expect(rapid.hits).toBe(7 * 2);
    expect(sim.buffs.up(B('trick_shots'), sim.now)).toBe(true);
    runUntil(sim, MM.volleyMs);
    expect(sim.buffs.up(B('trick_shots'), sim.now)).toBe(false);
    // without Volley up, Aimed Shot spends a Multi-Shot's Trick Shots as before
    sim.applyBuff(B('trick_shots'), 1, 0);
    sim.logic.execute(A('aimed_shot'), 0);
    expect(sim.buffs.up(B('trick_shots'), sim.now)).toBe(false);
  });
});

describe('Kill Zone (459921, 393480 #2)', () => {
  it('a target hit by the Volley takes 8 % more from the hunter until it ends; the first pulse is before it', () => {
    for (const kz of [false, true]) {
      const sim = fresh(kz ? ['volley', 'kill_zone'] : ['volley'], 2);
      sim.logic.execute(A('volley'), 0);
      const first = measure(sim, 'volley', () => runUntil(sim, 500));
      expect(first.damage).toBe(2 * hit(VOLLEY, true));
      const bonus = kz ? 1 + MM.killZoneTaken : 1;
      const second = measure(sim, 'volley', () => runUntil(sim, 1000));
      expect(second.damage).toBe(2 * hit(VOLLEY * bonus, true));
      const steady = measure(sim, 'steady_shot', () => sim.logic.execute(A('steady_shot'), 1));
      expect(steady.damage).toBe(hit(MM.steadyShotAp * AP * MULT * bonus, true));
      expect(sim.debuffs.up(debuff('kill_zone') * 20 + 1, sim.now)).toBe(kz);
      runUntil(sim, MM.volleyMs);
      expect(sim.debuffs.up(debuff('kill_zone') * 20 + 1, sim.now)).toBe(false);
      const after = measure(sim, 'steady_shot', () => sim.logic.execute(A('steady_shot'), 1));
      expect(after.damage).toBe(hit(MM.steadyShotAp * AP * MULT, true));
    }
  });
});

describe('Salvo (400456 #1)', () => {
  it('the first pulse applies Explosive Shot to 2 of the targets it hits (the primary first); no other pulse does', () => {
    for (const salvo of [false, true]) {
      const talents = ['volley', 'explosive_shot', ...(salvo ? ['salvo'] : [])];
      const sim = fresh(talents, 4);
      const landed: number[] = [];
      const hitFn = sim.hit.bind(sim);
      sim.hit = (s, t, amount, phys, cb, cd) => {
        if (s === src('explosive_shot')) landed.push(sim.now);
        return hitFn(s, t, amount, phys, cb, cd);
      };
      sim.logic.execute(A('volley'), 2);
      runUntil(sim, 500);
      const dotted = [0, 1, 2, 3].filter((t) =>
        sim.dots.up(Sim.indexOf(MM_DATA.dots, 'explosive_shot') * 20 + t, sim.now),
      );
      expect(dotted).toEqual(salvo ? [0, 2] : []);
      runUntil(sim, 10_000);
      // each of the 2 explodes 3 s later on every enemy: 2 × 4 hits at 3.5 s
      expect(landed).toEqual(salvo ? Array(8).fill(3500) : []);
    }
  });
});

describe('Bullet Hell (473378 #1)', () => {
  it('each Multi-Shot hit and each Volley hit takes 0.3 s off Rapid Fire; each Aimed Shot hit 0.3 s off Volley', () => {
    const sim = fresh(['volley', 'bullet_hell', 'trick_shots'], 3);
    const rf = A('rapid_fire');
    sim.cds.use(rf, sim.now);
    sim.logic.execute(A('multishot'), 0);
    expect(sim.cds.remainsMs(rf, sim.now)).toBe(20_000 - 3 * MM.bulletHellRapidFireMs);
    sim.logic.execute(A('volley'), 0);
    sim.cds.use(A('volley'), sim.now);
    runUntil(sim, 500);
    expect(sim.cds.remainsMs(rf, sim.now)).toBe(20_000 - 500 - 6 * MM.bulletHellRapidFireMs);
    sim.logic.execute(A('aimed_shot'), 0); // with Volley's Trick Shots: 3 hits
    expect(sim.cds.remainsMs(A('volley'), sim.now)).toBe(45_000 - 500 - 3 * MM.bulletHellVolleyMs);
  });

  it('without the talent nothing is taken off', () => {
    const sim = fresh(['volley', 'trick_shots'], 3);
    const rf = A('rapid_fire');
    sim.cds.use(rf, sim.now);
    sim.logic.execute(A('multishot'), 0);
    expect(sim.cds.remainsMs(rf, sim.now)).toBe(20_000);
  });
});

describe('Double Tap (473370, 260402)', () => {
  it('Trueshot and Volley grant it (15 s); without the talent neither does', () => {
    for (const on of [false, true]) {
      const sim = fresh(on ? ['volley', 'double_tap'] : ['volley']);
      sim.logic.execute(A('trueshot'), 0);
      expect(sim.buffs.remainsMs(B('double_tap'), sim.now)).toBe(on ? 15_000 : 0);
      sim.removeBuff(B('double_tap'));
      sim.logic.execute(A('volley'), 0);
      expect(sim.buffs.up(B('double_tap'), sim.now)).toBe(on);
    }
  });

  it('the next Aimed Shot fires again at the same target 10 ms later at 80 % (473370 #3) and spends it', () => {
    const sim = fresh(['double_tap']);
    sim.applyBuff(B('double_tap'), 1, 0);
    sim.applyBuff(B('lock_and_load'), 1, 0);
    sim.logic.execute(A('aimed_shot'), 0); // instant with Lock and Load, which it spends
    sim.applyBuff(B('lock_and_load'), 1, 0); // a proc before the second shot: spent by it for nothing
    expect(sim.buffs.up(B('double_tap'), sim.now)).toBe(false);
    const precise = sim.buffs.stack(B('precise_shots'), sim.now);
    const second = measure(sim, 'aimed_shot_double_tap', () => runUntil(sim, 9));
    expect(second.hits).toBe(0);
    const landed = measure(sim, 'aimed_shot_double_tap', () => runUntil(sim, 10));
    expect(landed.hits).toBe(1);
    expect(landed.damage).toBe(hit(MM.aimedShotAp * AP * MULT * MM.doubleTapAimed, true));
    expect(sim.buffs.stack(B('precise_shots'), sim.now)).toBe(precise); // no Precise Shots of its own
    expect(sim.buffs.up(B('lock_and_load'), sim.now)).toBe(false);
    // the next Aimed Shot fires once
    sim.logic.execute(A('aimed_shot'), 0);
    const none = measure(sim, 'aimed_shot_double_tap', () => runUntil(sim, 1000));
    expect(none.hits).toBe(0);
  });

  it('with Volley’s Trick Shots the second shot ricochets too, unspent', () => {
    const sim = fresh(['double_tap', 'volley', 'trick_shots'], 3);
    sim.logic.execute(A('volley'), 0);
    const m = measure(sim, 'trick_shots', () => {
      sim.logic.execute(A('aimed_shot'), 0);
      runUntil(sim, 10);
    });
    expect(m.hits).toBe(4); // 2 of the cast, 2 of the second shot
    expect(m.damage).toBe(
      2 * hit(MM.aimedShotAp * AP * MULT * MM.trickShotsShare, true) +
        2 * hit(MM.aimedShotAp * AP * MULT * MM.doubleTapAimed * MM.trickShotsShare, true),
    );
  });

  it('the next Rapid Fire: 1 + ceil(6 × 1.8) = 12 shots over 10.8 tick times of 60 % (260402 #1, #3); 18 with Ammo Conservation', () => {
    for (const ammo of [false, true]) {
      const sim = fresh(ammo ? ['double_tap', 'ammo_conservation'] : ['double_tap']);
      const rf = A('rapid_fire');
      const logic = sim.logic as unknown as { channelTicks(a: number): number; channelMs(a: number): number };
      expect(logic.channelTicks(rf)).toBe(ammo ? 10 : 7);
      sim.applyBuff(B('double_tap'), 1, 0);
      expect(logic.channelTicks(rf)).toBe(ammo ? 18 : 12);
      // 10.8 × 333 × 0.6 = 2157.8 ms; 16.2 × 1978 / 9 × 0.6 = 2136.2 ms (Ammo Conservation's tick time)
      expect(logic.channelMs(rf)).toBe(ammo ? 2136 : 2158);
      const n = logic.channelTicks(rf);
      const shots = measure(sim, 'rapid_fire', () => {
        for (let k = 0; k < n; k++) sim.logic.channelTick(rf, 0, k);
      });
      expect(shots.hits).toBe(n);
      expect(sim.buffs.up(B('double_tap'), sim.now)).toBe(false); // spent by the last shot
      expect(logic.channelTicks(rf)).toBe(ammo ? 10 : 7);
    }
  });
});

describe('with Aspect of the Hydra (470945)', () => {
  it('Light Ammo raises the copies’ share from 60 % to 75 % (378913 #3, added to #1)', () => {
    for (const light of [false, true]) {
      const sim = fresh(light ? ['aspect_of_the_hydra', 'light_ammo'] : ['aspect_of_the_hydra'], 2);
      const share = MM.hydraShare + (light ? MM.lightAmmoHydra : 0);
      const hits: number[] = [];
      const hitFn = sim.hit.bind(sim);
      sim.hit = (s, t, amount, phys, cb, cd) => {
        if (s === src('arcane_shot')) hits.push(amount);
        return hitFn(s, t, amount, phys, cb, cd);
      };
      sim.logic.execute(A('arcane_shot'), 0);
      expect(hits.length).toBe(2);
      expect(hits[1]! / hits[0]!).toBeCloseTo(share, 10);
    }
  });

  it('Double Tap’s Aimed Shot brings a second Hydra copy with it (aimed_shot_t::execute)', () => {
    for (const dt of [false, true]) {
      const sim = fresh(['aspect_of_the_hydra', 'double_tap'], 2);
      if (dt) sim.applyBuff(B('double_tap'), 1, 0);
      const onSecond = measure(sim, 'aimed_shot', () => {
        sim.logic.execute(A('aimed_shot'), 0);
        runUntil(sim, 10);
      });
      // the cast on target 0, then 10 ms later one Hydra copy on target 1 (two with Double Tap)
      expect(onSecond.hits).toBe(dt ? 3 : 2);
    }
  });
});

describe('a pasted talent string with these talents', () => {
  /** [tree node, the option's spell id, our key] (src/talents/hunter-tree.ts). */
  const NODES: Array<[number, number, string]> = [
    [103978, 459802, 'small_game_hunter'],
    [107288, 378913, 'light_ammo'],
    [103956, 260243, 'volley'],
    [103960, 459921, 'kill_zone'],
    [104095, 473378, 'bullet_hell'],
    [103953, 473370, 'double_tap'],
  ];
  it('lists each as modelled, none as not modelled', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 254, talents: NODES.map(([nodeId, spellId]) => ({ nodeId, spellId })) }),
    );
    expect(r.modelled.map((t) => t.key).sort()).toEqual(NODES.map((n) => n[2]).sort());
    expect(r.ignored).toEqual([]);
  });
  it('Salvo, the other option of Kill Zone’s node', () => {
    const r = talentsFromLoadout(
      encodeLoadout({ specId: 254, talents: [{ nodeId: 103960, spellId: 400456 }] }),
    );
    expect(r.modelled.map((t) => t.key)).toEqual(['salvo']);
    expect(r.ignored).toEqual([]);
  });
});

describe('Volley with Unnatural Causes (459529 #1 lists 260247)', () => {
  it('each pulse deals 10 % more on a target above 20 % health', () => {
    const sim = fresh(['volley', 'unnatural_causes'], 2);
    sim.logic.execute(A('volley'), 0);
    const m = measure(sim, 'volley', () => runUntil(sim, 10_000));
    expect(m.hits).toBe(12 * 2);
    expect(m.damage).toBe(12 * 2 * hit(VOLLEY * (1 + CLASS_TREE.unnaturalCauses), true));
  });
});

/** `fresh` with the shots travelling 40 yards (SimC's default distance). */
function travelling(talents: string[], targets = 1): Sim {
  const c = mmConfig('actions=steady_shot', { seconds: 60, talents, targets });
  c.timing = { ...c.timing!, distanceYards: 40 };
  const sim = freshSim(parseConfig(c));
  sim.updateHaste();
  sim.gainFocus(100);
  sim.critChance = -1;
  return sim;
}

describe('shots fired later by a cast travel like the cast’s (SimC execute_on_target)', () => {
  it('Salvo: the first pulse’s Explosive Shots fly 120 yd/s (333 ms at 40 yd) before their dot starts', () => {
    const sim = travelling(['volley', 'explosive_shot', 'salvo'], 2);
    const dot = (t: number) => sim.dots.up(Sim.indexOf(MM_DATA.dots, 'explosive_shot') * 20 + t, sim.now);
    sim.logic.execute(A('volley'), 0);
    runUntil(sim, 500 + 332);
    expect([dot(0), dot(1)]).toEqual([false, false]);
    runUntil(sim, 500 + 333);
    expect([dot(0), dot(1)]).toEqual([true, true]);
  });

  it('Double Tap: its second Aimed Shot lands 400 ms after it is fired (100 yd/s), 10 ms after the cast’s', () => {
    const sim = travelling(['double_tap']);
    sim.applyBuff(B('double_tap'), 1, 0);
    const hits = () => [sim.srcHits[src('aimed_shot')]!, sim.srcHits[src('aimed_shot_double_tap')]!];
    const before = hits();
    sim.travelOn = 1;
    sim.logic.execute(A('aimed_shot'), 0);
    sim.travelOn = 0;
    const landedBy = (ms: number) => {
      runUntil(sim, ms);
      return hits().map((h, i) => h - before[i]!);
    };
    expect(landedBy(399)).toEqual([0, 0]);
    expect(landedBy(400)).toEqual([1, 0]);
    expect(landedBy(409)).toEqual([1, 0]);
    expect(landedBy(410)).toEqual([1, 1]);
  });
});
