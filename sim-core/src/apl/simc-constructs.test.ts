import { describe, expect, it } from 'vitest';
import { compileRotation } from './compile.ts';
import { resolverFromVocabulary, type AplVocabulary, type CompiledRotation } from './context.ts';
import { RotationError } from './errors.ts';
import { parseRotation } from './parser.ts';
import { FakeState, idOf, TEST_VOCABULARY } from './test-support/fake-state.ts';

const A = (name: string): number => idOf('actions', name);

function compile(
  text: string,
  state: FakeState,
  vocabulary: AplVocabulary = TEST_VOCABULARY,
): CompiledRotation {
  const c = compileRotation(parseRotation(text, vocabulary), resolverFromVocabulary(vocabulary));
  c.reset(state);
  return c;
}

/** True when `kill_command,if=COND` fires (kill_command is ready). */
function holds(cond: string, s: FakeState = new FakeState()): boolean {
  s.setReady('kill_command');
  return compile(`actions=kill_command,if=${cond}`, s).decide(s) === A('kill_command');
}

function warningsOf(text: string): string[] {
  return parseRotation(text, TEST_VOCABULARY).warnings.map((w) => w.message);
}

describe('action-scoped shorthands read the spell of their line', () => {
  it('cast_time, execute_time and cost', () => {
    const s = new FakeState().setReady('aimed_shot');
    s.casts.set(A('aimed_shot'), 2.5);
    s.costs.set(A('aimed_shot'), 35);
    expect(compile('actions=aimed_shot,if=cast_time=2.5&cost=35&execute_time=2.5', s).decide(s)).toBe(
      A('aimed_shot'),
    );
    expect(compile('actions=aimed_shot,if=cast_time<2', s).decide(s)).not.toBe(A('aimed_shot'));
  });

  it('charges, charges_fractional and full_recharge_time are the cooldown of the spell', () => {
    const s = new FakeState().setReady('barbed_shot', 'kill_command');
    s.cooldowns.set(idOf('cooldowns', 'barbed_shot'), { remains: 0, charges: 2, fractional: 2, full: 0 });
    s.cooldowns.set(idOf('cooldowns', 'kill_command'), { remains: 3, charges: 0, fractional: 0.4, full: 9 });
    const text =
      'actions=kill_command,if=full_recharge_time<1|charges_fractional>1\nactions+=/barbed_shot,if=charges=2';
    expect(compile(text, s).decide(s)).toBe(A('barbed_shot'));
  });

  it('remains, ticking and refreshable are the dot of the spell on its target', () => {
    const s = new FakeState().setReady('barbed_shot');
    s.dots.set(`${idOf('dots', 'barbed_shot')}@0`, { remains: 4, stack: 1, refreshable: 0 });
    expect(compile('actions=barbed_shot,if=ticking&remains>3&!refreshable', s).decide(s)).toBe(
      A('barbed_shot'),
    );
    expect(compile('actions=barbed_shot,if=remains>5', s).decide(s)).not.toBe(A('barbed_shot'));
  });

  it('outside a spell they are an error naming the long form', () => {
    expect(() => parseRotation('actions=variable,name=x,value=full_recharge_time', TEST_VOCABULARY)).toThrow(
      /'full_recharge_time' belongs to an action: .*cooldown\.NAME\.full_recharge_time/,
    );
  });
});

describe('aura and cooldown data', () => {
  it('buff.X.duration, max_stack and at_max_stacks; cooldown.X.duration', () => {
    const s = new FakeState();
    const pc = idOf('buffs', 'precise_shots');
    s.auraData.set(`buffs:${pc}`, { duration: 15, maxStack: 2 });
    s.buffs.set(pc, { remains: 5, stack: 1 });
    s.cooldownDurations.set(idOf('cooldowns', 'bestial_wrath'), 90);
    expect(holds('buff.precise_shots.duration=15&buff.precise_shots.max_stack=2')).toBe(false);
    expect(holds('buff.precise_shots.duration=15&buff.precise_shots.max_stack=2', s)).toBe(true);
    expect(holds('buff.precise_shots.at_max_stacks', s)).toBe(false);
    s.buffs.set(pc, { remains: 5, stack: 2 });
    expect(holds('buff.precise_shots.at_max_stacks', s)).toBe(true);
    expect(holds('cooldown.bestial_wrath.duration=90', s)).toBe(true);
    const frenzy = idOf('petBuffs', 'frenzy');
    s.auraData.set(`petBuffs:${frenzy}`, { duration: 8, maxStack: 3 });
    s.petBuffs.set(frenzy, { remains: 2, stack: 3 });
    expect(holds('pet.main.buff.frenzy.at_max_stacks&pet.main.buff.frenzy.max_stack=3', s)).toBe(true);
  });
});

describe('prev, functions, max_prio_damage', () => {
  it('prev.X is the last action the rotation chose, cleared at each reset', () => {
    const s = new FakeState().setReady('cobra_shot', 'kill_command');
    const c = compile('actions=kill_command,if=prev.cobra_shot\nactions+=/cobra_shot', s);
    expect(c.decide(s)).toBe(A('cobra_shot'));
    expect(c.decide(s)).toBe(A('kill_command'));
    expect(c.decide(s)).toBe(A('cobra_shot'));
    c.reset(s);
    expect(c.decide(s)).toBe(A('cobra_shot'));
  });

  it('floor() and ceil()', () => {
    const s = new FakeState();
    s.focusNow = 47;
    expect(holds('floor(focus%10)=4&ceil(focus%10)=5', s)).toBe(true);
    expect(holds('floor(-0.5)=-1&ceil(-0.5)=0')).toBe(true);
  });

  it('max_prio_damage is 1, so target_if=min:X|max_prio_damage stays on the primary target', () => {
    const s = new FakeState().setReady('barbed_shot');
    s.enemies = 3;
    s.dots.set(`${idOf('dots', 'barbed_shot')}@0`, { remains: 6, stack: 1, refreshable: 0 });
    const funnel = compile('actions=barbed_shot,target_if=min:dot.barbed_shot.remains|max_prio_damage', s);
    expect(funnel.decide(s)).toBe(A('barbed_shot'));
    expect(funnel.target).toBe(0);
    const spread = compile('actions=barbed_shot,target_if=min:dot.barbed_shot.remains', s);
    expect(spread.decide(s)).toBe(A('barbed_shot'));
    expect(spread.target).toBe(1);
  });
});

describe('cycle_targets', () => {
  it('uses the spell on the first enemy where it is ready and if= holds', () => {
    const s = new FakeState();
    s.enemies = 4;
    const sting = idOf('debuffs', 'serpent_sting');
    for (const t of [1, 2, 3]) s.ready.add(`${A('kill_command')}@${t}`);
    s.debuffs.set(`${sting}@1`, { remains: 5, stack: 1 });
    const c = compile('actions=kill_command,cycle_targets=1,if=debuff.serpent_sting.down', s);
    expect(c.decide(s)).toBe(A('kill_command'));
    expect(c.target).toBe(2);
    s.debuffs.set(`${sting}@2`, { remains: 5, stack: 1 });
    s.debuffs.set(`${sting}@3`, { remains: 5, stack: 1 });
    expect(c.decide(s)).not.toBe(A('kill_command'));
  });

  it('takes 0 or 1, like use_off_gcd', () => {
    expect(() => parseRotation('actions=kill_command,cycle_targets=2', TEST_VOCABULARY)).toThrow(
      RotationError,
    );
    expect(() => parseRotation('actions=kill_command,use_off_gcd=yes', TEST_VOCABULARY)).toThrow(
      RotationError,
    );
    expect(
      parseRotation('actions=kill_command,use_off_gcd=1,precast_time=1.5', TEST_VOCABULARY).warnings,
    ).toEqual([]);
  });
});

describe('names SimulationCraft has and we do not model', () => {
  it('read as never up / never taken / never on cooldown, each with a warning', () => {
    expect(holds('buff.trueshot.down&!buff.trueshot.up&buff.trueshot.remains=0')).toBe(true);
    expect(
      holds('cooldown.wild_thrash.ready&cooldown.wild_thrash.remains=0&!cooldown.wild_thrash.down'),
    ).toBe(true);
    expect(holds('talent.black_arrow|debuff.spotters_mark.up|dot.black_arrow.ticking')).toBe(false);
    expect(holds('spell_targets.volley=1')).toBe(true);
    expect(warningsOf('actions=kill_command,if=talent.black_arrow&buff.trueshot.down')).toEqual([
      "line 1: talent 'black_arrow' is not modelled here; talent.black_arrow reads 0",
      "line 1: buff 'trueshot' is not modelled here; buff.trueshot.down reads 1",
    ]);
  });

  it('no-op actions take any options, but their expressions must still be well-formed', () => {
    expect(
      warningsOf('actions=use_items,slots=trinket1:trinket2,if=this_trinket.has_use_buff|fight_remains<20'),
    ).toEqual(['line 1: use_items is not modelled (no on-use items here); ignored']);
    expect(() => parseRotation('actions=potion,if=1+', TEST_VOCABULARY)).toThrow(/expression ends too early/);
    expect(() => parseRotation('actions=berserking,oops', TEST_VOCABULARY)).toThrow(
      /expected 'option=value'/,
    );
  });

  it('warns once per line and name, in text order', () => {
    const text = 'actions=kill_command,if=talent.unload|talent.unload\nactions+=/summon_pet/snapshot_stats';
    expect(warningsOf(text)).toEqual([
      "line 1: talent 'unload' is not modelled here; talent.unload reads 0",
      'line 2: summon_pet is not modelled (the pet is always out); ignored',
      'line 2: snapshot_stats is not modelled (stats are fixed for the whole fight); ignored',
    ]);
  });

  it('hero_tree.X reads the talent X when the spec models it', () => {
    const vocabulary = { ...TEST_VOCABULARY, talents: [...TEST_VOCABULARY.talents, 'sentinel'] };
    const s = new FakeState().setReady('kill_command');
    const c = compile('actions=kill_command,if=hero_tree.sentinel', s, vocabulary);
    expect(c.decide(s)).not.toBe(A('kill_command'));
    s.talents.add(vocabulary.talents.indexOf('sentinel'));
    expect(c.decide(s)).toBe(A('kill_command'));
    expect(parseRotation('actions=kill_command,if=hero_tree.sentinel', vocabulary).warnings).toEqual([]);
  });
});
