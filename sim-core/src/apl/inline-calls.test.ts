/**
 * The default list's unconditional calls written out in it (inline-calls.ts): a rotation must
 * decide exactly as the same rotation whose calls are not written out (each call given a
 * condition that is always true but not a constant, `time=time`) — the same actions, targets, waits
 * and evaluation counts.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledRotation } from './context.ts';
import { FakeState, idOf } from './test-support/fake-state.ts';
import { pickOf, prng, randomRotation, randomState, VALID } from './test-support/fuzz-inputs.ts';
import { compileOrError, expectSameDecisions } from './test-support/same-decisions.ts';

/** A random rotation with unconditional calls of `cds` / `aoe` added to its default list. */
function withCalls(rand: () => number): string {
  const lines = randomRotation(rand).split('\n');
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const line = `actions+=/call_action_list,name=${pickOf(rand, ['cds', 'aoe'])}`;
    lines.splice(1 + Math.floor(rand() * lines.length), 0, line);
  }
  return lines.join('\n');
}

/** `text` with every unconditional call of the default list given an always-true condition. */
function notInlined(text: string): string {
  return text.replace(/^(actions\+?=\/?call_action_list,name=[a-z_]+)$/gm, '$1,if=time=time');
}

/** Runs both compilations side by side on `state`; returns the number of decisions compared. */
function compare(text: string, state: FakeState): number {
  return expectSameDecisions(compileOrError(notInlined(text)), compileOrError(text), state);
}

describe('calls written out in the default list', () => {
  it('decide as the calls do: 1,500 rotations, each on 2 random states', () => {
    const rand = prng(41);
    let decisions = 0;
    for (let i = 0; i < 1500; i++) {
      const text = withCalls(rand);
      for (let k = 0; k < 2; k++) decisions += compare(text, randomState(rand));
    }
    expect(decisions).toBeGreaterThan(8000);
  });

  it('the valid corpus decides the same', () => {
    const rand = prng(7);
    for (const text of VALID) for (let k = 0; k < 3; k++) compare(text, randomState(rand));
  });

  it('counts the call line and the called lines, and runs out of budget at the same line', () => {
    const s = new FakeState().setReady('cobra_shot');
    const text = [
      'actions=kill_command',
      'actions+=/call_action_list,name=cds',
      'actions+=/cobra_shot',
      'actions.cds=barbed_shot',
      'actions.cds+=/multishot',
    ].join('\n');
    for (const t of [text, notInlined(text)]) {
      const r = compileOrError(t) as CompiledRotation;
      r.reset(s);
      expect(r.decide(s)).toBe(idOf('actions', 'cobra_shot'));
      // kill_command, the call, barbed_shot, multishot, cobra_shot
      expect(r.evaluations).toBe(5);
    }
  });
});
