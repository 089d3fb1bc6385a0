import { describe, expect, it } from 'vitest';
import { compileExpr, NEVER_SECONDS, type Env } from './compile-expr.ts';
import { resolverFromVocabulary } from './context.ts';
import { RotationError } from './errors.ts';
import { parseExpression } from './expression.ts';
import { FakeState, idOf, TEST_VOCABULARY } from './test-support/fake-state.ts';

function evaluate(text: string, state: FakeState = new FakeState(), target = 0): number {
  const env: Env = { target, vars: new Float64Array(0), lastAction: -1 };
  const fn = compileExpr(parseExpression(text, 1, 1, TEST_VOCABULARY), {
    env,
    resolver: resolverFromVocabulary(TEST_VOCABULARY),
    variables: new Map(),
  });
  return fn(state);
}

function errorOf(text: string): RotationError {
  try {
    parseExpression(text, 7, 11, TEST_VOCABULARY);
  } catch (e) {
    if (e instanceof RotationError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('operators', () => {
  it.each([
    ['1+2', 3],
    ['7-10', -3],
    ['3*4', 12],
    ['7%2', 3.5],
    ['7%0', 0],
    ['7%%4', 3],
    ['7%%0', 0],
    // as in SimulationCraft: `<?` is the maximum, `>?` the minimum
    ['3<?5', 5],
    ['3>?5', 3],
    ['5<?3', 5],
    ['5>?3', 3],
    ['2=2', 1],
    ['2==3', 0],
    ['2!=3', 1],
    ['2<3', 1],
    ['3<3', 0],
    ['3<=3', 1],
    ['4>3', 1],
    ['3>=4', 0],
    ['1&0', 0],
    ['2&3', 1],
    ['1&&1', 1],
    ['0|0', 0],
    ['0|5', 1],
    ['0||1', 1],
    ['1^1', 0],
    ['1^0', 1],
    ['!0', 1],
    ['!7', 0],
    ['-4+1', -3],
    ['+4', 4],
    ['--4', 4],
    ['.5*4', 2],
    ['1.25+0.75', 2],
  ])('%s = %d', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it.each([
    ['2+3*4', 14],
    ['(2+3)*4', 20],
    ['10-4-3', 3],
    ['16%4%2', 2],
    ['1+2<?10', 10],
    ['2*3>?5+2', 6],
    ['1+1=2', 1],
    ['3<?4=4', 1],
    ['1|0&0', 1],
    ['(1|0)&0', 0],
    ['1^1|1', 1],
    ['1|1^1', 1],
    ['!0&0', 0],
    ['!(0&0)', 1],
    ['-2*3', -6],
    ['2 + 3 * 4', 14],
  ])('precedence: %s = %d', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });
});

describe('properties read the state', () => {
  it('reads buffs, pet buffs and their up/down/remains/stack/react', () => {
    const s = new FakeState();
    s.buffs.set(idOf('buffs', 'bestial_wrath'), { remains: 4.5, stack: 2 });
    s.petBuffs.set(idOf('petBuffs', 'frenzy'), { remains: 1.25, stack: 3 });
    expect(evaluate('buff.bestial_wrath.up', s)).toBe(1);
    expect(evaluate('buff.bestial_wrath.down', s)).toBe(0);
    expect(evaluate('buff.bestial_wrath.remains', s)).toBe(4.5);
    expect(evaluate('buff.bestial_wrath.stack', s)).toBe(2);
    expect(evaluate('buff.bestial_wrath.react', s)).toBe(2);
    expect(evaluate('buff.beast_cleave.up', s)).toBe(0);
    expect(evaluate('buff.beast_cleave.down', s)).toBe(1);
    expect(evaluate('pet.main.buff.frenzy.remains', s)).toBe(1.25);
    expect(evaluate('pet.main.buff.frenzy.stack', s)).toBe(3);
    expect(evaluate('pet.main.buff.frenzy.up', s)).toBe(1);
    expect(evaluate('pet.main.buff.beast_cleave.down', s)).toBe(1);
  });

  it('reads debuffs and dots on the evaluation target', () => {
    const s = new FakeState();
    s.debuffs.set(`${idOf('debuffs', 'hunters_mark')}@1`, { remains: 9, stack: 1 });
    s.dots.set(`${idOf('dots', 'barbed_shot')}@0`, { remains: 3, stack: 2, refreshable: 0 });
    expect(evaluate('debuff.hunters_mark.up', s, 0)).toBe(0);
    expect(evaluate('debuff.hunters_mark.up', s, 1)).toBe(1);
    expect(evaluate('debuff.hunters_mark.remains', s, 1)).toBe(9);
    expect(evaluate('debuff.hunters_mark.stack', s, 1)).toBe(1);
    expect(evaluate('debuff.hunters_mark.down', s, 0)).toBe(1);
    expect(evaluate('dot.barbed_shot.ticking', s)).toBe(1);
    expect(evaluate('dot.barbed_shot.up', s)).toBe(1);
    expect(evaluate('dot.barbed_shot.down', s)).toBe(0);
    expect(evaluate('dot.barbed_shot.remains', s)).toBe(3);
    expect(evaluate('dot.barbed_shot.stack', s)).toBe(2);
    expect(evaluate('dot.barbed_shot.refreshable', s)).toBe(0);
    expect(evaluate('dot.barbed_shot.ticking', s, 1)).toBe(0);
    expect(evaluate('dot.barbed_shot.refreshable', s, 1)).toBe(1);
    s.healthPct = [80, 15];
    expect(evaluate('target.health.pct', s, 1)).toBe(15);
    expect(evaluate('target.health.pct<20', s, 0)).toBe(0);
  });

  it('combines up / down / ready flags with & | ! by their truth, on either side', () => {
    // flags read in the & / | closure itself (compile-expr.ts withFlag), a right-hand flag swapped
    // to the left: every combination against the two sides evaluated alone
    const flags = [
      'buff.bestial_wrath.up',
      'buff.bestial_wrath.down',
      'pet.main.buff.frenzy.up',
      'pet.main.buff.frenzy.down',
      'debuff.hunters_mark.up',
      'debuff.hunters_mark.down',
      'dot.barbed_shot.ticking',
      'dot.barbed_shot.down',
      'cooldown.kill_command.ready',
      'cooldown.kill_command.up',
      'cooldown.kill_command.down',
    ];
    const others = ['focus>50', 'focus', 'buff.precise_shots.up'];
    for (const up of [false, true])
      for (const target of [0, 1])
        for (const focus of [0, 40, 80]) {
          const s = new FakeState();
          s.focusNow = focus;
          s.buffs.set(idOf('buffs', 'precise_shots'), { remains: focus > 50 ? 0 : 3, stack: 1 });
          if (up) {
            s.buffs.set(idOf('buffs', 'bestial_wrath'), { remains: 5, stack: 1 });
            s.petBuffs.set(idOf('petBuffs', 'frenzy'), { remains: 5, stack: 2 });
            s.debuffs.set(`${idOf('debuffs', 'hunters_mark')}@${target}`, { remains: 5, stack: 1 });
            s.dots.set(`${idOf('dots', 'barbed_shot')}@${target}`, { remains: 5, stack: 1, refreshable: 0 });
            s.cooldowns.set(idOf('cooldowns', 'kill_command'), {
              remains: 2,
              charges: 0,
              fractional: 0.5,
              full: 2,
            });
          }
          for (const f of flags) {
            const x = evaluate(f, s, target);
            expect(x === 0 || x === 1).toBe(true);
            expect(evaluate(`!${f}`, s, target)).toBe(1 - x);
            for (const o of others) {
              for (const [l, r] of [
                [f, o],
                [o, f],
                [`!${f}`, o],
                [o, `!${f}`],
              ] as const) {
                const lv = evaluate(l, s, target) !== 0;
                const rv = evaluate(r, s, target) !== 0;
                expect(evaluate(`${l}&${r}`, s, target)).toBe(lv && rv ? 1 : 0);
                expect(evaluate(`${l}|${r}`, s, target)).toBe(lv || rv ? 1 : 0);
              }
              expect(evaluate(`${f}&${f}`, s, target)).toBe(x);
            }
          }
        }
  });

  it('compares getters with constants and expressions on either side', () => {
    // comparisons that read a leaf's getter themselves (leaf-compare.ts), a right-hand leaf read
    // first with the comparison mirrored: every operator against the two sides evaluated alone
    const s = new FakeState();
    s.focusNow = 65;
    s.gcdDuration = 1.5;
    s.remaining = 16;
    s.buffs.set(idOf('buffs', 'bestial_wrath'), { remains: 1.5, stack: 3 });
    s.petBuffs.set(idOf('petBuffs', 'frenzy'), { remains: 1.75, stack: 2 });
    s.debuffs.set(`${idOf('debuffs', 'hunters_mark')}@1`, { remains: 3, stack: 1 });
    s.cooldowns.set(idOf('cooldowns', 'kill_command'), {
      remains: 1.5,
      charges: 1,
      fractional: 1.5,
      full: 6,
    });
    const leaves = [
      'buff.bestial_wrath.remains',
      'buff.bestial_wrath.stack',
      'pet.main.buff.frenzy.remains',
      'pet.main.buff.frenzy.stack',
      'debuff.hunters_mark.remains',
      'cooldown.kill_command.remains',
      'cooldown.kill_command.charges_fractional',
      'cooldown.kill_command.full_recharge_time',
      'focus',
      'gcd',
      'fight_remains',
    ];
    const others = ['0', '1.5', '2', '3', '6', '16', '65', 'gcd', 'gcd+0.25', 'focus%40'];
    for (const target of [0, 1])
      for (const l of leaves)
        for (const o of others) {
          const x = evaluate(l, s, target);
          const y = evaluate(o, s, target);
          for (const [op, v] of [
            ['=', x === y],
            ['!=', x !== y],
            ['<', x < y],
            ['<=', x <= y],
            ['>', x > y],
            ['>=', x >= y],
          ] as const) {
            expect(evaluate(`${l}${op}${o}`, s, target)).toBe(v ? 1 : 0);
            // the same comparison written the other way round
            const mirrored = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' }[op];
            expect(evaluate(`${o}${mirrored}${l}`, s, target)).toBe(v ? 1 : 0);
          }
        }
  });

  it('reads cooldowns', () => {
    const s = new FakeState();
    s.cooldowns.set(idOf('cooldowns', 'barbed_shot'), { remains: 2, charges: 0, fractional: 0.6, full: 14 });
    expect(evaluate('cooldown.barbed_shot.ready', s)).toBe(0);
    expect(evaluate('cooldown.barbed_shot.up', s)).toBe(0);
    expect(evaluate('cooldown.barbed_shot.down', s)).toBe(1);
    expect(evaluate('cooldown.barbed_shot.remains', s)).toBe(2);
    expect(evaluate('cooldown.barbed_shot.charges', s)).toBe(0);
    expect(evaluate('cooldown.barbed_shot.charges_fractional', s)).toBe(0.6);
    expect(evaluate('cooldown.barbed_shot.full_recharge_time', s)).toBe(14);
    expect(evaluate('cooldown.kill_command.ready', s)).toBe(1);
  });

  it('reads focus and its derived values', () => {
    const s = new FakeState();
    s.focusNow = 40;
    s.focusCap = 120;
    s.regen = 8;
    expect(evaluate('focus', s)).toBe(40);
    expect(evaluate('focus.deficit', s)).toBe(80);
    expect(evaluate('focus.time_to_max', s)).toBe(10);
    expect(evaluate('focus.max', s)).toBe(120);
    expect(evaluate('focus.regen', s)).toBe(8);
    expect(evaluate('focus.pct', s)).toBeCloseTo(33.333333, 5);
    s.regen = 0;
    expect(evaluate('focus.time_to_max', s)).toBe(NEVER_SECONDS);
    s.focusNow = 120;
    expect(evaluate('focus.time_to_max', s)).toBe(0);
  });

  it('reads time, gcd, fight and target values', () => {
    const s = new FakeState();
    s.now = 12.5;
    s.remaining = 88;
    s.enemies = 3;
    s.gcdDuration = 1.3;
    s.gcdLeft = 0.4;
    expect(evaluate('time', s)).toBe(12.5);
    expect(evaluate('fight_remains', s)).toBe(88);
    expect(evaluate('target.time_to_die', s)).toBe(88);
    expect(evaluate('active_enemies', s)).toBe(3);
    expect(evaluate('spell_targets', s)).toBe(3);
    expect(evaluate('spell_targets.multishot', s)).toBe(3);
    expect(evaluate('gcd', s)).toBe(1.3);
    expect(evaluate('gcd.max', s)).toBe(1.3);
    expect(evaluate('gcd.remains', s)).toBe(0.4);
  });

  it('reads talents, previous GCDs and action properties', () => {
    const s = new FakeState();
    s.talents.add(idOf('talents', 'killer_instinct'));
    s.history = [idOf('actions', 'cobra_shot'), idOf('actions', 'kill_command')];
    s.casts.set(idOf('actions', 'aimed_shot'), 2.2);
    s.costs.set(idOf('actions', 'aimed_shot'), 35);
    s.ready.add(`${idOf('actions', 'aimed_shot')}@1`);
    expect(evaluate('talent.killer_instinct', s)).toBe(1);
    expect(evaluate('talent.killer_instinct.enabled', s)).toBe(1);
    expect(evaluate('talent.killer_instinct.rank', s)).toBe(1);
    expect(evaluate('talent.dire_beast.enabled', s)).toBe(0);
    expect(evaluate('talent.dire_beast.rank', s)).toBe(0);
    expect(evaluate('!talent.dire_beast', s)).toBe(1);
    s.talentRanks.set(idOf('talents', 'killer_instinct'), 2);
    expect(evaluate('talent.killer_instinct.rank', s)).toBe(2);
    expect(evaluate('talent.killer_instinct', s)).toBe(1);
    expect(evaluate('prev_gcd.1.kill_command', s)).toBe(1);
    expect(evaluate('prev_gcd.2.cobra_shot', s)).toBe(1);
    expect(evaluate('prev_gcd.1.cobra_shot', s)).toBe(0);
    expect(evaluate('prev_gcd.3.cobra_shot', s)).toBe(0);
    expect(evaluate('action.aimed_shot.cast_time', s)).toBe(2.2);
    expect(evaluate('action.aimed_shot.execute_time', s)).toBe(2.2);
    expect(evaluate('action.kill_command.execute_time', s)).toBe(1.5);
    expect(evaluate('action.aimed_shot.cost', s)).toBe(35);
    expect(evaluate('action.aimed_shot.ready', s, 0)).toBe(0);
    expect(evaluate('action.aimed_shot.ready', s, 1)).toBe(1);
  });

  it('combines properties in realistic conditions', () => {
    const s = new FakeState();
    s.petBuffs.set(idOf('petBuffs', 'frenzy'), { remains: 1.6, stack: 3 });
    s.cooldowns.set(idOf('cooldowns', 'barbed_shot'), { remains: 0, charges: 1, fractional: 1.9, full: 1 });
    expect(
      evaluate(
        'pet.main.buff.frenzy.up&pet.main.buff.frenzy.remains<=gcd+0.25|cooldown.barbed_shot.charges_fractional>=1.8',
        s,
      ),
    ).toBe(1);
    s.focusNow = 30;
    expect(evaluate('focus+focus.regen*gcd<50', s)).toBe(1);
  });
});

describe('expression errors carry line and column', () => {
  it.each([
    ['', 11, /empty expression/],
    ['1+', 13, /ends too early/],
    ['(1+2', 15, /missing '\)'/],
    ['1+2)', 14, /unexpected '\)'/],
    ['(1 2)', 14, /expected '\)' but found '2'/],
    ['1 2', 13, /unexpected '2'/],
    ['focus#2', 16, /unexpected character '#'/],
    ['1.2.3', 11, /invalid number/],
    ['12abc', 11, /invalid number/],
    ['buff.nope.up', 16, /unknown buff 'nope'/],
    ['buff.bestial_wrath.upp', 30, /unknown property/],
    ['buff.bestial_wrath', 16, /unknown property/],
    ['buff', 15, /needs a name/],
    ['bogus.thing', 11, /unknown property 'bogus.thing'/],
    ['focus.nope', 11, /unknown property 'focus.nope'/],
    ['pet.cat.buff.frenzy.up', 15, /unknown pet/],
    ['pet.main.debuff.frenzy.up', 20, /only pet.main.buff/],
    ['prev_gcd.4.kill_command', 20, /prev_gcd needs a number 1..3/],
    ['prev_gcd.x.kill_command', 20, /prev_gcd needs a number/],
    ['prev_gcd.1.nope', 22, /unknown action 'nope'/],
    ['talent.nope', 18, /unknown talent 'nope'/],
    ['dot.nope.ticking', 15, /unknown dot 'nope'/],
    ['debuff.nope.up', 18, /unknown debuff 'nope'/],
    ['cooldown.nope.ready', 20, /unknown cooldown 'nope'/],
    ['pet.main.buff.nope.up', 25, /unknown pet buff 'nope'/],
    ['action.nope.cast_time', 18, /unknown action 'nope'/],
    ['spell_targets.nope', 25, /unknown action 'nope'/],
    ['1+*2', 13, /unexpected '\*'/],
    ['(', 12, /ends too early/],
  ])('%j → column %d', (text, column, message) => {
    const e = errorOf(text);
    expect(e.line).toBe(7);
    expect(e.column).toBe(column);
    expect(e.message).toMatch(message);
  });

  it('bounds nesting depth and length', () => {
    expect(evaluate('('.repeat(31) + '1' + ')'.repeat(31))).toBe(1);
    expect(errorOf('('.repeat(40) + '1' + ')'.repeat(40)).message).toMatch(/nested deeper than 32/);
    expect(errorOf('!'.repeat(33) + '1').column).toBe(11 + 32);
    expect(errorOf(Array.from({ length: 300 }, () => '1').join('+')).message).toMatch(
      /longer than 512 tokens/,
    );
  });

  it('names vocabulary problems only when a vocabulary is given', () => {
    expect(parseExpression('buff.anything.up', 1, 1)).toMatchObject({
      kind: 'named',
      name: 'anything',
      field: 'up',
    });
    expect(() => parseExpression('buff.anything.nope', 1, 1)).toThrow(RotationError);
  });
});
