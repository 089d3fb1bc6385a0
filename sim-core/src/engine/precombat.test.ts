/**
 * SimulationCraft's pull (`player_t::combat_begin`): the first harmful spell of actions.precombat
 * that is ready executes at 0 s with no cast time and no global cooldown (engine/decisions.ts
 * `precast`), the rest of actions.precombat's spells are not cast, and the default list starts
 * at 0 s as well.
 */
import { describe, expect, it } from 'vitest';
import { parseRotation } from '../apl/parser.ts';
import { parseConfig } from '../config/parse-config.ts';
import { specs, specVocabulary } from '../specs/registry.ts';
import { createSim } from './run.ts';
import type { Sim } from './sim.ts';
import { isolateMechanics } from './test-support.ts';

const mm = () => specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();

/** One iteration of MM with `rotation`: every action that took effect (time in ms, key), in order. */
function firstActions(rotation: string, count = 4): Array<[number, string]> {
  const c = isolateMechanics(mm());
  c.rotation = rotation;
  const sim = createSim(parseConfig(c)) as Sim;
  const seen: Array<[number, string]> = [];
  const execute = sim.execute.bind(sim);
  sim.execute = (a: number, target: number) => {
    if (seen.length < count) seen.push([sim.now, sim.actions[a]!.key]);
    execute(a, target);
  };
  sim.runIteration(1, 0);
  return seen;
}

describe('actions.precombat at the pull', () => {
  it('executes the first harmful spell at 0 s (no cast time, no global cooldown); the list starts at 0 s', () => {
    const seen = firstActions('actions.precombat=aimed_shot\nactions=arcane_shot\nactions+=/steady_shot');
    // Aimed Shot (a 3 s cast) takes effect at 0 s; Arcane Shot, which Aimed Shot's Precise Shots
    // makes the list's first choice, is used at once, not after a global cooldown
    expect(seen[0]).toEqual([0, 'aimed_shot']);
    expect(seen[1]).toEqual([0, 'arcane_shot']);
    // without the precombat line, the list's first action is the first thing that happens
    const without = firstActions('actions=arcane_shot\nactions+=/steady_shot');
    expect(without[0]).toEqual([0, 'arcane_shot']);
  });

  it('pays the cost and spends a charge, as a cast would', () => {
    const c = isolateMechanics(mm());
    c.rotation = 'actions.precombat=aimed_shot\nactions=wait,sec=10';
    const sim = createSim(parseConfig(c)) as Sim;
    const aimed = sim.actions.findIndex((a) => a.key === 'aimed_shot');
    let focusAfter = -1;
    let chargesAfter = -1;
    const execute = sim.execute.bind(sim);
    sim.execute = (a: number, target: number) => {
      execute(a, target);
      if (a === aimed && focusAfter < 0) {
        focusAfter = sim.focus();
        chargesAfter = sim.cds.chargesAt(aimed, sim.now);
      }
    };
    sim.runIteration(1, 0);
    expect(focusAfter).toBe(sim.focusMax - sim.cost(aimed));
    expect(chargesAfter).toBe(sim.actions[aimed]!.charges - 1);
  });

  it('casts only the first ready harmful spell whose condition holds', () => {
    const list = (first: string) =>
      `actions.precombat=${first}\nactions.precombat+=/steady_shot\nactions=arcane_shot\nactions+=/steady_shot`;
    const [a, b] = firstActions(list('aimed_shot,if=active_enemies<3'));
    expect(a).toEqual([0, 'aimed_shot']);
    expect(b).toEqual([0, 'arcane_shot']); // no Steady Shot at the pull
    // its condition false: the next one (Steady Shot, at 0 s, its 1.7 s cast skipped)
    const [c] = firstActions(list('aimed_shot,if=active_enemies>2'));
    expect(c).toEqual([0, 'steady_shot']);
  });

  it("an attacker's long precombat list is counted: one evaluation per line, nothing cast", () => {
    // every line of actions.precombat is asked once an iteration, against the decision budget
    // and into the evaluations the work budget counts (cost/limits.ts)
    const lines = 400;
    const c = isolateMechanics(mm());
    c.rotation = [
      ...Array.from({ length: lines }, (_, i) => `actions.precombat+=/aimed_shot,if=time>${i + 100}`),
      'actions=steady_shot',
    ].join('\n');
    const sim = createSim(parseConfig(c)) as Sim;
    sim.rotation.reset(sim.state);
    const before = sim.rotation.evaluations;
    expect(sim.rotation.precombatCast(sim.state)).toBe(-1);
    expect(sim.rotation.evaluations - before).toBe(lines);
  });

  it('leaves out spells SimC does not count as harmful, with a warning at their line', () => {
    const text = 'actions.precombat=potion\nactions=steady_shot';
    const warnings = parseRotation(text, specVocabulary('mm-hunter')).warnings.map((w) => w.message);
    expect(warnings).toEqual([
      'line 1: potion in actions.precombat is not cast before the pull here; ignored',
    ]);
    expect(firstActions(text)[0]![1]).toBe('steady_shot');
  });
});
