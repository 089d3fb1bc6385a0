/** Unit tests of the engine's building blocks: ratings, cooldowns with charges, auras. */
import { describe, expect, it } from 'vitest';
import { action, aura } from '../specs/common.ts';
import { AuraSet } from './auras.ts';
import { Cooldowns } from './cooldowns.ts';
import { deriveStats, diminish } from './ratings.ts';

describe('ratings', () => {
  it('converts level-80 ratings without loss below 30 %', () => {
    const d = deriveStats({ crit: 7000, haste: 6600, mastery: 7000, versatility: 7800 });
    expect(d.critChance).toBeCloseTo(0.15, 12);
    expect(d.haste).toBeCloseTo(1.1, 12);
    expect(d.masteryPoints).toBeCloseTo(18, 12);
    expect(d.versatility).toBeCloseTo(1.1, 12);
  });

  it('diminishes piecewise-linearly by band, continuous and monotonic', () => {
    expect(diminish(30)).toBe(30);
    expect(diminish(39)).toBeCloseTo(30 + 9 * 0.9, 12);
    expect(diminish(50)).toBeCloseTo(30 + 8.1 + 8 * 0.8 + 3 * 0.7, 12);
    expect(diminish(200)).toBeCloseTo(diminish(126), 12);
    let prev = 0;
    for (let p = 0; p <= 150; p += 0.5) {
      const v = diminish(p);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(v - prev).toBeLessThanOrEqual(0.5 + 1e-12);
      prev = v;
    }
  });
});

describe('Cooldowns', () => {
  const defs = [
    action({
      id: 1,
      key: 'two',
      name: '',
      description: '',
      school: 'physical',
      cooldownMs: 10_000,
      charges: 2,
    }),
    action({
      id: 2,
      key: 'hasted',
      name: '',
      description: '',
      school: 'physical',
      cooldownMs: 12_000,
      hastedCooldown: true,
    }),
    action({ id: 3, key: 'free', name: '', description: '', school: 'physical' }),
  ];

  it('recharges one charge at a time and reports fractional and full recharge', () => {
    const cd = new Cooldowns(defs);
    cd.reset();
    cd.use(0, 0);
    cd.use(0, 1000);
    expect(cd.chargesAt(0, 1000)).toBe(0);
    expect(cd.remainsMs(0, 1000)).toBe(9000);
    expect(cd.fullRechargeMs(0, 1000)).toBe(19_000);
    expect(cd.chargesFractional(0, 5000)).toBeCloseTo(0.5, 12);
    expect(cd.chargesAt(0, 10_000)).toBe(1);
    expect(cd.chargesFractional(0, 15_000)).toBeCloseTo(1.5, 12);
    expect(cd.chargesAt(0, 20_000)).toBe(2);
    expect(cd.fullRechargeMs(0, 20_000)).toBe(0);
  });

  it('applies haste when a recharge starts, reductions, refunds and rate changes', () => {
    const cd = new Cooldowns(defs);
    cd.reset();
    cd.haste = 1.2;
    cd.use(1, 0);
    expect(cd.remainsMs(1, 0)).toBe(10_000);
    cd.reduce(1, 1000, 2000);
    expect(cd.remainsMs(1, 1000)).toBe(7000);
    cd.setRate(1, 1000, 2);
    expect(cd.remainsMs(1, 1000)).toBe(3500);
    cd.setRate(1, 2000, 1);
    expect(cd.remainsMs(1, 2000)).toBe(5000);
    cd.addCharge(1, 2500);
    expect(cd.chargesAt(1, 2500)).toBe(1);
    expect(cd.remainsMs(1, 2500)).toBe(0);
    cd.use(2, 0);
    expect(cd.chargesAt(2, 0)).toBe(1);
  });
});

describe('AuraSet', () => {
  const defs = [
    aura({ id: 1, key: 'stacky', name: '', description: '', durationMs: 8000, maxStacks: 3 }),
    aura({ id: 2, key: 'pandemic', name: '', description: '', durationMs: 10_000, refresh: 'pandemic' }),
  ];

  it('stacks up to the maximum, refreshes duration and falls off at expiry', () => {
    const a = new AuraSet(defs, 2);
    a.apply(0, 0, 0, 1, 0);
    a.apply(0, 0, 1000, 5, 0);
    expect(a.stack(0, 1000)).toBe(3);
    expect(a.remainsMs(0, 1000)).toBe(8000);
    expect(a.up(0, 8999)).toBe(true);
    expect(a.up(0, 9000)).toBe(false);
    expect(a.stack(0, 9000)).toBe(0);
    a.apply(0, 1, 9000, 2, 0);
    a.decrement(1, 9500);
    expect(a.stack(1, 9500)).toBe(1);
    a.decrement(1, 9600);
    expect(a.up(1, 9600)).toBe(false);
  });

  it('pandemic refresh carries over at most 30 % of the duration', () => {
    const a = new AuraSet(defs, 1);
    a.apply(1, 1, 0, 1, 0);
    a.apply(1, 1, 9000, 1, 0); // 1 s left → 11 s
    expect(a.remainsMs(1, 9000)).toBe(11_000);
    a.apply(1, 1, 10_000, 1, 0); // 10 s left → capped at +3 s
    expect(a.remainsMs(1, 10_000)).toBe(13_000);
  });
});
