/** Deterministic input generators for the rotation fuzz test (seeded; no ambient randomness). */
import { FakeState, TEST_VOCABULARY } from './fake-state.ts';

/** mulberry32: a small seeded PRNG so every run sees the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const VALID = [
  `# BM-like
actions.precombat=variable,name=burst,value=0
actions.precombat+=/snapshot_stats
actions=call_action_list,name=cds,if=time>1
actions+=/run_action_list,name=aoe,if=active_enemies>2
actions+=/barbed_shot,target_if=min:dot.barbed_shot.remains,if=pet.main.buff.frenzy.up&pet.main.buff.frenzy.remains<=gcd+0.25|cooldown.barbed_shot.charges_fractional>=1.8
actions+=/variable,name=burst,op=setif,condition=buff.bestial_wrath.up,value=1,value_else=0
actions+=/pool_resource,extra_amount=10
actions+=/kill_command,if=focus>=action.kill_command.cost|variable.burst
actions+=/cobra_shot,if=focus.time_to_max<gcd*2|(focus-30)%focus.regen>cooldown.kill_command.remains,line_cd=1
actions+=/wait,sec=cooldown.kill_command.remains,if=cooldown.kill_command.remains<0.3
actions.cds=bestial_wrath,if=!buff.bestial_wrath.up&(fight_remains>15|target.health.pct<20)
actions.aoe=multishot,if=pet.main.buff.beast_cleave.remains<0.5
actions.aoe+=/barbed_shot,target_if=max:debuff.hunters_mark.remains
actions.aoe+=/kill_command/cobra_shot`,
  `actions=aimed_shot,if=buff.precise_shots.down&(talent.killer_instinct|prev_gcd.1.cobra_shot)
actions+=/variable,name=x,op=add,value=1<?focus>?2
actions+=/variable,name=x,op=max,value=variable.x%%3
actions+=/pool_resource,wait=0.2,if=focus<20&variable.x^1
actions+=/auto_shot`,
  `actions=use_items,slots=trinket1:trinket2,check_existing=0,if=this_trinket.is.unyielding_netherprism&this_trinket.cooldown.duration%%cooldown.bestial_wrath.duration=0&!other_trinket.has_use_buff|this_trinket_slot=1
actions+=/use_item,name=unyielding_netherprism,if=buff.latent_energy.stack>=6&equipped.unyielding_netherprism&trinket.1.has_use_buff
actions+=/use_item,slot=trinket2
actions+=/kill_command`,
];

export const FRAGMENTS = [
  'actions',
  'actions.',
  'actions=',
  'actions+=/',
  '=',
  '+=',
  '/',
  ',',
  '.',
  '\n',
  '\r\n',
  '#',
  ' ',
  '\t',
  'if=',
  'target_if=',
  'min:',
  'max:',
  'first:',
  'line_cd=',
  'name=',
  'op=',
  'value=',
  'value_else=',
  'condition=',
  'default=',
  'sec=',
  'for_next=',
  'wait=',
  'extra_amount=',
  'use_items',
  'use_item',
  'slots=trinket1:trinket2',
  'slot=',
  'this_trinket.',
  'this_trinket_slot',
  'other_trinket.',
  'trinket.1.',
  'equipped.',
  'unyielding_netherprism',
  'kill_command',
  'cobra_shot',
  'barbed_shot',
  'variable',
  'call_action_list',
  'run_action_list',
  'wait',
  'pool_resource',
  'setif',
  'add',
  'reset',
  'cds',
  'aoe',
  'buff.bestial_wrath.up',
  'buff.',
  'dot.barbed_shot.remains',
  'cooldown.kill_command.ready',
  'pet.main.buff.frenzy.',
  'talent.killer_instinct',
  'prev_gcd.1.',
  'prev_gcd.',
  'variable.x',
  'variable.',
  'focus',
  'focus.deficit',
  'gcd',
  'time',
  'target.health.pct',
  'active_enemies',
  'action.aimed_shot.cast_time',
  '(',
  ')',
  '((',
  '))',
  '&',
  '|',
  '!',
  '^',
  '<',
  '<=',
  '>',
  '>=',
  '!=',
  '==',
  '<?',
  '>?',
  '+',
  '-',
  '*',
  '%',
  '%%',
  '0',
  '1',
  '2.5',
  '.5',
  '1e5',
  '99999999',
  '\u00e9',
  '\u{1F600}',
  '\0',
  '"',
  "'",
  '\\',
  '$',
  '@',
  '~',
  ':',
  ';',
  '[',
  ']',
  '{',
  '}',
];

export function randomText(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 40);
  let out = '';
  for (let i = 0; i < n; i++) out += FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!;
  return out;
}

export const PROPERTIES = [
  'buff.$b.up',
  'buff.$b.down',
  'buff.$b.remains',
  'buff.$b.stack',
  'buff.$b.react',
  'debuff.$d.up',
  'debuff.$d.remains',
  'debuff.$d.stack',
  'dot.$t.ticking',
  'dot.$t.remains',
  'dot.$t.refreshable',
  'dot.$t.stack',
  'dot.$t.down',
  'cooldown.$c.ready',
  'cooldown.$c.up',
  'cooldown.$c.down',
  'cooldown.$c.remains',
  'cooldown.$c.charges',
  'cooldown.$c.charges_fractional',
  'cooldown.$c.full_recharge_time',
  'focus',
  'focus.deficit',
  'focus.time_to_max',
  'focus.max',
  'focus.regen',
  'focus.pct',
  'gcd',
  'gcd.remains',
  'gcd.max',
  'time',
  'fight_remains',
  'active_enemies',
  'spell_targets',
  'spell_targets.$a',
  'target.health.pct',
  'target.time_to_die',
  'talent.$l',
  'talent.$l.enabled',
  'talent.$l.rank',
  'pet.main.buff.$p.up',
  'pet.main.buff.$p.remains',
  'pet.main.buff.$p.stack',
  'variable.v$v',
  'prev_gcd.$n.$a',
  'action.$a.cast_time',
  'action.$a.execute_time',
  'action.$a.cost',
  'action.$a.ready',
];
export const OPS = ['+', '-', '*', '%', '%%', '<?', '>?', '=', '!=', '<', '<=', '>', '>=', '&', '|', '^'];

export function pickOf<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

export function randomProperty(rand: () => number): string {
  const name = (kind: keyof typeof TEST_VOCABULARY) =>
    rand() < 0.004 ? 'typo_name' : pickOf(rand, TEST_VOCABULARY[kind]);
  return pickOf(rand, PROPERTIES).replace(/\$(\w)/g, (_, k: string) => {
    switch (k) {
      case 'b':
        return name('buffs');
      case 'd':
        return name('debuffs');
      case 't':
        return name('dots');
      case 'c':
        return name('cooldowns');
      case 'l':
        return name('talents');
      case 'p':
        return name('petBuffs');
      case 'v':
        return String(Math.floor(rand() * 3));
      case 'n':
        return String(1 + Math.floor(rand() * 3));
      default:
        return name('actions');
    }
  });
}

/** A random, mostly well-formed expression. */
export function randomExpr(rand: () => number, depth = 0): string {
  const r = rand();
  if (depth > 4 || r < 0.3)
    return rand() < 0.3 ? String(Math.floor(rand() * 1000) / 10) : randomProperty(rand);
  if (r < 0.4) return pickOf(rand, ['!', '-', '+']) + randomExpr(rand, depth + 1);
  if (r < 0.55) return '(' + randomExpr(rand, depth + 1) + ')';
  return randomExpr(rand, depth + 1) + pickOf(rand, OPS) + randomExpr(rand, depth + 1);
}

/** A random, mostly well-formed rotation using every action kind and option. */
export function randomRotation(rand: () => number): string {
  const lists = ['', '.cds', '.aoe', '.precombat'];
  const lines = [
    'actions=variable,name=v0,value=' + randomExpr(rand),
    'actions.cds=kill_command',
    'actions.aoe=wait',
  ];
  const n = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const head = `actions${pickOf(rand, lists)}+=/`;
    const cond = rand() < 0.7 ? `,if=${randomExpr(rand)}` : '';
    switch (Math.floor(rand() * 7)) {
      case 0:
        lines.push(
          `${head}variable,name=v${Math.floor(rand() * 3)},op=${pickOf(rand, ['set', 'add', 'sub', 'mul', 'div', 'min', 'max'])},value=${randomExpr(rand)}${cond}`,
        );
        break;
      case 1:
        lines.push(
          `${head}variable,name=v${Math.floor(rand() * 3)},op=setif,condition=${randomExpr(rand)},value=${randomExpr(rand)},value_else=${randomExpr(rand)}`,
        );
        break;
      case 2:
        lines.push(
          `${head}${pickOf(rand, ['call_action_list', 'run_action_list'])},name=${pickOf(rand, ['cds', 'aoe', 'default'])}${cond}`,
        );
        break;
      case 3:
        lines.push(`${head}wait,sec=${randomExpr(rand)}${cond}`);
        break;
      case 4:
        lines.push(
          `${head}pool_resource,extra_amount=${randomExpr(rand)}${cond}/${pickOf(rand, TEST_VOCABULARY.actions)}${cond}`,
        );
        break;
      case 5:
        lines.push(
          `${head}${pickOf(rand, TEST_VOCABULARY.actions)},target_if=${pickOf(rand, ['min:', 'max:', 'first:', ''])}${randomExpr(rand)}${cond}`,
        );
        break;
      default:
        lines.push(
          `${head}${pickOf(rand, TEST_VOCABULARY.actions)}${cond}${rand() < 0.3 ? ',line_cd=' + Math.floor(rand() * 5) : ''}`,
        );
    }
  }
  lines.push('actions+=/variable,name=v1,value=1/variable,name=v2,value=2');
  return lines.join('\n');
}

export function mutate(text: string, rand: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(rand() * 4);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rand() * (t.length + 1));
    const j = Math.min(t.length, i + Math.floor(rand() * 12));
    switch (Math.floor(rand() * 6)) {
      case 0:
        t = t.slice(0, i) + t.slice(j);
        break;
      case 1:
        t = t.slice(0, i) + FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]! + t.slice(i);
        break;
      case 2:
        t = t.slice(0, i) + String.fromCharCode(Math.floor(rand() * 128)) + t.slice(i + 1);
        break;
      case 3:
        t = t.slice(0, j) + t.slice(i, j) + t.slice(j);
        break;
      case 4: {
        const lines = t.split('\n');
        const k = Math.floor(rand() * lines.length);
        lines.splice(Math.floor(rand() * lines.length), 0, lines[k]!);
        t = lines.join('\n');
        break;
      }
      default:
        if (i + 1 < t.length) t = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
    }
  }
  return t;
}

export function randomState(rand: () => number): FakeState {
  const pick = () => [0, 0.5, 1, 2, 3, 10, 100, -1, 1e9][Math.floor(rand() * 9)]!;
  const s = new FakeState();
  s.now = pick();
  s.focusNow = pick();
  s.focusCap = pick();
  s.regen = pick();
  s.enemies = 1 + Math.floor(rand() * 25);
  for (let id = 0; id < TEST_VOCABULARY.actions.length; id++) {
    if (rand() < 0.4) s.readyEverywhere.add(id);
    s.costs.set(id, pick());
  }
  for (let id = 0; id < TEST_VOCABULARY.buffs.length; id++)
    s.buffs.set(id, { remains: pick(), stack: pick() });
  for (let id = 0; id < TEST_VOCABULARY.cooldowns.length; id++) {
    s.cooldowns.set(id, { remains: pick(), charges: pick(), fractional: pick(), full: pick() });
  }
  return s;
}
