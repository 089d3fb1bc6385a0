/**
 * A plain line repeating an earlier one (same action, same condition, only plain lines between)
 * is left out but counted (compile.ts leaveOutRepeats): a rotation must decide exactly as the
 * same rotation where no line is left out so (each plain spell line given a line_cd of 1 ms,
 * which none of them waits for here, and which the rule does not apply to) — the same actions,
 * targets, waits and evaluation counts.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledRotation } from './context.ts';
import { FakeState, idOf, TEST_VOCABULARY } from './test-support/fake-state.ts';
import { pickOf, prng, randomExpr, randomRotation, randomState } from './test-support/fuzz-inputs.ts';
import { compileOrError, expectSameDecisions } from './test-support/same-decisions.ts';

/** `text` with a 1 ms line_cd on every plain spell line (see the header). */
function unlike(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(actions(?:\.[a-z_]+)?\+?=\/?)([a-z_]+)(?:,if=([^,]*))?$/.exec(line);
      if (m === null || !TEST_VOCABULARY.actions.includes(m[2]!)) return line;
      return `${m[1]}${m[2]},line_cd=0.001${m[3] === undefined ? '' : `,if=${m[3]}`}`;
    })
    .join('\n');
}

/** A random rotation with a line repeated after 0-2 other plain lines. */
function withRepeat(rand: () => number): string {
  const lines = randomRotation(rand).split('\n');
  const list = pickOf(rand, ['', '.cds', '.aoe']);
  const action = pickOf(rand, TEST_VOCABULARY.actions);
  const cond = rand() < 0.7 ? randomExpr(rand) : undefined;
  const line = `actions${list}+=/${action}${cond === undefined ? '' : `,if=${cond}`}`;
  const between = Array.from(
    { length: Math.floor(rand() * 3) },
    () => `actions${list}+=/${pickOf(rand, TEST_VOCABULARY.actions)},if=${randomExpr(rand)}`,
  );
  const at = 1 + Math.floor(rand() * lines.length);
  return [...lines.slice(0, at), line, ...between, line, ...lines.slice(at)].join('\n');
}

/** Runs both compilations side by side on `state`; returns the number of decisions compared. */
function compare(text: string, state: FakeState): number {
  return expectSameDecisions(compileOrError(unlike(text)), compileOrError(text), state);
}

describe('repeated plain lines', () => {
  it('decide as when they are evaluated: 1,500 rotations, each on 2 random states', () => {
    const rand = prng(77);
    let decisions = 0;
    for (let i = 0; i < 1500; i++) {
      const text = withRepeat(rand);
      for (let k = 0; k < 2; k++) decisions += compare(text, randomState(rand));
    }
    expect(decisions).toBeGreaterThan(8000);
  });

  it('a repeat is not asked again but counted; a line after a variable line is asked', () => {
    const s = new FakeState().setReady('cobra_shot');
    let asked = 0;
    const ready = s.actionReady.bind(s);
    s.actionReady = (a, t) => {
      if (a === idOf('actions', 'kill_command')) asked++;
      return ready(a, t);
    };
    /** The first decision of `text` on s: the action, Kill Command's readiness checks, evaluations. */
    const first = (text: string) => {
      asked = 0;
      const r = compileOrError(text) as CompiledRotation;
      r.reset(s);
      return [r.decide(s), asked, r.evaluations];
    };
    const cobra = idOf('actions', 'cobra_shot');
    const repeat =
      'actions=kill_command\nactions+=/barbed_shot\nactions+=/kill_command\nactions+=/cobra_shot';
    expect(first(repeat)).toEqual([cobra, 1, 4]);
    const split =
      'actions=kill_command\nactions+=/variable,name=x,value=1\nactions+=/kill_command\nactions+=/cobra_shot';
    expect(first(split)).toEqual([cobra, 2, 4]);
  });
});
