/**
 * Compiles expression trees to closures over an AplState. Closures only do arithmetic and call
 * state getters: no allocation, no exceptions. Division by zero gives 0 (as in SimC).
 */
import type { Expr, GlobalRef, NamedRef } from './ast.ts';
import type { AplNameKind, AplResolver, AplState, AuraKind } from './context.ts';
import { RotationError } from './errors.ts';
import { SOURCE_KIND, describeKind } from './properties.ts';
import { leaf, leafCompare, LeafKind } from './leaf-compare.ts';

export type NumFn = (s: AplState) => number;

/** Mutable evaluation environment shared by the closures of one compiled rotation. */
export interface Env {
  /** Target index that target-dependent properties read (0 = primary). */
  target: number;
  vars: Float64Array;
  /** The action the rotation decided last (`prev.X`), -1 before the first one of an iteration. */
  lastAction: number;
}

export interface ExprCompiler {
  readonly env: Env;
  readonly resolver: AplResolver;
  readonly variables: ReadonlyMap<string, number>;
}

/** Stands for "never" in time-to-X properties when nothing regenerates (large, finite). */
export const NEVER_SECONDS = 1e9;

/** Resolves a name to the engine id or throws a RotationError at (line, column). */
export function resolveId(
  cc: ExprCompiler,
  kind: AplNameKind,
  name: string,
  line: number,
  column: number,
): number {
  const id = cc.resolver.resolve(kind, name);
  if (!(Number.isInteger(id) && id >= 0))
    throw new RotationError(`unknown ${describeKind(kind)} '${name}'`, line, column);
  return id;
}

/**
 * Closures that return the same number whatever the state (literals, talents the resolver fixes,
 * and what is computed from them alone), with that number: the compiler folds them.
 */
const CONSTANT = new WeakMap<NumFn, number>();
/** Closures whose value is always 0 or 1 (comparisons, logic, `!`). */
const BOOLEAN = new WeakSet<NumFn>();

/** The value of a closure that is a constant (see CONSTANT), else undefined. */
export function constantValue(f: NumFn): number | undefined {
  return CONSTANT.get(f);
}

function constant(v: number): NumFn {
  const f: NumFn = () => v;
  CONSTANT.set(f, v);
  return f;
}

/**
 * `f`, computed once now when every operand is a constant: a closure of constants reads no state
 * (called here without one), so the number is the one every call would give, to the bit.
 */
function folded(f: NumFn, operands: readonly NumFn[]): NumFn {
  for (const o of operands) if (!CONSTANT.has(o)) return f;
  return constant(f(undefined as unknown as AplState));
}

/** Which 0/1 getter a flag reads (see Flag). */
const enum FlagKind {
  Buff,
  PetBuff,
  Debuff,
  Dot,
  /** AplState.cooldownUp: 1 while no charge is available. */
  CooldownDown,
}

/**
 * A flag: `X.up` / `X.down` of an aura or dot, `cooldown.X.ready` / `up` / `down`, and `!` of
 * one. Its closure's value is (getter(id) === want ? 1 : 0) for the getter of `kind` (0/1
 * itself), so `&` and `|` with a flag operand call the getter in their own closure instead of
 * calling the flag's (one closure call fewer; the same reads, the same value).
 */
interface Flag {
  readonly kind: FlagKind;
  readonly id: number;
  readonly want: 0 | 1;
}
const FLAG = new WeakMap<NumFn, Flag>();

/** The closure of flag (kind, id, want), registered in FLAG. */
function flag(kind: FlagKind, id: number, want: 0 | 1, env: Env): NumFn {
  let f: NumFn;
  switch (kind) {
    case FlagKind.Buff:
      f = want === 1 ? (s) => s.buffUp(id) : (s) => 1 - s.buffUp(id);
      break;
    case FlagKind.PetBuff:
      f = want === 1 ? (s) => s.petBuffUp(id) : (s) => 1 - s.petBuffUp(id);
      break;
    case FlagKind.Debuff:
      f = want === 1 ? (s) => s.debuffUp(id, env.target) : (s) => 1 - s.debuffUp(id, env.target);
      break;
    case FlagKind.Dot:
      f = want === 1 ? (s) => s.dotUp(id, env.target) : (s) => 1 - s.dotUp(id, env.target);
      break;
    case FlagKind.CooldownDown:
      f = want === 1 ? (s) => s.cooldownUp(id) : (s) => 1 - s.cooldownUp(id);
      break;
  }
  BOOLEAN.add(f);
  FLAG.set(f, { kind, id, want });
  return f;
}

/**
 * `x & other` (and) or `x | other` for a flag x, the flag's getter read here: the same value as
 * compileBinary's, x read first as there.
 */
function withFlag(and: boolean, x: Flag, other: NumFn, env: Env): NumFn {
  const { id, want } = x;
  switch (x.kind) {
    case FlagKind.Buff:
      return and
        ? (s) => (s.buffUp(id) === want && other(s) !== 0 ? 1 : 0)
        : (s) => (s.buffUp(id) === want || other(s) !== 0 ? 1 : 0);
    case FlagKind.PetBuff:
      return and
        ? (s) => (s.petBuffUp(id) === want && other(s) !== 0 ? 1 : 0)
        : (s) => (s.petBuffUp(id) === want || other(s) !== 0 ? 1 : 0);
    case FlagKind.Debuff:
      return and
        ? (s) => (s.debuffUp(id, env.target) === want && other(s) !== 0 ? 1 : 0)
        : (s) => (s.debuffUp(id, env.target) === want || other(s) !== 0 ? 1 : 0);
    case FlagKind.Dot:
      return and
        ? (s) => (s.dotUp(id, env.target) === want && other(s) !== 0 ? 1 : 0)
        : (s) => (s.dotUp(id, env.target) === want || other(s) !== 0 ? 1 : 0);
    case FlagKind.CooldownDown:
      return and
        ? (s) => (s.cooldownUp(id) === want && other(s) !== 0 ? 1 : 0)
        : (s) => (s.cooldownUp(id) === want || other(s) !== 0 ? 1 : 0);
  }
}

function boolean(f: NumFn): NumFn {
  BOOLEAN.add(f);
  return f;
}

/** `x !== 0` as 0/1 (x itself when it is 0/1 already). */
function truth(x: NumFn): NumFn {
  return BOOLEAN.has(x) ? x : boolean((s) => (x(s) !== 0 ? 1 : 0));
}

/**
 * Every operand is compiled (so a misspelt name is an error wherever it is), then folded: all
 * constant operands give a constant; `&` and `|` with one constant side give a constant or the
 * other side's truth (getters are pure: not reading a side changes nothing but the time taken).
 */
export function compileExpr(e: Expr, cc: ExprCompiler): NumFn {
  switch (e.kind) {
    case 'number':
      return constant(e.value);
    case 'unary': {
      const a = compileExpr(e.arg, cc);
      const af = e.op === '!' ? FLAG.get(a) : undefined;
      if (af !== undefined) return flag(af.kind, af.id, af.want === 1 ? 0 : 1, cc.env);
      if (e.op === '!')
        return folded(
          boolean((s) => (a(s) === 0 ? 1 : 0)),
          [a],
        );
      if (e.op === '-') return folded((s) => -a(s), [a]);
      return a;
    }
    case 'binary': {
      const a = compileExpr(e.left, cc);
      const b = compileExpr(e.right, cc);
      const ca = CONSTANT.get(a);
      const cb = CONSTANT.get(b);
      if (ca !== undefined && cb !== undefined) return folded(compileBinary(e.op, a, b), [a, b]);
      if (e.op === '&' || e.op === '|') {
        const c = ca ?? cb;
        if (c !== undefined) {
          const other = ca !== undefined ? b : a;
          if (e.op === '&') return c !== 0 ? truth(other) : constant(0);
          return c !== 0 ? constant(1) : truth(other);
        }
        // a flag operand read in the `&` / `|` closure; on the right only, the two sides swap
        // (getters are pure: the order changes nothing but the time taken)
        const fa = FLAG.get(a);
        const fb = fa === undefined ? FLAG.get(b) : undefined;
        if (fa !== undefined) return boolean(withFlag(e.op === '&', fa, b, cc.env));
        if (fb !== undefined) return boolean(withFlag(e.op === '&', fb, a, cc.env));
      }
      const compared = leafCompare(e.op, a, b, ca, cb, cc.env);
      if (compared !== undefined) return boolean(compared);
      // A constant operand is read from the closure instead of called (same operation, same bits).
      if (cb !== undefined) {
        const fused = withConstRight(e.op, a, cb);
        if (fused !== undefined) return fused;
      } else if (ca !== undefined) {
        const fused = withConstLeft(e.op, ca, b);
        if (fused !== undefined) return fused;
      }
      return compileBinary(e.op, a, b);
    }
    case 'call': {
      const a = compileExpr(e.arg, cc);
      return folded(e.fn === 'floor' ? (s) => Math.floor(a(s)) : (s) => Math.ceil(a(s)), [a]);
    }
    case 'global':
      return compileGlobal(e, cc);
    case 'named':
      return compileNamed(e, cc);
  }
}

/** `a op c` for a constant c: arithmetic and comparisons (other operators: undefined). */
function withConstRight(op: string, a: NumFn, c: number): NumFn | undefined {
  switch (op) {
    case '+':
      return (s) => a(s) + c;
    case '-':
      return (s) => a(s) - c;
    case '*':
      return (s) => a(s) * c;
    case '=':
      return boolean((s) => (a(s) === c ? 1 : 0));
    case '!=':
      return boolean((s) => (a(s) !== c ? 1 : 0));
    case '<':
      return boolean((s) => (a(s) < c ? 1 : 0));
    case '<=':
      return boolean((s) => (a(s) <= c ? 1 : 0));
    case '>':
      return boolean((s) => (a(s) > c ? 1 : 0));
    case '>=':
      return boolean((s) => (a(s) >= c ? 1 : 0));
  }
  return undefined;
}

/** `c op b` for a constant c: arithmetic and comparisons (other operators: undefined). */
function withConstLeft(op: string, c: number, b: NumFn): NumFn | undefined {
  switch (op) {
    case '+':
      return (s) => c + b(s);
    case '-':
      return (s) => c - b(s);
    case '*':
      return (s) => c * b(s);
    case '=':
      return boolean((s) => (c === b(s) ? 1 : 0));
    case '!=':
      return boolean((s) => (c !== b(s) ? 1 : 0));
    case '<':
      return boolean((s) => (c < b(s) ? 1 : 0));
    case '<=':
      return boolean((s) => (c <= b(s) ? 1 : 0));
    case '>':
      return boolean((s) => (c > b(s) ? 1 : 0));
    case '>=':
      return boolean((s) => (c >= b(s) ? 1 : 0));
  }
  return undefined;
}

function compileBinary(op: string, a: NumFn, b: NumFn): NumFn {
  switch (op) {
    case '+':
      return (s) => a(s) + b(s);
    case '-':
      return (s) => a(s) - b(s);
    case '*':
      return (s) => a(s) * b(s);
    case '%':
      return (s) => {
        const x = a(s);
        const d = b(s);
        return d === 0 ? 0 : x / d;
      };
    case '%%':
      return (s) => {
        const x = a(s);
        const d = b(s);
        return d === 0 ? 0 : x % d;
      };
    // SimulationCraft's spelling: `x<?y` is the larger of the two, `x>?y` the smaller
    case '<?':
      return (s) => Math.max(a(s), b(s));
    case '>?':
      return (s) => Math.min(a(s), b(s));
    case '=':
      return boolean((s) => (a(s) === b(s) ? 1 : 0));
    case '!=':
      return boolean((s) => (a(s) !== b(s) ? 1 : 0));
    case '<':
      return boolean((s) => (a(s) < b(s) ? 1 : 0));
    case '<=':
      return boolean((s) => (a(s) <= b(s) ? 1 : 0));
    case '>':
      return boolean((s) => (a(s) > b(s) ? 1 : 0));
    case '>=':
      return boolean((s) => (a(s) >= b(s) ? 1 : 0));
    case '&':
      return boolean((s) => (a(s) !== 0 && b(s) !== 0 ? 1 : 0));
    case '|':
      return boolean((s) => (a(s) !== 0 || b(s) !== 0 ? 1 : 0));
    default: // '^'
      return boolean((s) => ((a(s) !== 0) !== (b(s) !== 0) ? 1 : 0));
  }
}

function compileGlobal(e: GlobalRef, cc: ExprCompiler): NumFn {
  const env = cc.env;
  switch (e.field) {
    case 'focus':
      return leaf(LeafKind.Focus, 0, env);
    case 'focus.deficit':
      return (s) => s.focusMax() - s.focus();
    case 'focus.time_to_max':
      return (s) => {
        const deficit = s.focusMax() - s.focus();
        if (deficit <= 0) return 0;
        const regen = s.focusRegen();
        return regen > 0 ? deficit / regen : NEVER_SECONDS;
      };
    case 'focus.max':
      return (s) => s.focusMax();
    case 'focus.regen':
      return (s) => s.focusRegen();
    case 'focus.pct':
      return (s) => {
        const max = s.focusMax();
        return max > 0 ? (s.focus() / max) * 100 : 0;
      };
    case 'gcd':
    case 'gcd.max':
      return leaf(LeafKind.Gcd, 0, env);
    case 'gcd.remains':
      return (s) => s.gcdRemains();
    case 'time':
      return (s) => s.time();
    case 'fight_remains':
      return leaf(LeafKind.FightRemains, 0, env);
    case 'target.time_to_die':
    case 'time_to_die':
    case 'time_to_die.remains':
      return (s) => s.targetTimeToDie(env.target);
    case 'active_enemies':
    case 'spell_targets':
      return activeEnemies(cc);
    case 'target.health.pct':
      return (s) => s.targetHealthPct(env.target);
  }
}

function compileNamed(e: NamedRef, cc: ExprCompiler): NumFn {
  const env = cc.env;
  if (e.source === 'variable') {
    const idx = cc.variables.get(e.name);
    if (idx === undefined) throw new RotationError(`unknown variable '${e.name}'`, e.line, e.nameColumn);
    const vars = env.vars;
    return () => vars[idx]!;
  }
  // a set bonus is worn or not for the whole sim: a constant, as a fixed talent
  if (e.source === 'setBonus') return constant(cc.resolver.setBonus?.(e.name) ?? 0);
  // so is an item
  if (e.source === 'equipped') return constant(cc.resolver.equipped?.(e.name) ?? 0);
  const id = resolveId(cc, SOURCE_KIND[e.source]!, e.name, e.line, e.nameColumn);
  const f = e.field;
  switch (e.source) {
    case 'buff':
    case 'petBuff':
    case 'debuff':
      if (e.source === 'buff' && f === 'react') cc.resolver.reactable?.(id);
      return compileAura(e.source, f, id, env);
    case 'dot':
      if (f === 'ticking' || f === 'up') return flag(FlagKind.Dot, id, 1, env);
      if (f === 'down') return flag(FlagKind.Dot, id, 0, env);
      if (f === 'remains') return (s) => s.dotRemains(id, env.target);
      if (f === 'refreshable') return (s) => s.dotRefreshable(id, env.target);
      return (s) => s.dotStack(id, env.target);
    case 'cooldown':
      if (f === 'ready' || f === 'up') return flag(FlagKind.CooldownDown, id, 0, env);
      if (f === 'down') return flag(FlagKind.CooldownDown, id, 1, env);
      if (f === 'remains') return leaf(LeafKind.CooldownRemains, id, env);
      if (f === 'charges') return (s) => s.cooldownCharges(id);
      if (f === 'charges_fractional') return leaf(LeafKind.CooldownChargesFractional, id, env);
      if (f === 'duration') return (s) => s.cooldownDuration(id);
      return leaf(LeafKind.CooldownFullRecharge, id, env);
    case 'talent': {
      const fixed = cc.resolver.talentValue;
      if (fixed !== undefined) return constant(fixed(id, f === 'rank'));
      if (f === 'rank') return (s) => s.talentRank(id);
      return (s) => s.talent(id);
    }
    case 'action':
      if (f === 'cast_time') return (s) => s.castTime(id);
      if (f === 'execute_time') return (s) => s.executeTime(id);
      if (f === 'cost') return (s) => s.actionCost(id);
      if (f === 'cast_regen') return (s) => s.castRegen(id);
      if (f === 'in_flight') return (s) => (s.inFlight(id, -1) > 0 ? 1 : 0);
      if (f === 'in_flight_count') return (s) => s.inFlight(id, -1);
      if (f === 'in_flight_to_target') return (s) => (s.inFlight(id, env.target) > 0 ? 1 : 0);
      if (f === 'in_flight_to_target_count') return (s) => s.inFlight(id, env.target);
      return (s) => s.actionReady(id, env.target);
    case 'prevGcd': {
      const n = e.n;
      return (s) => s.prevGcd(n, id);
    }
    case 'prev':
      return () => (env.lastAction === id ? 1 : 0);
    case 'spellTargets':
      return activeEnemies(cc);
  }
}

/** `buff.X.*`, `pet.main.buff.X.*`, `debuff.X.*` (direct closures: these are on the hot path). */
function compileAura(source: 'buff' | 'petBuff' | 'debuff', f: string, id: number, env: Env): NumFn {
  const kind = SOURCE_KIND[source] as AuraKind;
  if (f === 'duration') return (s) => s.auraDuration(kind, id);
  if (f === 'max_stack') return (s) => s.auraMaxStack(kind, id);
  switch (source) {
    case 'buff':
      if (f === 'up') return flag(FlagKind.Buff, id, 1, env);
      if (f === 'down') return flag(FlagKind.Buff, id, 0, env);
      if (f === 'remains') return leaf(LeafKind.BuffRemains, id, env);
      if (f === 'at_max_stacks') return (s) => (s.buffStack(id) >= s.auraMaxStack(kind, id) ? 1 : 0);
      if (f === 'react') return (s) => s.buffReact(id);
      if (f === 'tick_time_remains') return (s) => s.buffTickTimeRemains(id);
      return leaf(LeafKind.BuffStack, id, env);
    case 'petBuff':
      if (f === 'up') return flag(FlagKind.PetBuff, id, 1, env);
      if (f === 'down') return flag(FlagKind.PetBuff, id, 0, env);
      if (f === 'remains') return leaf(LeafKind.PetBuffRemains, id, env);
      if (f === 'at_max_stacks') return (s) => (s.petBuffStack(id) >= s.auraMaxStack(kind, id) ? 1 : 0);
      return leaf(LeafKind.PetBuffStack, id, env);
    case 'debuff':
      if (f === 'up') return flag(FlagKind.Debuff, id, 1, env);
      if (f === 'down') return flag(FlagKind.Debuff, id, 0, env);
      if (f === 'remains') return leaf(LeafKind.DebuffRemains, id, env);
      if (f === 'at_max_stacks') {
        return (s) => (s.debuffStack(id, env.target) >= s.auraMaxStack(kind, id) ? 1 : 0);
      }
      return (s) => s.debuffStack(id, env.target);
  }
}

/** `active_enemies`: a constant when the resolver fixes it (AplResolver.activeEnemies). */
function activeEnemies(cc: ExprCompiler): NumFn {
  const n = cc.resolver.activeEnemies?.();
  return n !== undefined ? constant(n) : (s) => s.activeEnemies();
}
