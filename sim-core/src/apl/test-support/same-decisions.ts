/**
 * Two compilations of a rotation side by side (the rewrites' tests: folding, calls written out,
 * repeated lines left out): compile or report a rotation error, and compare their decisions.
 */
import { expect } from 'vitest';
import { compileRotation } from '../compile.ts';
import { resolverFromVocabulary, type AplResolver, type CompiledRotation } from '../context.ts';
import { RotationError } from '../errors.ts';
import { parseRotation } from '../parser.ts';
import { type FakeState, TEST_VOCABULARY } from './fake-state.ts';

/** The test vocabulary's names, no folding (the rewrites' tests' plain resolver). */
export const TEST_NAMES: AplResolver = resolverFromVocabulary(TEST_VOCABULARY);

/** `text` compiled with `resolver` (the test vocabulary's names by default), or 'error' when it is not a valid rotation. */
export function compileOrError(text: string, resolver: AplResolver = TEST_NAMES): CompiledRotation | 'error' {
  try {
    return compileRotation(parseRotation(text, TEST_VOCABULARY), resolver);
  } catch (e) {
    if (e instanceof RotationError) return 'error';
    throw e;
  }
}

/**
 * `b` must reject what `a` rejects and otherwise decide as `a` does on `state` four times, 2 s
 * apart (the same even/odd time: a resolver may fix things on odd times only): the same actions,
 * targets, waits and evaluation counts. Returns the number of decisions compared.
 */
export function expectSameDecisions(
  a: CompiledRotation | 'error',
  b: CompiledRotation | 'error',
  state: FakeState,
): number {
  expect(b === 'error').toBe(a === 'error');
  if (a === 'error' || b === 'error') return 0;
  a.reset(state);
  b.reset(state);
  for (let d = 0; d < 4; d++) {
    const r = a.decide(state);
    expect(b.decide(state)).toBe(r);
    expect([b.target, b.waitSeconds, b.evaluations]).toEqual([a.target, a.waitSeconds, a.evaluations]);
    state.now += 2;
  }
  return 4;
}
