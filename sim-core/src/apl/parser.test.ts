import { describe, expect, it } from 'vitest';
import type { PoolAction, SpellAction, VariableAction } from './ast.ts';
import { APL_LIMITS, RotationError } from './errors.ts';
import { parseRotation } from './parser.ts';
import { TEST_VOCABULARY } from './test-support/fake-state.ts';

const parse = (text: string) => parseRotation(text, TEST_VOCABULARY);
const list = (text: string, name = 'default') => parse(text).lists.find((l) => l.name === name)!.actions;

function errorOf(text: string, withVocabulary = true): RotationError {
  try {
    parseRotation(text, withVocabulary ? TEST_VOCABULARY : undefined);
  } catch (e) {
    if (e instanceof RotationError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

describe('rotation structure', () => {
  it('reads actions=, actions+=/ and named lists in order', () => {
    const r = parse(
      [
        '# a comment',
        '',
        'actions=call_action_list,name=cds',
        'actions+=/kill_command',
        '  actions+=/cobra_shot  ',
        'actions.cds=bestial_wrath',
        'actions.cds+=/barbed_shot',
      ].join('\n'),
    );
    expect(r.lists.map((l) => l.name)).toEqual(['default', 'cds']);
    expect(r.lists[0]!.actions.map((a) => a.type)).toEqual(['call_action_list', 'spell', 'spell']);
    expect(r.lists[0]!.actions[2]).toMatchObject({ name: 'cobra_shot', line: 5, column: 13 });
    expect(r.lists[1]!.actions.map((a) => (a as SpellAction).name)).toEqual(['bestial_wrath', 'barbed_shot']);
    expect(r.lists[0]!.actions[0]).toMatchObject({ list: 'cds', line: 3, listColumn: 31 });
  });

  it('accepts several actions on one line separated by /', () => {
    const actions = list('actions=kill_command/barbed_shot,if=focus>50/cobra_shot');
    expect(actions.map((a) => (a as SpellAction).name)).toEqual([
      'kill_command',
      'barbed_shot',
      'cobra_shot',
    ]);
    expect(actions[1]).toMatchObject({ column: 22, condition: { kind: 'binary', op: '>', column: 42 } });
    expect(actions[2]).toMatchObject({ column: 46 });
  });

  it('actions= replaces what the list had; actions+= without / also appends', () => {
    expect(list('actions=kill_command\nactions=cobra_shot\nactions+=barbed_shot').map((a) => a.line)).toEqual(
      [2, 3],
    );
    expect(list('actions=kill_command\nactions=').length).toBe(0);
  });

  it('accepts CRLF and CR line ends', () => {
    expect(
      list('actions=kill_command\r\nactions+=/cobra_shot\ractions+=/barbed_shot').map((a) => a.line),
    ).toEqual([1, 2, 3]);
  });

  it('keeps the precombat list and ignores housekeeping actions', () => {
    const r = parse('actions.precombat=snapshot_stats/flask/food/augmentation\nactions=kill_command');
    expect(r.lists.find((l) => l.name === 'precombat')!.actions).toEqual([]);
  });

  it('parses the options of a spell action', () => {
    const [a] = list('actions=barbed_shot,target_if=min:dot.barbed_shot.remains,if=focus>10,line_cd=2.5') as [
      SpellAction,
    ];
    expect(a.lineCd).toBe(2.5);
    expect(a.targetIf).toMatchObject({ mode: 'min', expr: { kind: 'named', source: 'dot', column: 35 } });
    expect(a.condition).toMatchObject({ op: '>' });
    const [b] = list('actions=barbed_shot,target_if=dot.barbed_shot.refreshable') as [SpellAction];
    expect(b.targetIf).toMatchObject({ mode: 'first', expr: { field: 'refreshable', column: 31 } });
    const [c] = list('actions=barbed_shot,target_if=max:target.health.pct') as [SpellAction];
    expect(c.targetIf?.mode).toBe('max');
    expect(c.lineCd).toBe(0);
  });

  it('parses variable actions with every op', () => {
    const text = [
      'actions=variable,name=a,value=1',
      'actions+=/variable,name=a,op=add,value=2',
      'actions+=/variable,name=a,op=sub,value=1,if=focus>1',
      'actions+=/variable,name=a,op=mul,value=3',
      'actions+=/variable,name=a,op=div,value=2',
      'actions+=/variable,name=a,op=min,value=10',
      'actions+=/variable,name=a,op=max,value=0',
      'actions+=/variable,name=a,op=floor',
      'actions+=/variable,name=a,op=ceil',
      'actions+=/variable,name=a,op=reset',
      'actions+=/variable,name=b,op=setif,condition=variable.a>1,value=5,value_else=6,default=2.5',
    ].join('\n');
    const actions = list(text) as VariableAction[];
    expect(actions.map((a) => a.op)).toEqual([
      'set',
      'add',
      'sub',
      'mul',
      'div',
      'min',
      'max',
      'floor',
      'ceil',
      'reset',
      'setif',
    ]);
    expect(actions[10]).toMatchObject({ name: 'b', nameColumn: 25, defaultValue: 2.5 });
    expect(actions[10]!.setCondition).toMatchObject({
      kind: 'binary',
      left: { source: 'variable', name: 'a' },
    });
    expect(actions[10]!.valueElse).toMatchObject({ kind: 'number', value: 6 });
  });

  it('parses wait and pool_resource', () => {
    const actions = list(
      'actions=wait,sec=cooldown.kill_command.remains,if=cooldown.kill_command.remains<0.5\n' +
        'actions+=/wait\n' +
        'actions+=/pool_resource,extra_amount=20\n' +
        'actions+=/kill_command\n' +
        'actions+=/pool_resource,wait=0.5,if=focus<30',
    );
    expect(actions[0]).toMatchObject({ type: 'wait', sec: { kind: 'named', source: 'cooldown' } });
    expect(actions[1]).toMatchObject({ type: 'wait', sec: { kind: 'number', value: 1 } });
    expect(actions[2]).toMatchObject({ type: 'pool_resource', forNext: true, extraAmount: { value: 20 } });
    expect((actions[4] as PoolAction).forNext).toBe(false);
    expect((actions[4] as PoolAction).wait).toMatchObject({ value: 0.5 });
  });

  it('checks only structure without a vocabulary', () => {
    const r = parseRotation('actions=anything_goes,if=buff.whatever.up&talent.foo');
    expect(r.lists[0]!.actions[0]).toMatchObject({ type: 'spell', name: 'anything_goes' });
  });

  it('accepts limits exactly at the bound', () => {
    const lines = ['actions=kill_command', ...Array.from({ length: APL_LIMITS.maxLines - 1 }, () => '#')];
    expect(() => parse(lines.join('\n'))).not.toThrow();
    const many = 'actions=' + Array.from({ length: APL_LIMITS.maxActions }, () => 'kill_command').join('/');
    expect(list(many).length).toBe(APL_LIMITS.maxActions);
  });
});

describe('rotation errors carry line and column', () => {
  it.each([
    ['spec=beast_mastery', 1, 1, /expected 'actions='/],
    ['actions=kill_command\n   bogus', 2, 4, /expected 'actions='/],
    ['actions.Cds=kill_command', 1, 9, /invalid list name/],
    ['actions.=kill_command', 1, 9, /invalid list name/],
    ['actions+=/', 1, 11, /empty action/],
    ['actions=kill_command//cobra_shot', 1, 22, /empty action/],
    ['actions=kill_command,', 1, 22, /expected 'option=value'/],
    ['actions=Kill_Command', 1, 9, /invalid action name/],
    ['actions=kil_command', 1, 9, /unknown action 'kil_command'/],
    ['actions=kill_command,iff=1', 1, 22, /unknown option 'iff' for an action/],
    ['actions=kill_command,if=1,if=2', 1, 27, /option 'if' given twice/],
    ['actions=kill_command,if=', 1, 25, /option 'if' has no value/],
    ['actions=kill_command,if=focus>', 1, 31, /ends too early/],
    ['actions=kill_command,if=buff.bestial_wrat.up', 1, 30, /unknown buff 'bestial_wrat'/],
    ['actions=kill_command,line_cd=abc', 1, 30, /line_cd= must be a plain number/],
    ['actions=kill_command,line_cd=-1', 1, 30, /line_cd= must be a plain number/],
    ['actions=kill_command,line_cd=1e3', 1, 30, /line_cd= must be a plain number/],
    ['actions=kill_command,target_if=min:', 1, 36, /empty expression/],
    ['actions=kill_command,target_if=min:nope', 1, 36, /unknown property/],
    ['actions=call_action_list', 1, 9, /needs name=LIST/],
    ['actions=call_action_list,name=Bad', 1, 31, /invalid list name/],
    ['actions=call_action_list,name=missing', 1, 31, /unknown action list 'missing'/],
    ['actions=run_action_list,name=x,sec=1', 1, 32, /unknown option 'sec' for run_action_list/],
    ['actions=variable,value=1', 1, 9, /variable needs name=NAME/],
    ['actions=variable,name=x,op=pow,value=1', 1, 28, /unknown variable op 'pow'/],
    ['actions=variable,name=x,op=add', 1, 9, /op=add needs value=/],
    ['actions=variable,name=x,op=reset,value=1', 1, 34, /op=reset takes no value=/],
    ['actions=variable,name=x,op=setif,value=1', 1, 9, /setif needs condition=/],
    ['actions=variable,name=x,value=1,condition=1', 1, 33, /condition= is only for op=setif/],
    ['actions=variable,name=x,value=1,default=a', 1, 41, /default= must be a plain number/],
    [
      'actions=kill_command,if=variable.y>1\nactions+=/variable,name=x,value=1',
      1,
      34,
      /unknown variable 'y'/,
    ],
    ['actions=pool_resource', 1, 9, /must be followed by an action/],
    ['actions=pool_resource/call_action_list,name=default', 1, 9, /must be followed by an action/],
    ['actions=pool_resource,for_next=1,wait=1\nactions+=/kill_command', 1, 34, /not both/],
    ['actions=pool_resource,for_next=0\nactions+=/kill_command', 1, 23, /for_next=0 needs wait=/],
    ['actions=pool_resource,for_next=2', 1, 32, /for_next= must be a plain number from 0 to 1/],
    ['actions=wait,sec=(', 1, 19, /ends too early/],
    ['actions.cds=kill_command', 1, 1, /no 'actions=' list/],
    ['# only a comment', 1, 1, /no 'actions=' list/],
    ['actions=kill_command,if=focus>1\nactions+=/cobra_shot,if=(focus', 2, 31, /missing '\)'/],
  ])('%j → %d:%d', (text, line, column, message) => {
    const e = errorOf(text);
    expect({ line: e.line, column: e.column }).toEqual({ line, column });
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`line ${line}, column ${column}: `)).toBe(true);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RotationError');
  });

  it('reports the first problem in text order when several lines are wrong', () => {
    const e = errorOf(
      'actions=call_action_list,name=nope\nactions+=/kill_command,if=variable.zzz\nactions+=/variable,name=a,value=1',
    );
    expect([e.line, e.column]).toEqual([1, 31]);
  });

  it('rejects texts over the size, line, list and action bounds', () => {
    expect(errorOf('#'.repeat(APL_LIMITS.maxTextLength + 1)).message).toMatch(/longer than 65536/);
    const tooManyLines = ['actions=kill_command', ...Array.from({ length: APL_LIMITS.maxLines }, () => '')];
    expect([errorOf(tooManyLines.join('\n')).line, errorOf(tooManyLines.join('\n')).column]).toEqual([
      501, 1,
    ]);
    const lists = Array.from({ length: APL_LIMITS.maxLists + 1 }, (_, i) => `actions.l${i}=kill_command`);
    expect(errorOf(lists.join('\n')).message).toMatch(/more than 64 action lists/);
    const many =
      'actions=' + Array.from({ length: APL_LIMITS.maxActions + 1 }, () => 'kill_command').join('/');
    const e = errorOf(many);
    expect(e.message).toMatch(/more than 1000 actions/);
    expect(e.column).toBe(9 + APL_LIMITS.maxActions * 13);
    const vars = Array.from(
      { length: APL_LIMITS.maxVariables + 1 },
      (_, i) => `actions+=/variable,name=v${i},value=1`,
    );
    expect(errorOf(vars.join('\n')).message).toMatch(/more than 128 variables/);
    expect(errorOf(`actions=${'a'.repeat(65)}`, false).message).toMatch(/longer than 64/);
    expect(errorOf(`actions.${'a'.repeat(65)}=x`, false).message).toMatch(/longer than 64/);
  });

  it('rejects non-text input with a RotationError', () => {
    expect(() => parseRotation(42 as unknown as string)).toThrow(RotationError);
  });
});

describe('every bad line at once', () => {
  it('reads on past a bad line: the error is the first, carrying them all in text order', () => {
    const e = errorOf(
      ['actions=kill_command', 'actions+=/not_a_spell', 'bogus line', 'actions+=/cobra_shot,x=1'].join('\n'),
    );
    expect(e.all.map((x) => [x.line, x.column])).toEqual([
      [2, 11],
      [3, 1],
      [4, 22],
    ]);
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/unknown action 'not_a_spell'/);
    expect(e.message).toMatch(/^line 2, column 11: unknown action 'not_a_spell'.* \(and 2 more problems\)$/);
    expect(e.all[1]!.message).toMatch(/^line 3, column 1: expected 'actions='/);
    // one problem: the error itself, its message unchanged
    const one = errorOf('actions=kill_command\nactions+=/not_a_spell');
    expect(one.all).toEqual([one]);
    expect(one.message).toMatch(/^line 2, column 11: unknown action 'not_a_spell'$/);
  });

  it(`stops after ${APL_LIMITS.maxReportedProblems} problems`, () => {
    const bad = Array.from({ length: APL_LIMITS.maxReportedProblems + 20 }, () => 'actions+=/nope');
    expect(errorOf(['actions=kill_command', ...bad].join('\n')).all).toHaveLength(
      APL_LIMITS.maxReportedProblems,
    );
  });
});
