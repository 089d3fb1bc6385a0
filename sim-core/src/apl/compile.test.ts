import { describe, expect, it } from 'vitest';
import { compileRotation } from './compile.ts';
import { APL_IDLE, APL_WAIT, resolverFromVocabulary, type CompiledRotation } from './context.ts';
import { APL_LIMITS, RotationError } from './errors.ts';
import { parseRotation } from './parser.ts';
import { FakeState, idOf, TEST_VOCABULARY } from './test-support/fake-state.ts';

const resolver = resolverFromVocabulary(TEST_VOCABULARY);
const A = (name: string): number => idOf('actions', name);

function compile(text: string, state?: FakeState): CompiledRotation {
  const c = compileRotation(parseRotation(text, TEST_VOCABULARY), resolver);
  c.reset(state ?? new FakeState());
  return c;
}

/** The value of variable r after one decision of `lines`, read through a condition (public API only). */
function variableIs(lines: string[], value: number): boolean {
  const s = new FakeState().setReady('kill_command', 'cobra_shot');
  const c = compile(
    [...lines, `actions+=/kill_command,if=variable.r=${value}`, 'actions+=/cobra_shot'].join('\n'),
    s,
  );
  return c.decide(s) === A('kill_command');
}

describe('priority order and conditions', () => {
  it('returns the first ready action whose condition holds', () => {
    const s = new FakeState().setReady('cobra_shot', 'barbed_shot');
    const c = compile(
      'actions=kill_command\nactions+=/barbed_shot,if=focus<50\nactions+=/cobra_shot\nactions+=/barbed_shot',
      s,
    );
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.focusNow = 20;
    expect(c.decide(s)).toBe(A('barbed_shot'));
    s.setReady('kill_command');
    expect(c.decide(s)).toBe(A('kill_command'));
    expect(c.target).toBe(0);
  });

  it('is idle when nothing is ready and for an empty list', () => {
    const s = new FakeState();
    expect(compile('actions=kill_command,if=1', s).decide(s)).toBe(APL_IDLE);
    expect(compile('actions=', s).decide(s)).toBe(APL_IDLE);
  });
});

describe('variables', () => {
  it.each([
    [['actions=variable,name=r,value=3'], 3],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=add,value=2'], 5],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=sub,value=5'], -2],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=mul,value=4'], 12],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=div,value=2'], 1.5],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=div,value=0'], 0],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=min,value=1'], 1],
    [['actions=variable,name=r,value=3', 'actions+=/variable,name=r,op=max,value=7'], 7],
    [['actions=variable,name=r,value=3.7', 'actions+=/variable,name=r,op=floor'], 3],
    [['actions=variable,name=r,value=3.2', 'actions+=/variable,name=r,op=ceil'], 4],
    [['actions=variable,name=r,value=3,default=9', 'actions+=/variable,name=r,op=reset'], 9],
    [['actions=variable,name=r,op=setif,condition=focus>50,value=1,value_else=2'], 1],
    [['actions=variable,name=r,op=setif,condition=focus>500,value=1,value_else=2'], 2],
    [['actions=variable,name=r,op=setif,condition=focus>500,value=1'], 0],
    [['actions=variable,name=r,value=3,if=focus>500'], 0],
    [['actions=variable,name=r,value=4,default=6,if=focus>500'], 6],
    [['actions=variable,name=r,value=focus%4+1'], 26],
  ])('%j → %d', (lines, expected) => {
    expect(variableIs(lines, expected)).toBe(true);
    expect(variableIs(lines, expected + 0.5)).toBe(false);
  });

  it('conditions read variables set earlier in the same decision', () => {
    const s = new FakeState().setReady('kill_command', 'cobra_shot');
    const c = compile(
      'actions=variable,name=burst,value=buff.bestial_wrath.up&focus>50\n' +
        'actions+=/kill_command,if=variable.burst\nactions+=/cobra_shot',
      s,
    );
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.buffs.set(idOf('buffs', 'bestial_wrath'), { remains: 10, stack: 1 });
    expect(c.decide(s)).toBe(A('kill_command'));
  });

  it('keeps values between decisions, and reset() restores defaults and runs precombat variables', () => {
    const s = new FakeState().setReady('kill_command', 'cobra_shot');
    const c = compile(
      'actions.precombat=variable,name=n,value=2\nactions.precombat+=/kill_command\n' +
        'actions=variable,name=n,op=add,value=1\nactions+=/kill_command,if=variable.n>=5\nactions+=/cobra_shot',
      s,
    );
    expect(c.decide(s)).toBe(A('cobra_shot')); // n = 3
    expect(c.decide(s)).toBe(A('cobra_shot')); // n = 4
    expect(c.decide(s)).toBe(A('kill_command')); // n = 5
    c.reset(s);
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });
});

describe('action lists', () => {
  const text =
    'actions=call_action_list,name=cds,if=focus>50\nactions+=/run_action_list,name=aoe,if=active_enemies>2\n' +
    'actions+=/cobra_shot\nactions.cds=bestial_wrath\nactions.aoe=multishot\nactions.aoe+=/barbed_shot';

  it('call_action_list falls through when the called list finds nothing', () => {
    const s = new FakeState().setReady('cobra_shot', 'bestial_wrath');
    const c = compile(text, s);
    expect(c.decide(s)).toBe(A('bestial_wrath'));
    s.focusNow = 10;
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.readyEverywhere.delete(A('bestial_wrath'));
    s.focusNow = 100;
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });

  it('run_action_list never returns to the caller', () => {
    const s = new FakeState().setReady('cobra_shot');
    s.focusNow = 10;
    s.enemies = 3;
    const c = compile(text, s);
    expect(c.decide(s)).toBe(APL_IDLE);
    s.setReady('barbed_shot');
    expect(c.decide(s)).toBe(A('barbed_shot'));
    s.setReady('multishot');
    expect(c.decide(s)).toBe(A('multishot'));
  });

  it('bounds recursive lists: deep calls are skipped deterministically', () => {
    const s = new FakeState().setReady('cobra_shot');
    const c = compile(
      'actions=call_action_list,name=loop\nactions+=/cobra_shot\nactions.loop=call_action_list,name=loop',
      s,
    );
    expect(c.decide(s)).toBe(A('cobra_shot'));
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });

  it('gives up with APL_IDLE after the evaluation budget, the same way every time', () => {
    const s = new FakeState().setReady('cobra_shot');
    const fan = Array.from({ length: 40 }, () => 'call_action_list,name=b').join('/');
    const c = compile(
      `actions=call_action_list,name=a\nactions+=/cobra_shot\nactions.a=${fan}\nactions.b=${fan}`,
      s,
    );
    s.calls = 0;
    expect(c.decide(s)).toBe(APL_IDLE);
    const calls = s.calls;
    expect(c.decide(s)).toBe(APL_IDLE);
    expect(s.calls).toBe(2 * calls);
    expect(calls).toBeLessThanOrEqual(APL_LIMITS.maxEvaluationsPerDecision * 2);
  });
});

describe('actions the state never knows', () => {
  /** A FakeState that tells the rotation which actions it never knows (AplState.actionKnown). */
  class KnowingState extends FakeState {
    unknown = new Set<number>();
    actionKnown(action: number): boolean {
      return !this.unknown.has(action);
    }
  }

  /** Decisions and evaluation counts of `text` on a state that tells what it never knows and one that does not. */
  function both(text: string, ready: string[], unknown: string[]): [number[], number[]] {
    const runs = [new KnowingState(), new FakeState()].map((s) => {
      s.setReady(...ready);
      if (s instanceof KnowingState) for (const n of unknown) s.unknown.add(A(n));
      const c = compile(text, s);
      const out: number[] = [];
      for (let i = 0; i < 3; i++) {
        out.push(c.decide(s), c.evaluations);
        s.focusNow -= 40;
      }
      return out;
    });
    return [runs[0]!, runs[1]!];
  }

  it('decides the same and counts every line, left-out ones included', () => {
    const text = [
      'actions=multishot',
      'actions+=/call_action_list,name=cds',
      'actions+=/aimed_shot,if=focus>50',
      'actions+=/barbed_shot,if=focus>50',
      'actions+=/cobra_shot',
      'actions+=/multishot',
      'actions.cds=aimed_shot',
      'actions.cds+=/multishot',
    ].join('\n');
    const [known, plain] = both(text, ['barbed_shot', 'cobra_shot'], ['multishot', 'aimed_shot']);
    expect(known).toEqual(plain);
    expect(known[0]).toBe(A('barbed_shot'));
    expect(known[1]).toBe(6);
  });

  it('runs out of the evaluation budget at the same line', () => {
    const fan = (name: string, n: number) => Array.from({ length: n }, () => name).join('/');
    const text = [
      'actions=call_action_list,name=a',
      'actions+=/cobra_shot',
      `actions.a=${fan('call_action_list,name=b', 40)}`,
      `actions.b=${fan('multishot', 7)}/barbed_shot,if=focus<0/${fan('aimed_shot', 22)}`,
    ].join('\n');
    const [known, plain] = both(text, ['cobra_shot', 'barbed_shot'], ['multishot', 'aimed_shot']);
    expect(known).toEqual(plain);
    expect(known[0]).toBe(APL_IDLE);
    expect(known[1]).toBe(APL_LIMITS.maxEvaluationsPerDecision + 1);
  });
});

describe('wait, line_cd, pool_resource and target_if', () => {
  it('wait returns APL_WAIT with the seconds of sec=, skipped when not positive', () => {
    const s = new FakeState().setReady('cobra_shot');
    s.cooldowns.set(idOf('cooldowns', 'kill_command'), {
      remains: 0.4,
      charges: 0,
      fractional: 0.8,
      full: 0.4,
    });
    const c = compile(
      'actions=wait,sec=cooldown.kill_command.remains,if=cooldown.kill_command.remains<0.5\nactions+=/cobra_shot',
      s,
    );
    expect(c.decide(s)).toBe(APL_WAIT);
    expect(c.waitSeconds).toBe(0.4);
    s.cooldowns.set(idOf('cooldowns', 'kill_command'), { remains: 0, charges: 1, fractional: 1, full: 0 });
    expect(c.decide(s)).toBe(A('cobra_shot'));
    expect(c.waitSeconds).toBe(0);
    expect(compile('actions=wait', s).decide(s)).toBe(APL_WAIT);
    const long = compile('actions=wait,sec=99999', s);
    expect(long.decide(s)).toBe(APL_WAIT);
    expect(long.waitSeconds).toBe(APL_LIMITS.maxWaitSeconds);
  });

  it('line_cd keeps a line from firing again before its time', () => {
    const s = new FakeState().setReady('barbed_shot', 'cobra_shot');
    const c = compile('actions=barbed_shot,line_cd=5\nactions+=/cobra_shot', s);
    expect(c.decide(s)).toBe(A('barbed_shot'));
    s.now = 4.9;
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.now = 5;
    expect(c.decide(s)).toBe(A('barbed_shot'));
    c.reset(s);
    expect(c.decide(s)).toBe(A('barbed_shot'));
  });

  it('pool_resource waits for the focus the next action needs', () => {
    const s = new FakeState().setReady('cobra_shot');
    s.costs.set(A('kill_command'), 30);
    s.focusNow = 10;
    s.regen = 10;
    const c = compile('actions=pool_resource,if=focus<100\nactions+=/kill_command\nactions+=/cobra_shot', s);
    expect(c.decide(s)).toBe(APL_WAIT);
    expect(c.waitSeconds).toBe(2);
    s.focusNow = 40; // affordable but not ready (cooldown): no pooling
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.focusNow = 10;
    s.cooldowns.set(idOf('cooldowns', 'kill_command'), { remains: 5, charges: 0, fractional: 0, full: 5 });
    expect(c.decide(s)).toBe(A('cobra_shot')); // cooldown longer than the pooling time
    s.cooldowns.clear();
    s.regen = 0;
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.regen = 10;
    s.setReady('kill_command');
    expect(c.decide(s)).toBe(A('kill_command'));
    const extra = compile(
      'actions=pool_resource,extra_amount=20\nactions+=/kill_command\nactions+=/cobra_shot',
      s,
    );
    s.readyEverywhere.delete(A('kill_command'));
    expect(extra.decide(s)).toBe(APL_WAIT);
    expect(extra.waitSeconds).toBe(4);
  });

  it('pool_resource,wait= waits while its condition holds', () => {
    const s = new FakeState().setReady('cobra_shot');
    s.focusNow = 20;
    const c = compile('actions=pool_resource,wait=0.5,if=focus<30\nactions+=/cobra_shot', s);
    expect(c.decide(s)).toBe(APL_WAIT);
    expect(c.waitSeconds).toBe(0.5);
    s.focusNow = 30;
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });

  it('target_if picks the target by min, max or first, then checks if= on it', () => {
    const s = new FakeState();
    s.enemies = 3;
    const dot = idOf('dots', 'barbed_shot');
    s.dots.set(`${dot}@0`, { remains: 6, stack: 1, refreshable: 0 });
    s.dots.set(`${dot}@1`, { remains: 1, stack: 1, refreshable: 1 });
    s.dots.set(`${dot}@2`, { remains: 8, stack: 1, refreshable: 0 });
    s.setReady('barbed_shot', 'cobra_shot');
    const min = compile('actions=barbed_shot,target_if=min:dot.barbed_shot.remains\nactions+=/cobra_shot', s);
    expect(min.decide(s)).toBe(A('barbed_shot'));
    expect(min.target).toBe(1);
    const max = compile('actions=barbed_shot,target_if=max:dot.barbed_shot.remains', s);
    expect(max.decide(s)).toBe(A('barbed_shot'));
    expect(max.target).toBe(2);
    const first = compile('actions=barbed_shot,target_if=dot.barbed_shot.remains>5', s);
    expect(first.decide(s)).toBe(A('barbed_shot'));
    expect(first.target).toBe(0);
    const cond = compile(
      'actions=barbed_shot,target_if=min:dot.barbed_shot.remains,if=dot.barbed_shot.refreshable\nactions+=/cobra_shot',
      s,
    );
    expect(cond.decide(s)).toBe(A('barbed_shot'));
    expect(cond.target).toBe(1);
    s.dots.set(`${dot}@1`, { remains: 3, stack: 1, refreshable: 0 });
    expect(cond.decide(s)).toBe(A('cobra_shot'));
    expect(cond.target).toBe(0);
    const none = compile(
      'actions=barbed_shot,target_if=first:dot.barbed_shot.remains>50\nactions+=/cobra_shot',
      s,
    );
    expect(none.decide(s)).toBe(A('cobra_shot'));
    s.readyEverywhere.clear();
    s.ready.add(`${A('barbed_shot')}@0`);
    expect(min.decide(s)).toBe(APL_IDLE); // the chosen target (1) is not in range
  });
});

describe('documented details', () => {
  it('actions.default is the default list', () => {
    const s = new FakeState().setReady('cobra_shot', 'kill_command');
    const c = compile('actions=kill_command,if=focus>500\nactions.default+=/cobra_shot', s);
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });

  it('housekeeping names are actions when the spec knows them', () => {
    const vocabulary = { ...TEST_VOCABULARY, actions: [...TEST_VOCABULARY.actions, 'food'] };
    const rotation = parseRotation('actions=food', vocabulary);
    expect(rotation.lists[0]!.actions).toMatchObject([{ type: 'spell', name: 'food' }]);
    expect(parseRotation('actions=food', TEST_VOCABULARY).lists[0]!.actions).toEqual([]);
  });

  it('pool_resource,wait=,extra_amount= waits only while focus is below the amount', () => {
    const s = new FakeState().setReady('cobra_shot');
    const c = compile('actions=pool_resource,wait=0.25,extra_amount=50\nactions+=/cobra_shot', s);
    s.focusNow = 49;
    expect(c.decide(s)).toBe(APL_WAIT);
    expect(c.waitSeconds).toBe(0.25);
    s.focusNow = 50;
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });

  it('target_if looks at no more than 32 enemies', () => {
    const s = new FakeState().setReady('multishot');
    s.enemies = 40;
    s.healthPct = Array.from({ length: 40 }, (_, i) => i);
    const c = compile('actions=multishot,target_if=max:target.health.pct', s);
    expect(c.decide(s)).toBe(A('multishot'));
    expect(c.target).toBe(APL_LIMITS.maxTargets - 1);
  });

  it('a variable takes the first default= given for it', () => {
    const s = new FakeState().setReady('kill_command', 'cobra_shot');
    const c = compile(
      'actions=variable,name=v,value=1,default=4,if=0\nactions+=/variable,name=v,op=reset,if=0\n' +
        'actions+=/variable,name=v,value=2,default=7,if=0\nactions+=/kill_command,if=variable.v=4\nactions+=/cobra_shot',
      s,
    );
    expect(c.decide(s)).toBe(A('kill_command'));
  });
});

describe('the example of docs/rotation-language.md', () => {
  it('parses and plays a short single-target sequence', () => {
    const text = [
      '# Beast Mastery, single target (comments start with #)',
      'actions.precombat=variable,name=pool_for_bw,value=1',
      'actions=call_action_list,name=cds',
      'actions+=/barbed_shot,if=pet.main.buff.frenzy.up&pet.main.buff.frenzy.remains<=gcd+0.25|cooldown.barbed_shot.charges_fractional>=1.8',
      'actions+=/kill_command',
      'actions+=/cobra_shot,if=focus.time_to_max<gcd*2|focus-action.cobra_shot.cost>=cooldown.kill_command.remains*focus.regen+30',
      'actions.cds=bestial_wrath,if=!buff.bestial_wrath.up',
    ].join('\n');
    const s = new FakeState().setReady('bestial_wrath', 'barbed_shot', 'cobra_shot');
    const c = compile(text, s);
    expect(c.decide(s)).toBe(A('bestial_wrath'));
    s.buffs.set(idOf('buffs', 'bestial_wrath'), { remains: 15, stack: 1 });
    s.cooldowns.set(idOf('cooldowns', 'barbed_shot'), { remains: 0, charges: 1, fractional: 1.2, full: 8 });
    s.cooldowns.set(idOf('cooldowns', 'kill_command'), { remains: 4, charges: 0, fractional: 0.3, full: 4 });
    s.focusNow = 60;
    s.costs.set(A('cobra_shot'), 35);
    expect(c.decide(s)).toBe(APL_IDLE); // time_to_max 4 >= 3 and 60 - 35 < 4 * 10 + 30
    s.focusNow = 90; // time_to_max 1 < 3
    expect(c.decide(s)).toBe(A('cobra_shot'));
    s.petBuffs.set(idOf('petBuffs', 'frenzy'), { remains: 1.7, stack: 2 });
    expect(c.decide(s)).toBe(A('barbed_shot'));
    s.setReady('kill_command');
    s.petBuffs.set(idOf('petBuffs', 'frenzy'), { remains: 1.8, stack: 2 }); // > gcd + 0.25
    expect(c.decide(s)).toBe(A('kill_command'));
  });
});

describe('compile-time resolution', () => {
  it('reports names the resolver does not know with line and column', () => {
    const rotation = parseRotation('actions=kill_command\nactions+=/cobra_shot,if=buff.mystery.up');
    const e = (() => {
      try {
        compileRotation(rotation, resolver);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(RotationError);
    expect(e).toMatchObject({
      line: 2,
      column: 30,
      message: expect.stringMatching(/unknown buff 'mystery'/),
    });
    expect(() => compileRotation(parseRotation('actions=nope'), resolver)).toThrow(
      /line 1, column 9: unknown action/,
    );
  });

  it('uses the ids the resolver gives', () => {
    const custom = {
      resolve: (kind: string, name: string) => (kind === 'actions' && name === 'x' ? 41 : -1),
    };
    const s = new FakeState();
    s.readyEverywhere.add(41);
    const c = compileRotation(parseRotation('actions=x'), custom);
    c.reset(s);
    expect(c.decide(s)).toBe(41);
  });
});
