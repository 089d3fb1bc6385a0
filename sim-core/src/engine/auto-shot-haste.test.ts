/**
 * The Auto Shot on its way when haste changes: SimC's haste buffs reschedule it (player_t::
 * adjust_auto_attack → attack_t::reschedule_auto_attack): what is left of the wait × old / new
 * attack speed; the shots after it take the new speed.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { BLOODLUST_HASTE } from '../specs/common.ts';
import { specs } from '../specs/registry.ts';
import { createSim } from './run.ts';
import { isolateMechanics } from './test-support.ts';

function autoShotTimes(bloodlust: boolean): { times: number[]; speed: number } {
  const c = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
  isolateMechanics(c);
  c.player.talents = [];
  c.player.stats = { ...c.player.stats, haste: 0, weaponSpeed: 3 };
  c.fight = { ...c.fight, durationSeconds: 60, durationVariation: 0, bloodlust };
  c.rotation = 'actions=wait,sec=100';
  const sim = createSim(parseConfig(c));
  const times: number[] = [];
  const auto = sim.logic.autoShot.bind(sim.logic);
  sim.logic.autoShot = () => {
    times.push(sim.now);
    auto();
  };
  sim.runIteration(1, 0);
  return { times, speed: sim.autoHaste };
}

describe('the Auto Shot on its way when haste changes', () => {
  it("Bloodlust's end at 40 s stretches what is left of the pending shot's wait by 1.3; the next ones come every 3 s / haste", () => {
    const { times, speed } = autoShotTimes(true);
    const lusted = Math.round(3000 / (speed * (1 + BLOODLUST_HASTE)));
    const before = times.filter((t) => t < 40_000);
    // every shot under Bloodlust is `lusted` apart
    before.forEach((t, i) => expect(t).toBe(i * lusted));
    const pending = before.at(-1)! + lusted; // when it would have fired under Bloodlust
    const first = times[before.length]!;
    expect(first).toBe(40_000 + Math.round((pending - 40_000) * (1 + BLOODLUST_HASTE)));
    const plain = Math.round(3000 / speed);
    expect(times[before.length + 1]! - first).toBe(plain);
  });

  it('without a haste change nothing moves: every shot 3 s / haste apart', () => {
    const { times, speed } = autoShotTimes(false);
    const plain = Math.round(3000 / speed);
    times.forEach((t, i) => expect(t).toBe(i * plain));
  });
});
