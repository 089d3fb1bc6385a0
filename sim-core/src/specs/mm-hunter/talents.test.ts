/** Golden tests of the Marksmanship talents (same method as ./mechanics.test.ts). */
import { describe, expect, it } from 'vitest';
import { BASE_CRIT } from '../../engine/ratings.ts';
import { Sim } from '../../engine/sim.ts';
import { createSim } from '../../engine/run.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';
import { MM, MM_DATA } from './data.ts';
import { A, AP, B, expected, mmConfig, MULT, run, simAfterOneIteration } from './test-support.ts';
import { expectRate } from '../expect-rate.ts';
import { simulate } from '../../engine/run.ts';
import { racialPassives } from '../racials.ts';
import { BLASPHEMITE_CRIT_PER_COLOUR } from '../gear.ts';

describe('Precise Shots (talent 260240)', () => {
  it('halves the GCD of an empowered Arcane Shot or Multi-Shot (260242 #6), never below 0.75 s', () => {
    for (const [haste, plain, empowered] of [
      [0, 1500, 750],
      [6600, Math.round(1500 / 1.1), 750], // 10 % haste: 0.5 × 1.364 s is below the floor
    ] as const) {
      const c = mmConfig('actions=arcane_shot', { seconds: 20, talents: ['precise_shots'] });
      c.player.stats.haste = haste;
      const sim = simAfterOneIteration(c);
      sim.removeBuff(B('bloodlust'));
      sim.updateHaste();
      sim.removeBuff(B('precise_shots'));
      expect([sim.gcdMsFor(A('arcane_shot')), sim.gcdMsFor(A('multishot'))]).toEqual([plain, plain]);
      sim.applyBuff(B('precise_shots'), 1, 0);
      expect([sim.gcdMsFor(A('arcane_shot')), sim.gcdMsFor(A('multishot'))]).toEqual([empowered, empowered]);
      expect(sim.gcdMsFor(A('steady_shot'))).toBe(plain);
    }
  });

  it('Auto Shot deals 100 % more (#2) and fires 2 s slower (#1): 3 s weapon → every 5 s', () => {
    const auto = (talents: string[]) =>
      run('actions=steady_shot', { seconds: 32, talents, iterations: 50 }).abilities.auto_shot!;
    const on = auto(['precise_shots']);
    expect(on.hits).toBe(50 * 7); // 0, 5, …, 30 s
    expect(on.damage).toBe(expected(on, ((AP * 3) / 6) * (1 + MM.preciseShotsAutoShot), true, 1));
    const off = auto([]);
    expect(off.hits).toBe(50 * 11); // 0, 3, …, 30 s
    expect(off.damage).toBe(expected(off, (AP * 3) / 6, true, 1));
  });

  it('without the talent Aimed Shot grants no Precise Shots', () => {
    const rotation = 'actions=arcane_shot,if=buff.precise_shots.up\nactions+=/aimed_shot';
    expect(run(rotation, { seconds: 12, iterations: 5 }).abilities.arcane_shot).toBeUndefined();
    expect(
      run(rotation, { seconds: 12, iterations: 5, talents: ['precise_shots'] }).abilities.arcane_shot!.casts,
    ).toBeGreaterThan(0);
  });
});

describe('Streamline (260367, 342076)', () => {
  it('Rapid Fire grants a stack (2 at most); each cuts Aimed Shot cost and cast time by 20 %; Aimed Shot spends them', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=aimed_shot', { seconds: 20, talents: ['streamline'] }),
    );
    sim.removeBuff(B('bloodlust'));
    sim.updateHaste();
    const aimed = A('aimed_shot');
    const rapid = A('rapid_fire');
    expect([sim.cost(aimed), sim.castMs(aimed)]).toEqual([35, 3000]);
    sim.logic.channelTick(rapid, 0, 0);
    expect([sim.cost(aimed), sim.castMs(aimed)]).toEqual([35 * 0.8, 3000 * 0.8]);
    sim.logic.channelTick(rapid, 0, 0);
    sim.logic.channelTick(rapid, 0, 0);
    expect(sim.buffs.stack(B('streamline'), sim.now)).toBe(2);
    expect([sim.cost(aimed), sim.castMs(aimed)]).toEqual([35 * 0.6, 3000 * 0.6]);
    sim.logic.execute(aimed, 0);
    expect(sim.buffs.up(B('streamline'), sim.now)).toBe(false);
  });

  it('Rapid Fire deals 15 % more (#1)', () => {
    const r = run('actions=rapid_fire', { seconds: 10, talents: ['streamline'], iterations: 100 }).abilities
      .rapid_fire!;
    expect(r.hits).toBe(100 * 7);
    expect(r.damage).toBe(
      expected(r, MM.rapidFireTickAp * AP * MULT * (1 + MM.streamlineRapidFire), true, 1),
    );
  });
});

describe('Bulletstorm (389019, 389020)', () => {
  it('each Rapid Fire hit adds 2 % Aimed Shot damage: 7 shots → ×1.14', () => {
    // Rapid Fire at 0 s (7 stacks by 1.7 s, until 15 s); Aimed Shots land at 5 s and 8 s, then no charge is left.
    const r = run('actions=rapid_fire\nactions+=/aimed_shot', {
      seconds: 13,
      talents: ['bulletstorm'],
      iterations: 100,
    });
    const a = r.abilities.aimed_shot!;
    expect(a.hits).toBe(200);
    expect(a.damage).toBe(expected(a, MM.aimedShotAp * AP * MULT * (1 + MM.bulletstormAimed * 7), true, 1));
  });

  it('casting Rapid Fire removes the stacks; stacks stop at 15', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=aimed_shot', { seconds: 20, talents: ['bulletstorm'] }),
    );
    const rapid = A('rapid_fire');
    for (let i = 0; i < 20; i++) sim.logic.channelTick(rapid, 0, 1);
    expect(sim.buffs.stack(B('bulletstorm'), sim.now)).toBe(15);
    sim.logic.channelTick(rapid, 0, 0);
    expect(sim.buffs.stack(B('bulletstorm'), sim.now)).toBe(1);
  });
});

describe('Unerring Vision (474738)', () => {
  it('Trueshot gives +10 % more crit (#1) and +20 % more crit damage (#2): crits ×2.4', () => {
    const r = run('actions=trueshot\nactions+=/aimed_shot', {
      seconds: 14,
      talents: ['unerring_vision'],
      iterations: 600,
    }).abilities.aimed_shot!;
    const bonus = 1 + MM.trueshotCritDamage + MM.unerringVisionCritDamage;
    expect(r.damage).toBe(expected(r, MM.aimedShotAp * AP * MULT, true, bonus));
    expectRate(r.crits, r.hits, BASE_CRIT + MM.trueshotCrit + MM.unerringVisionCrit);
  });
});

describe('Unmatched Precision (1232955)', () => {
  it('raises the Precise Shots bonus by 20 per rank, 2 ranks: Arcane Shot ×2.4', () => {
    const r = run(
      'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/arcane_shot,if=buff.precise_shots.up',
      {
        seconds: 12,
        talents: ['precise_shots', 'unmatched_precision'],
      },
    ).abilities.arcane_shot!;
    const amount =
      MM.arcaneShotAp * AP * MULT * (1 + MM.specAuraArcaneShot) * (1 + MM.preciseShotsBonus + 0.4);
    expect(r.damage).toBe(expected(r, amount, false, 1));
  });

  it('at rank 1 (`unmatched_precision:1`, rank table #1 × 1) +20: Arcane Shot ×2.2', () => {
    const r = run(
      'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/arcane_shot,if=buff.precise_shots.up',
      { seconds: 12, talents: ['precise_shots', 'unmatched_precision:1'] },
    ).abilities.arcane_shot!;
    expect(r.casts).toBeGreaterThan(0);
    const amount =
      MM.arcaneShotAp * AP * MULT * (1 + MM.specAuraArcaneShot) * (1 + MM.preciseShotsBonus + 0.2);
    expect(r.damage).toBe(expected(r, amount, false, 1));
  });
});

describe('Surging Shots (391559)', () => {
  it('Rapid Fire deals 35 % more (#1)', () => {
    const r = run('actions=rapid_fire', { seconds: 10, talents: ['surging_shots'], iterations: 100 })
      .abilities.rapid_fire!;
    expect(r.damage).toBe(
      expected(r, MM.rapidFireTickAp * AP * MULT * (1 + MM.surgingShotsRapidFire), true, 1),
    );
  });

  it('Aimed Shot resets Rapid Fire 15 % of the time (proc chance)', () => {
    const count = (talents: string[]) => {
      const sim = simAfterOneIteration(mmConfig('actions=aimed_shot', { seconds: 20, talents }));
      const rapid = A('rapid_fire');
      let resets = 0;
      for (let i = 0; i < 3000; i++) {
        sim.cds.reset();
        sim.cds.use(rapid, sim.now);
        sim.logic.execute(A('aimed_shot'), 0);
        if (sim.cds.chargesAt(rapid, sim.now) === 1) resets++;
      }
      return resets;
    };
    expectRate(count(['surging_shots']), 3000, MM.surgingShotsChance);
    expect(count([])).toBe(0);
  });
});

describe('Penetrating Shots (459783)', () => {
  const m = (critChance: number) => 1 + MM.penetratingShots * critChance;
  /** SimC's crit bonus ((1 + 1) × m − 1) × bonus multiplier, as the engine's crit-damage argument. */
  const arg = (mult: number, bonus: number) => ((2 * mult - 1) * bonus) / (2 - 1);

  it('crit damage grows by 40 % of crit chance (#2): 5 % crit → crits ×2.04', () => {
    const r = run('actions=aimed_shot', { seconds: 14, talents: ['penetrating_shots'] }).abilities
      .aimed_shot!;
    expect(r.crits).toBeGreaterThan(0);
    expect(r.damage).toBe(expected(r, MM.aimedShotAp * AP * MULT, true, arg(m(BASE_CRIT), 1)));
  });

  it("multiplies with the dwarf's and the meta gem's factors inside SimC's bonus: crits ×(1 + (2 × r × m − 1))", () => {
    // action.cpp total_crit_bonus: ((1 + 1) × composite_player_critical_damage_multiplier − 1),
    // where the race's and the meta gem's factor r and Penetrating Shots' m multiply (sc_hunter.cpp)
    const c = mmConfig('actions=aimed_shot', { seconds: 14, talents: ['penetrating_shots'] });
    c.race = 'dwarf';
    c.gear = { ...c.gear!, blasphemiteColours: 4 };
    const r = simulate(c, { seed: 7, seedOffset: 0, iterations: 200 }).abilities.aimed_shot!;
    expect(r.crits).toBeGreaterThan(0);
    const rf = racialPassives('dwarf').critDamage * (1 + 4 * BLASPHEMITE_CRIT_PER_COLOUR);
    expect(rf).toBeGreaterThan(1.02);
    expect(r.damage).toBe(expected(r, MM.aimedShotAp * AP * MULT, true, 2 * rf * m(BASE_CRIT) - 1));
  });

  it('stacks with Trueshot: 15 % crit, bonus ×1.2 → crits ×(1 + (2 × 1.06 − 1) × 1.2)', () => {
    const r = run('actions=trueshot\nactions+=/aimed_shot', { seconds: 14, talents: ['penetrating_shots'] })
      .abilities.aimed_shot!;
    const bonus = arg(m(BASE_CRIT + MM.trueshotCrit), 1 + MM.trueshotCritDamage);
    expect(r.damage).toBe(expected(r, MM.aimedShotAp * AP * MULT, true, bonus));
  });
});

describe('Ammo Conservation (459794)', () => {
  it('Rapid Fire shoots 3 more shots (#2): 10 per cast', () => {
    const r = run('actions=rapid_fire', { seconds: 10, talents: ['ammo_conservation'], iterations: 100 })
      .abilities.rapid_fire!;
    expect(r.hits).toBe(100 * 10);
    expect(r.damage).toBe(expected(r, MM.rapidFireTickAp * AP * MULT, true, 1));
  });

  it('the channel is shorter (#1, tick time −34 %): 9 × 333 ms × 0.66 = 1978 ms for 10 shots, 1998 ms for 7', () => {
    // SimC rapid_fire_t::composite_dot_duration: (shots − 1) × tick time (257044 #2: 0.333 s).
    // Rapid Fire at 0 s, then an instant Arcane Shot as soon as the channel ends (no lag here).
    const rotation = 'actions=rapid_fire,if=time<1\nactions+=/arcane_shot';
    for (const [talents, channel, shots] of [
      [['ammo_conservation'], Math.round(9 * 333 * 0.66), 10],
      [[], 6 * 333, 7],
    ] as const) {
      const sim = createSim(parseConfig(mmConfig(rotation, { seconds: 10, talents: [...talents] })));
      const rapid = Sim.indexOf(MM_DATA.sources, 'rapid_fire');
      const arcane = Sim.indexOf(MM_DATA.sources, 'arcane_shot');
      const times: number[] = [];
      let arcaneAt = -1;
      const hit = sim.hit.bind(sim);
      sim.hit = (src, target, amount, phys, critBonus, critDamage) => {
        if (src === rapid) times.push(sim.now);
        if (src === arcane && arcaneAt < 0) arcaneAt = sim.now;
        return hit(src, target, amount, phys, critBonus, critDamage);
      };
      sim.runIteration(7, 0);
      expect(channel).toBe(talents.length > 0 ? 1978 : 1998);
      expect(arcaneAt).toBe(channel);
      // a shot at once, then one every tick time (333 ms, 220 ms with the talent), the last at the
      // channel's end (SimC: tick_zero, duration (shots − 1) × tick time)
      expect(times).toEqual(Array.from({ length: shots }, (_, i) => Math.round((i * channel) / (shots - 1))));
      expect(times[1]).toBe(talents.length > 0 ? 220 : 333);
      expect(times.at(-1)).toBe(channel);
    }
  });

  it('Aimed Shot recharges in 11 s instead of 12 (#5)', () => {
    for (const [talents, ms] of [
      [['ammo_conservation'], 11_000],
      [[], 12_000],
    ] as const) {
      const sim = simAfterOneIteration(
        mmConfig('actions=aimed_shot', { seconds: 20, talents: [...talents] }),
      );
      const aimed = A('aimed_shot');
      sim.cds.reset();
      sim.cds.use(aimed, sim.now);
      sim.cds.use(aimed, sim.now);
      expect(sim.cds.fullRechargeMs(aimed, sim.now)).toBe(2 * ms);
    }
  });
});

describe('Bullseye (204089, 204090)', () => {
  it('a shot hitting a target below 20 % health adds a stack, at most one per 0.1 s; none above 20 %', () => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents: ['bullseye'] }));
    const steady = A('steady_shot');
    const stacks = () => sim.buffs.stack(B('bullseye'), sim.now);
    sim.removeBuff(B('bullseye'));
    sim.now = sim.endMs - 1000; // 5 % health
    sim.logic.autoShot(); // a white hit: no stack
    expect(stacks()).toBe(0);
    sim.logic.execute(steady, 0);
    sim.logic.execute(steady, 0); // inside the 0.1 s internal cooldown
    expect(stacks()).toBe(1);
    sim.now += 100;
    sim.logic.execute(steady, 0);
    expect(stacks()).toBe(2);
    sim.removeBuff(B('bullseye'));
    sim.now = Math.round(sim.endMs * 0.7); // 30 % health
    sim.logic.execute(steady, 0);
    expect(stacks()).toBe(0);
  });

  it('each stack gives the hunter’s shots +1 % crit (30 stacks: 5 % → 35 %)', () => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents: ['bullseye'] }));
    const src = Sim.indexOf(MM_DATA.sources, 'steady_shot');
    sim.now = sim.endMs;
    sim.applyBuff(B('bullseye'), 30, 0);
    const hits0 = sim.srcHits[src]!;
    const crits0 = sim.srcCrits[src]!;
    for (let i = 0; i < 3000; i++) sim.logic.execute(A('steady_shot'), 0);
    expectRate(sim.srcCrits[src]! - crits0, sim.srcHits[src]! - hits0, BASE_CRIT + 30 * MM.bullseyeCrit);
  });
});

describe('Deathblow (343248, 378770) and Improved Deathblow (378769)', () => {
  const procRate = (talents: string[], cast: (sim: Sim) => void) => {
    const sim = simAfterOneIteration(mmConfig('actions=steady_shot', { seconds: 20, talents }));
    let procs = 0;
    for (let i = 0; i < 3000; i++) {
      sim.removeBuff(B('deathblow'));
      cast(sim);
      if (sim.buffs.up(B('deathblow'), sim.now)) procs++;
    }
    return procs;
  };
  const aimed = (sim: Sim) => sim.logic.execute(A('aimed_shot'), 0);
  const rapid = (sim: Sim) => sim.logic.channelTick(A('rapid_fire'), 0, 0);

  it('Aimed Shot grants Deathblow 10 % of the time (#1), 15 % with Improved Deathblow (#2); Rapid Fire 25 % with it (#1)', () => {
    expectRate(procRate(['deathblow'], aimed), 3000, MM.deathblowAimed);
    expectRate(procRate(['deathblow', 'improved_deathblow'], aimed), 3000, MM.improvedDeathblowAimed);
    expectRate(procRate(['deathblow', 'improved_deathblow'], rapid), 3000, MM.improvedDeathblowRapidFire);
    expect(procRate(['deathblow'], rapid)).toBe(0);
    expect(procRate([], aimed)).toBe(0);
  });

  it('Deathblow makes Kill Shot usable at any health and gives back its charge; Kill Shot spends it', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=steady_shot', { seconds: 20, talents: ['deathblow'] }),
    );
    const kill = A('kill_shot');
    sim.now = 1000; // 95 % health
    sim.gainFocus(100);
    sim.cds.reset();
    sim.cds.use(kill, sim.now);
    sim.removeBuff(B('deathblow'));
    expect(sim.actionReady(kill, 0)).toBe(false);
    while (!sim.buffs.up(B('deathblow'), sim.now)) aimed(sim);
    expect(sim.cds.chargesAt(kill, sim.now)).toBe(1);
    expect(sim.actionReady(kill, 0)).toBe(true);
    sim.logic.execute(kill, 0);
    expect(sim.buffs.up(B('deathblow'), sim.now)).toBe(false);
  });

  it('one health rule (Sim.healthRule, the Dark Ranger module): Kill Shot at 95 % only with Deathblow, Black Arrow likewise at 50 %', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=steady_shot', { seconds: 20, talents: ['deathblow'] }),
    );
    const kill = A('kill_shot');
    expect(sim.healthRule).not.toBeNull();
    sim.now = 1000; // 95 % health (linear over 20 s)
    sim.removeBuff(B('deathblow'));
    expect(sim.healthRule!.usable(kill, 0)).toBe(false);
    sim.applyBuff(B('deathblow'), 1, 0);
    expect(sim.healthRule!.usable(kill, 0)).toBe(true);
    sim.removeBuff(B('deathblow'));
    sim.now = 17_000; // 15 %: the execute range (53351 #2) needs no Deathblow
    expect(sim.healthRule!.usable(kill, 0)).toBe(true);
    // Black Arrow (466930 #2/#3): at or below 20 %, at or above 80 %, or with Deathblow
    const dr = simAfterOneIteration(
      mmConfig('actions=steady_shot', { seconds: 20, talents: ['deathblow', 'black_arrow'] }),
    );
    const ba = A('black_arrow');
    dr.now = 10_000; // 50 %
    dr.removeBuff(B('deathblow'));
    expect(dr.healthRule!.usable(ba, 0)).toBe(false);
    dr.applyBuff(B('deathblow'), 1, 0);
    expect(dr.healthRule!.usable(ba, 0)).toBe(true);
    expect('ignoresExecuteRange' in dr.logic).toBe(false); // no second rule in the spec logic
  });

  it('Improved Deathblow: Kill Shot crits ×(1 + 1.25) (#3)', () => {
    const k = run('actions=kill_shot', { seconds: 60, talents: ['improved_deathblow'], iterations: 300 })
      .abilities.kill_shot!;
    expect(k.crits).toBeGreaterThan(0);
    const amount = MM.killShotAp * AP * MULT * (1 + MM.specAuraKillShot);
    expect(k.damage).toBe(expected(k, amount, true, 1 + MM.improvedDeathblowKillShotCrit));
  });
});

describe('Headshot (471363)', () => {
  const rotation =
    'actions=aimed_shot,if=buff.precise_shots.down\nactions+=/kill_shot,if=buff.precise_shots.up';
  const amount = MM.killShotAp * AP * MULT * (1 + MM.specAuraKillShot);

  it('Kill Shot takes Precise Shots at 25 % (#1), +40 with Unmatched Precision (1232955 #3), and spends it', () => {
    for (const [talents, bonus] of [
      [['precise_shots', 'headshot'], MM.headshotKillShot],
      [['precise_shots', 'headshot', 'unmatched_precision'], MM.headshotKillShot + 0.4],
      // rank 1: 1232955 #3 (+20) × the rank table's 1
      [['precise_shots', 'headshot', 'unmatched_precision:1'], MM.headshotKillShot + 0.2],
    ] as const) {
      const r = run(rotation, { seconds: 60, talents: [...talents], iterations: 100 });
      const k = r.abilities.kill_shot!;
      expect(k.casts).toBeGreaterThan(0);
      expect(k.damage).toBe(expected(k, amount * (1 + bonus), true, 1));
      // Spent by Kill Shot: an Aimed Shot between every two Kill Shots.
      expect(r.abilities.aimed_shot!.casts).toBeGreaterThanOrEqual(k.casts);
    }
  });

  it('Kill Shot’s GCD is halved while Precise Shots is up (1257703 #2)', () => {
    const sim = simAfterOneIteration(
      mmConfig('actions=steady_shot', { seconds: 20, talents: ['precise_shots'] }),
    );
    sim.applyBuff(B('precise_shots'), 1, 0);
    expect(sim.gcdMsFor(A('kill_shot'))).toBe(750);
  });
});

// The Sentinel tree's talents (./sentinel.ts; golden tests ./sentinel-talents.test.ts)
describe('a pasted Sentinel talent string', () => {
  it('maps the modelled Sentinel talents; Catch Out, Sideline and Don’t Look Back (no damage) stay not modelled', () => {
    const nodes = (choice: { watch: number; steel: number; catch: number }) =>
      encodeLoadout({
        specId: 254,
        heroTree: 'Sentinel',
        talents: [
          { nodeId: 94976, spellId: 450369, granted: true }, // Sentinel
          { nodeId: 94973, spellId: 450374 }, // Extrapolated Shots
          { nodeId: 94981, spellId: 450375 }, // Sentinel Precision
          { nodeId: 94989, spellId: 450373 }, // Don't Look Back
          { nodeId: 94958, spellId: 450376 }, // Release and Reload
          { nodeId: 94990, spellId: choice.catch }, // Catch Out / Sideline
          { nodeId: 94971, spellId: 450379 }, // Invigorating Pulse
          { nodeId: 94970, spellId: choice.watch }, // Sentinel Watch / Eyes Closed
          { nodeId: 94965, spellId: 450383 }, // Symphonic Arsenal
          { nodeId: 94980, spellId: choice.steel }, // Overwatch / Crescent Steel
          { nodeId: 94978, spellId: 450385 }, // Lunar Storm
        ],
      });
    const a = talentsFromLoadout(nodes({ watch: 451546, steel: 450384, catch: 451516 }));
    const b = talentsFromLoadout(nodes({ watch: 450381, steel: 451530, catch: 450378 }));
    const modelled = (r: typeof a) => r.modelled.map((t) => t.key).sort();
    const notModelled = (r: typeof a) =>
      r.ignored
        .filter((t) => t.reason === 'not modelled yet')
        .map((t) => t.name)
        .sort();
    const common = [
      'extrapolated_shots',
      'invigorating_pulse',
      'lunar_storm',
      'release_and_reload',
      'sentinel',
      'sentinel_precision',
      'symphonic_arsenal',
    ];
    expect(modelled(a)).toEqual([...common, 'overwatch', 'sentinel_watch'].sort());
    expect(modelled(b)).toEqual([...common, 'crescent_steel', 'eyes_closed'].sort());
    expect(notModelled(a)).toEqual(['Catch Out', "Don't Look Back"]);
    expect(notModelled(b)).toEqual(["Don't Look Back", 'Sideline']);
  });
});
