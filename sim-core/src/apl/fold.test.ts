/**
 * Talent and target-count folding (AplResolver.talentValue, activeEnemies): a rotation compiled
 * with its talents (and its number of enemies) fixed must decide exactly as one that reads them
 * at run time — the same actions, targets, waits and evaluation
 * counts (budgets and the engine's work counter depend on them) — and still reject misspelt names
 * in the parts the folding never evaluates.
 */
import { describe, expect, it } from 'vitest';
import { compileRotation } from './compile.ts';
import type { AplResolver, CompiledRotation } from './context.ts';
import { RotationError } from './errors.ts';
import { parseRotation } from './parser.ts';
import { FakeState, idOf, TEST_VOCABULARY } from './test-support/fake-state.ts';
import { pickOf, prng, randomExpr, randomRotation, randomState, VALID } from './test-support/fuzz-inputs.ts';
import { compileOrError, expectSameDecisions, TEST_NAMES } from './test-support/same-decisions.ts';

function folding(state: FakeState): AplResolver {
  return {
    resolve: (kind, name) => TEST_NAMES.resolve(kind, name),
    talentValue: (t, rank) => (rank ? state.talentRank(t) : state.talent(t)),
    // fixed for odd now values only: both ways are exercised
    activeEnemies: () => (state.now % 2 === 1 ? state.enemies : undefined),
  };
}

const TALENT_TERMS = [
  'talent.killer_instinct',
  '!talent.killer_instinct',
  'talent.dire_beast',
  '!talent.dire_beast',
  'talent.dire_beast.rank>1',
  'talent.killer_instinct.rank',
  '(talent.dire_beast|talent.killer_instinct)',
  '0',
  '1',
  'active_enemies>2',
  'spell_targets.multishot<3',
  '(active_enemies>2&talent.dire_beast)',
];

/** A random rotation with talent tests joined to its conditions and lines gated on talents alone. */
function talentRotation(rand: () => number): string {
  const lines = randomRotation(rand).split('\n');
  for (let i = 0; i < 6; i++) {
    const term = pickOf(rand, TALENT_TERMS);
    const op = pickOf(rand, ['&', '|']);
    const cond =
      rand() < 0.5
        ? term
        : rand() < 0.5
          ? `${term}${op}${randomExpr(rand)}`
          : `${randomExpr(rand)}${op}${term}`;
    const line =
      rand() < 0.25
        ? `actions+=/call_action_list,name=${pickOf(rand, ['cds', 'aoe'])},if=${cond}`
        : `actions${pickOf(rand, ['', '.cds', '.aoe'])}+=/${pickOf(rand, TEST_VOCABULARY.actions)},if=${cond}`;
    lines.splice(1 + Math.floor(rand() * (lines.length - 1)), 0, line);
  }
  return lines.join('\n');
}

/** Runs both compilations side by side on `state`; returns the number of decisions compared. */
function compare(text: string, state: FakeState): number {
  state.now = Math.floor(state.now); // stepped by 2: activeEnemies stays as compiled
  return expectSameDecisions(compileOrError(text), compileOrError(text, folding(state)), state);
}

function withTalents(rand: () => number): FakeState {
  const s = randomState(rand);
  for (let t = 0; t < TEST_VOCABULARY.talents.length; t++) {
    if (rand() < 0.5) s.talents.add(t);
    if (rand() < 0.3) s.talentRanks.set(t, 1 + Math.floor(rand() * 3));
  }
  return s;
}

describe('talent and target-count folding', () => {
  it('decides as the run-time reads do: 1,500 rotations with talent tests, each on 2 random states', () => {
    const rand = prng(18);
    let decisions = 0;
    for (let i = 0; i < 1500; i++) {
      const text = talentRotation(rand);
      for (let k = 0; k < 2; k++) decisions += compare(text, withTalents(rand));
    }
    expect(decisions).toBeGreaterThan(8000);
  });

  it('the valid corpus decides the same folded', () => {
    const rand = prng(5);
    for (const text of VALID) for (let k = 0; k < 3; k++) compare(text, withTalents(rand));
  });

  it('a line its talents rule out is left out but still counted; misspelt names after it stay errors', () => {
    const s = new FakeState().setReady('kill_command', 'cobra_shot');
    const text = 'actions=kill_command,if=talent.dire_beast&buff.bestial_wrath.up\nactions+=/cobra_shot';
    const folded = compileOrError(text, folding(s)) as CompiledRotation;
    folded.reset(s);
    s.buffs.set(idOf('buffs', 'bestial_wrath'), { remains: 5, stack: 1 });
    expect(folded.decide(s)).toBe(idOf('actions', 'cobra_shot'));
    expect(folded.evaluations).toBe(2);
    expect(() =>
      compileRotation(
        parseRotation('actions=kill_command,if=talent.dire_beast&buff.bestial_wrth.up', TEST_VOCABULARY),
        folding(s),
      ),
    ).toThrow(RotationError);
  });
});
