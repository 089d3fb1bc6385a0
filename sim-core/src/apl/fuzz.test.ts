import { describe, expect, it } from 'vitest';
import { compileRotation } from './compile.ts';
import { APL_IDLE, APL_WAIT, resolverFromVocabulary } from './context.ts';
import { RotationError } from './errors.ts';
import { parseRotation } from './parser.ts';
import { TEST_VOCABULARY } from './test-support/fake-state.ts';
import { mutate, prng, randomRotation, randomState, randomText, VALID } from './test-support/fuzz-inputs.ts';

const resolver = resolverFromVocabulary(TEST_VOCABULARY);

/** Parses (with and without vocabulary), compiles and runs `text`; fails on anything but a RotationError. */
function exercise(text: string, rand: () => number): 'ok' | 'error' {
  const lines = text.split(/\r\n|\n|\r/);
  let outcome: 'ok' | 'error' = 'ok';
  let problem = '';
  for (const vocabulary of [TEST_VOCABULARY, undefined]) {
    const started = Date.now();
    try {
      const rotation = parseRotation(text, vocabulary);
      const compiled = compileRotation(rotation, resolver);
      for (let k = 0; k < 2; k++) {
        const state = randomState(rand);
        compiled.reset(state);
        for (let d = 0; d < 3; d++) {
          const r = compiled.decide(state);
          const valid =
            r === APL_IDLE ||
            (r === APL_WAIT && compiled.waitSeconds > 0 && compiled.waitSeconds <= 3600) ||
            (Number.isInteger(r) && r >= 0 && r < TEST_VOCABULARY.actions.length);
          if (!valid) throw new Error(`bad decision ${r} for ${JSON.stringify(text)}`);
          if (r >= 0 && !(compiled.target >= 0 && compiled.target < state.enemies)) {
            throw new Error(`bad target ${compiled.target} for ${JSON.stringify(text)}`);
          }
          state.now += 1;
        }
      }
    } catch (e) {
      if (!(e instanceof RotationError)) throw e;
      outcome = 'error';
      const lineText = lines[e.line - 1];
      const inRange =
        Number.isInteger(e.line) &&
        Number.isInteger(e.column) &&
        e.line >= 1 &&
        e.column >= 1 &&
        (lineText === undefined ? e.line === 1 && e.column === 1 : e.column <= lineText.length + 1);
      if (!inRange) problem = `error position ${e.line}:${e.column} for ${JSON.stringify(text)}`;
      else if (!e.message.startsWith(`line ${e.line}, column ${e.column}: `))
        problem = `bad message ${e.message}`;
    }
    if (problem !== '') throw new Error(problem);
    const took = Date.now() - started;
    if (took > 1000) throw new Error(`took ${took} ms for ${JSON.stringify(text).slice(0, 200)}`);
  }
  return outcome;
}

describe('fuzz: only RotationError, positions in range, bounded time', () => {
  it('the valid corpus parses, compiles and runs', () => {
    const rand = prng(1);
    for (const text of VALID) expect(exercise(text, rand)).toBe('ok');
  });

  it('survives 3,000 random token soups', () => {
    const rand = prng(20261127);
    let errors = 0;
    for (let i = 0; i < 3000; i++) if (exercise(randomText(rand), rand) === 'error') errors++;
    expect(errors).toBeGreaterThan(2000);
  });

  it('survives 2,000 mutations of valid rotations', () => {
    const rand = prng(42);
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 2000; i++) outcomes[exercise(mutate(VALID[i % VALID.length]!, rand), rand)]++;
    // Both outcomes must occur often: mutations that stay valid still have to run.
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.error).toBeGreaterThan(100);
  });

  it('runs 800 generated rotations and 800 mutations of them', () => {
    const rand = prng(99);
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 800; i++) {
      const text = randomRotation(rand);
      outcomes[exercise(text, rand)]++;
      outcomes[exercise(mutate(text, rand), rand)]++;
    }
    expect(outcomes.ok).toBeGreaterThan(600);
    expect(outcomes.error).toBeGreaterThan(200);
  });

  it('survives 500 strings of random characters', () => {
    const rand = prng(7);
    for (let i = 0; i < 500; i++) {
      const n = Math.floor(rand() * 200);
      let s = rand() < 0.5 ? 'actions=' : '';
      for (let k = 0; k < n; k++) s += String.fromCharCode(Math.floor(rand() * 0x3000));
      exercise(s, rand);
    }
  });

  it('handles adversarial shapes quickly', () => {
    const rand = prng(3);
    const inputs = [
      'actions=kill_command,if=' + '('.repeat(60000),
      'actions=kill_command,if=' + '!'.repeat(60000) + '1',
      'actions=kill_command,if=' + Array.from({ length: 20000 }, () => '1').join('+'),
      'actions=' + 'kill_command/'.repeat(5000),
      'actions=kill_command\n'.repeat(499),
      '\n'.repeat(600),
      'a'.repeat(65536),
      'actions=call_action_list,name=default',
      'actions=run_action_list,name=default',
      'actions.a=call_action_list,name=b\nactions.b=call_action_list,name=a\nactions=call_action_list,name=a',
      'actions=' + 'x'.repeat(30000) + ',if=1',
      'actions=kill_command,if=' + 'buff.'.repeat(10000) + 'up',
    ];
    for (const text of inputs) exercise(text, rand);
  });
});
