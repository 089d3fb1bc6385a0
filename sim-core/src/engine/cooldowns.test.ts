/**
 * Hasted cooldowns under haste changes, as SimulationCraft's haste buffs do them
 * (buff_t::adjust_haste → player_t::adjust_dynamic_cooldowns → cooldown_t::adjust_recharge_multiplier):
 * a running recharge is rescaled, what is left of it and its length, by old / new haste.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { action } from '../specs/common.ts';
import { BLOODLUST_HASTE } from '../specs/common.ts';
import { specs } from '../specs/registry.ts';
import { Cooldowns } from './cooldowns.ts';
import { createSim } from './run.ts';
import { isolateMechanics } from './test-support.ts';

const defs = [
  action({
    id: 1,
    key: 'hasted',
    name: 'Hasted',
    description: '',
    school: 'physical',
    cooldownMs: 7500,
    hastedCooldown: true,
  }),
  action({ id: 2, key: 'plain', name: 'Plain', description: '', school: 'physical', cooldownMs: 7500 }),
  action({
    id: 3,
    key: 'charged',
    name: 'Charged',
    description: '',
    school: 'physical',
    cooldownMs: 12000,
    charges: 2,
    hastedCooldown: true,
  }),
];

describe('Cooldowns.setHaste', () => {
  it('rescales the running recharge of a hasted cooldown (left and length) by old / new haste; an unhasted one keeps its time', () => {
    const cds = new Cooldowns(defs);
    cds.reset();
    cds.setHaste(0, 1);
    cds.use(0, 0);
    cds.use(1, 0);
    expect(cds.readyAt(0, 0)).toBe(7500);
    cds.setHaste(3000, 1.5); // 4500 ms left at haste 1: 3000 at 1.5
    expect(cds.readyAt(0, 3000)).toBe(6000);
    expect(cds.dur[0]).toBe(5000);
    expect(cds.readyAt(1, 3000)).toBe(7500);
    cds.setHaste(4000, 1); // 2000 ms left at 1.5: 3000 at 1
    expect(cds.readyAt(0, 4000)).toBe(7000);
    expect(cds.dur[0]).toBe(7500);
    expect(cds.chargesFractional(0, 4000)).toBeCloseTo(1 - 3000 / 7500, 12);
  });

  it('a recharge that came back before the change is not touched; the next charge starts at the haste it came back at', () => {
    const cds = new Cooldowns(defs);
    cds.reset();
    cds.setHaste(0, 1);
    cds.use(2, 0);
    cds.use(2, 0); // both charges spent: the first back at 12 000, the second 12 000 later
    cds.setHaste(13000, 2); // charge 1 back at 12 000; 11 000 of the second left at haste 1: 5 500
    expect(cds.chargesAt(2, 13000)).toBe(1);
    expect(cds.readyAt(2, 13000)).toBe(13000);
    expect(cds.fullRechargeMs(2, 13000)).toBe(5500);
  });

  it('the same haste changes nothing', () => {
    const cds = new Cooldowns(defs);
    cds.reset();
    cds.setHaste(0, 1.3);
    cds.use(0, 0);
    const next = cds.readyAt(0, 0);
    cds.setHaste(1000, 1.3);
    expect(cds.readyAt(0, 1000)).toBe(next);
  });
});

describe('a hasted cooldown when Bloodlust ends (engine)', () => {
  it('Kill Command cast under Bloodlust at 38 s comes back 2 s of lusted recharge, then the rest at unlusted haste', () => {
    const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
    isolateMechanics(c);
    c.player.talents = [];
    c.player.stats = { ...c.player.stats, haste: 0 };
    c.fight = { ...c.fight, durationSeconds: 60, durationVariation: 0, bloodlust: true };
    c.rotation = 'actions=kill_command,if=time>=38';
    const sim = createSim(parseConfig(c));
    const casts: number[] = [];
    const kc = sim.actions.findIndex((a) => a.key === 'kill_command');
    const use = sim.cds.use.bind(sim.cds);
    sim.cds.use = (cd, now) => {
      if (cd === kc) casts.push(now);
      use(cd, now);
    };
    sim.runIteration(1, 0);
    const h = sim.baseHaste; // no haste rating: the base haste of the config's character
    const lusted = 7500 / (h * (1 + BLOODLUST_HASTE));
    expect(casts[0]).toBe(38000);
    // 2 000 ms of the recharge run under Bloodlust (which ends at 40 s); what was left stretches
    const left = Math.round(lusted) - 2000;
    const expected = 40000 + Math.max(1, Math.round((left * h * (1 + BLOODLUST_HASTE)) / h));
    expect(Math.abs(casts[1]! - expected)).toBeLessThanOrEqual(1);
    // before, the recharge kept Bloodlust's haste: back at 38 000 + 7500 / 1.3 h
    expect(casts[1]).toBeGreaterThan(38000 + Math.round(lusted) + 400);
  });
});
