/**
 * Compiles a parsed Rotation against an engine resolver into a CompiledRotation whose `decide`
 * walks the priority lists with closures, bounded by APL_LIMITS, without allocating.
 */
import type { AplAction, PoolAction, Rotation, SpellAction, VariableAction } from './ast.ts';
import type { AplResolver, AplState, CompiledRotation } from './context.ts';
import { APL_IDLE, APL_WAIT } from './context.ts';
import {
  compileExpr,
  constantValue,
  resolveId,
  type Env,
  type ExprCompiler,
  type NumFn,
} from './compile-expr.ts';
import { APL_LIMITS } from './errors.ts';
import { DEFAULT_LIST, PRECOMBAT_LIST } from './syntax.ts';
import { inlineCalls } from './inline-calls.ts';

/** Step result: nothing decided here, go on with the next step. */
const CONTINUE = -3;

type Step = (s: AplState, depth: number) => number;

/**
 * One action list: its steps, and per step its plain spell line (no target_if / cycle_targets),
 * which the walk runs itself instead of calling the step (most lines are these, and most of them
 * fail on readiness): its action id (-1: not a plain spell line), condition, line_cd slot and
 * line_cd seconds.
 */
export interface ListSteps {
  readonly steps: Step[];
  readonly spellId: Int32Array;
  readonly spellCond: (NumFn | undefined)[];
  readonly spellSlot: Int32Array;
  readonly spellLineCd: Float64Array;
  /**
   * Per step, 1 for a line that can only count one evaluation and go on: a plain spell line or an
   * action-list call whose condition compiled to the constant 0 (talents the resolver fixes), a
   * plain line repeating an earlier one (leaveOutRepeats), or a call line whose list is written
   * out after it (inline-calls.ts).
   */
  readonly never: Uint8Array;
  /**
   * What the walk runs, `run[0..runCount)`: a step index (>= 0), or −n for n lines left out
   * (plain spell lines of actions the state never knows, and `never` lines: each would only have
   * counted one evaluation and gone on). Rebuilt at every reset.
   */
  readonly run: Int32Array;
  runCount: number;
}

class Runtime implements CompiledRotation {
  target = 0;
  waitSeconds = 0;
  budget = 0;
  evaluations = 0;
  readonly lists: ListSteps[] = [];
  readonly precombat: Step[] = [];
  /** actions.precombat's spell lines: the action and its condition (undefined: always). */
  readonly precombatSpells: Array<{ id: number; cond: NumFn | undefined }> = [];
  defaultList = 0;
  readonly lastUse: Float64Array;

  constructor(
    readonly env: Env,
    readonly varDefaults: Float64Array,
    lineCdCount: number,
  ) {
    this.lastUse = new Float64Array(lineCdCount);
  }

  reset(state: AplState): void {
    this.env.vars.set(this.varDefaults);
    this.lastUse.fill(-Infinity);
    this.target = 0;
    this.waitSeconds = 0;
    this.env.target = 0;
    this.env.lastAction = -1;
    this.budget = APL_LIMITS.maxEvaluationsPerDecision;
    for (const list of this.lists) prune(list, state);
    for (let i = 0; i < this.precombat.length; i++) this.precombat[i]!(state, 0);
  }

  decide(state: AplState): number {
    this.budget = APL_LIMITS.maxEvaluationsPerDecision;
    this.target = 0;
    this.waitSeconds = 0;
    this.env.target = 0;
    const r = this.walk(this.defaultList, state, 0);
    this.env.target = 0;
    this.evaluations += APL_LIMITS.maxEvaluationsPerDecision - this.budget;
    return r === CONTINUE ? APL_IDLE : r;
  }

  precombatCast(state: AplState): number {
    // one evaluation per line against the decision budget, counted as a decision's are
    const max = APL_LIMITS.maxEvaluationsPerDecision;
    this.budget = max;
    let r = -1;
    for (const { id, cond } of this.precombatSpells) {
      if (--this.budget < 0) break;
      if (state.actionReady(id, 0) === 0) continue;
      if (cond !== undefined && cond(state) === 0) continue;
      r = id;
      break;
    }
    this.evaluations += max - Math.max(this.budget, 0);
    return r;
  }

  walk(list: number, state: AplState, depth: number): number {
    const l = this.lists[list]!;
    const run = l.run;
    const n = l.runCount;
    for (let k = 0; k < n; k++) {
      const i = run[k]!;
      if (i < 0) {
        if (this.skipLines(-i)) return APL_IDLE;
        continue;
      }
      const id = l.spellId[i]!;
      if (id < 0) {
        const r = l.steps[i]!(state, depth);
        if (r !== CONTINUE) return r;
        continue;
      }
      // spellStep for a plain line, written out (the same reads in the same order)
      if (--this.budget < 0) return APL_IDLE;
      const slot = l.spellSlot[i]!;
      if (slot >= 0 && state.time() < this.lastUse[slot]! + l.spellLineCd[i]!) continue;
      if (state.actionReady(id, 0) === 0) continue;
      const cond = l.spellCond[i];
      if (cond !== undefined && cond(state) === 0) continue;
      if (slot >= 0) this.lastUse[slot] = state.time();
      this.target = 0;
      this.env.lastAction = id;
      return id;
    }
    return CONTINUE;
  }

  /**
   * Counts `n` left-out lines as evaluated; true when the budget ran out among them (each line
   * would have returned APL_IDLE there, leaving the budget at -1).
   */
  private skipLines(n: number): boolean {
    this.budget -= n;
    if (this.budget >= 0) return false;
    this.budget = -1;
    return true;
  }
}

/**
 * Rebuilds a list's run / skip tables for `state`: a plain line of an action the state never
 * knows (AplState.actionKnown), and a `never` line, is left out, since it could only count one
 * evaluation and go on.
 */
function prune(list: ListSteps, state: AplState): void {
  let k = 0;
  let skipped = 0;
  for (let i = 0; i < list.steps.length; i++) {
    const id = list.spellId[i]!;
    if (list.never[i] === 1 || (id >= 0 && state.actionKnown !== undefined && !state.actionKnown(id))) {
      skipped++;
      continue;
    }
    if (skipped > 0) list.run[k++] = -skipped;
    list.run[k++] = i;
    skipped = 0;
  }
  if (skipped > 0) list.run[k++] = -skipped;
  list.runCount = k;
}

interface SpellParts {
  id: number;
  cond: NumFn | undefined;
  lineCd: number;
  slot: number;
}

/**
 * Compiles a rotation. Names are resolved with `resolver`; an unknown one is a RotationError at its
 * place in the text. The result is reusable across iterations (call `reset` at each start).
 */
export function compileRotation(rotation: Rotation, resolver: AplResolver): CompiledRotation {
  const variables = new Map<string, number>();
  const defaults: number[] = [];
  const defaultGiven: boolean[] = [];
  let lineCdCount = 0;
  for (const list of rotation.lists) {
    for (const a of list.actions) {
      if (a.type === 'spell' && a.lineCd > 0) lineCdCount++;
      if (a.type !== 'variable') continue;
      let idx = variables.get(a.name);
      if (idx === undefined) {
        idx = defaults.length;
        variables.set(a.name, idx);
        defaults.push(0);
        defaultGiven.push(false);
      }
      if (!defaultGiven[idx] && a.defaultValue !== 0) {
        defaults[idx] = a.defaultValue;
        defaultGiven[idx] = true;
      }
    }
  }
  const env: Env = { target: 0, vars: new Float64Array(defaults.length), lastAction: -1 };
  const rt = new Runtime(env, Float64Array.from(defaults), lineCdCount);
  const cc: ExprCompiler = { env, resolver, variables };
  const listIndex = new Map(rotation.lists.map((l, i) => [l.name, i]));
  rt.defaultList = listIndex.get(DEFAULT_LIST) ?? 0;
  let slots = 0;
  const spellParts = (a: SpellAction): SpellParts => ({
    id: resolveId(cc, 'actions', a.name, a.line, a.column),
    cond: a.condition && compileExpr(a.condition, cc),
    lineCd: a.lineCd,
    slot: a.lineCd > 0 ? slots++ : -1,
  });
  /** Per list, per step: the list an unconditional call_action_list calls, else -1. */
  const calls: Int32Array[] = [];
  for (const list of rotation.lists) {
    const steps: Step[] = [];
    const called = new Int32Array(list.actions.length).fill(-1);
    calls.push(called);
    const parts = list.actions.map((a) => (a.type === 'spell' ? spellParts(a) : undefined));
    const listConds: (NumFn | undefined)[] = [];
    list.actions.forEach((a, i) => {
      let cond = a.type === 'spell' ? undefined : a.condition && compileExpr(a.condition, cc);
      listConds.push(a.type.endsWith('_action_list') ? cond : undefined);
      // an action list called whatever the state: its condition is not called
      if (cond !== undefined && listConds[i] === cond && (constantValue(cond) ?? 0) !== 0) cond = undefined;
      if (a.type === 'call_action_list' && cond === undefined) called[i] = listIndex.get(a.list)!;
      steps.push(compileStep(a, cond, parts[i], parts[i + 1], list.actions[i + 1], rt, cc, listIndex));
    });
    const n = steps.length;
    const l = listSteps(steps, n);
    for (let i = 0; i < n; i++) {
      const a = list.actions[i]!;
      const p = a.type === 'spell' && a.targetIf === undefined && !a.cycleTargets ? parts[i] : undefined;
      l.spellId[i] = p === undefined ? -1 : p.id;
      // a condition that is always true is not called; one that is always false leaves the line out
      const cond = p !== undefined ? p.cond : listConds[i];
      const fixed = cond === undefined ? undefined : constantValue(cond);
      l.never[i] = fixed === 0 ? 1 : 0;
      l.spellCond.push(fixed === undefined ? p?.cond : undefined);
      l.spellSlot[i] = p === undefined ? -1 : p.slot;
      l.spellLineCd[i] = p === undefined ? 0 : p.lineCd;
    }
    leaveOutRepeats(l, list.actions);
    rt.lists.push(l);
    if (list.name === PRECOMBAT_LIST) {
      list.actions.forEach((a, i) => {
        if (a.type === 'variable') rt.precombat.push(steps[i]!);
        else if (l.spellId[i]! >= 0 && l.never[i] === 0)
          rt.precombatSpells.push({ id: l.spellId[i]!, cond: l.spellCond[i] });
      });
    }
  }
  inlineCalls(rt.lists, rt.defaultList, rotation, calls);
  return rt;
}

/** A list of `n` steps (`steps` filled by the caller when empty): its tables zeroed, every step in the run. */
export function listSteps(steps: Step[], n: number): ListSteps {
  return {
    steps,
    spellId: new Int32Array(n),
    spellCond: [],
    spellSlot: new Int32Array(n),
    spellLineCd: new Float64Array(n),
    never: new Uint8Array(n),
    // at most one left-out run before each step and one after the last
    run: Int32Array.from({ length: 2 * n + 1 }, (_, i) => (i < n ? i : 0)),
    runCount: n,
  };
}

/**
 * A plain spell line that repeats an earlier plain line of its list (the same action and the same
 * condition, as Dark Ranger's Kill Shot line, which is Black Arrow, before the Black Arrow line),
 * with only plain lines between them, is `never`: the walk reaches it only when the earlier line
 * failed, and nothing between them changes the state it reads (plain lines read; no variable is
 * set, no target chosen), so it fails too and can only count its evaluation.
 */
function leaveOutRepeats(l: ListSteps, actions: readonly AplAction[]): void {
  // action and condition of each plain line since the last line that is not plain
  const seen = new Set<string>();
  for (let j = 0; j < l.steps.length; j++) {
    if (l.spellId[j]! < 0 || l.spellSlot[j]! >= 0) {
      seen.clear();
      continue;
    }
    const condition = (actions[j] as SpellAction).condition ?? null;
    const key = `${l.spellId[j]} ${JSON.stringify(condition, (k, v: unknown) =>
      k === 'line' || k === 'column' || k === 'nameColumn' ? undefined : v,
    )}`;
    if (seen.has(key)) l.never[j] = 1;
    else seen.add(key);
  }
}

function compileStep(
  a: AplAction,
  cond: NumFn | undefined,
  spell: SpellParts | undefined,
  nextSpell: SpellParts | undefined,
  next: AplAction | undefined,
  rt: Runtime,
  cc: ExprCompiler,
  listIndex: ReadonlyMap<string, number>,
): Step {
  switch (a.type) {
    case 'spell':
      return spellStep(a, spell!, rt, cc);
    case 'call_action_list':
    case 'run_action_list': {
      const target = listIndex.get(a.list)!;
      const run = a.type === 'run_action_list';
      return (s, depth) => {
        if (--rt.budget < 0) return APL_IDLE;
        if (cond !== undefined && cond(s) === 0) return CONTINUE;
        if (depth >= APL_LIMITS.maxCallDepth) return CONTINUE;
        const r = rt.walk(target, s, depth + 1);
        return run && r === CONTINUE ? APL_IDLE : r;
      };
    }
    case 'variable':
      return variableStep(a, cond, rt, cc);
    case 'wait': {
      const sec = compileExpr(a.sec, cc);
      return (s) => {
        if (--rt.budget < 0) return APL_IDLE;
        if (cond !== undefined && cond(s) === 0) return CONTINUE;
        return waitFor(rt, sec(s));
      };
    }
    case 'pool_resource':
      return poolStep(a, cond, nextSpell, next as SpellAction | undefined, rt, cc);
  }
}

function waitFor(rt: Runtime, seconds: number): number {
  if (!(seconds > 0)) return CONTINUE;
  rt.waitSeconds = seconds < APL_LIMITS.maxWaitSeconds ? seconds : APL_LIMITS.maxWaitSeconds;
  return APL_WAIT;
}

function spellStep(a: SpellAction, p: SpellParts, rt: Runtime, cc: ExprCompiler): Step {
  const { id, cond, lineCd, slot } = p;
  const env = rt.env;
  const lastUse = rt.lastUse;
  const targetIf = a.targetIf && compileExpr(a.targetIf.expr, cc);
  const mode = a.targetIf?.mode ?? 'first';
  const cycle = a.cycleTargets;
  return (s) => {
    if (--rt.budget < 0) return APL_IDLE;
    if (slot >= 0 && s.time() < lastUse[slot]! + lineCd) return CONTINUE;
    let target = 0;
    if (targetIf !== undefined || cycle) {
      let n = s.activeEnemies();
      if (n > APL_LIMITS.maxTargets) n = APL_LIMITS.maxTargets;
      target = -1;
      let best = 0;
      for (let t = 0; t < n; t++) {
        if (--rt.budget < 0) {
          env.target = 0;
          return APL_IDLE;
        }
        env.target = t;
        if (cycle) {
          // cycle_targets: the first enemy where the spell is ready and if= holds
          if (s.actionReady(id, t) !== 0 && (cond === undefined || cond(s) !== 0)) {
            target = t;
            break;
          }
          continue;
        }
        const v = targetIf!(s);
        if (mode === 'first') {
          if (v !== 0) {
            target = t;
            break;
          }
        } else if (target < 0 || (mode === 'min' ? v < best : v > best)) {
          target = t;
          best = v;
        }
      }
      if (target < 0) {
        env.target = 0;
        return CONTINUE;
      }
    }
    env.target = target;
    // Readiness first (sim-core engine engineer): most steps fail on it and it is cheaper than the
    // condition; getters are pure, so the decision is the same.
    const ok = cycle || (s.actionReady(id, target) !== 0 && (cond === undefined || cond(s) !== 0));
    env.target = 0;
    if (!ok) return CONTINUE;
    if (slot >= 0) lastUse[slot] = s.time();
    rt.target = target;
    env.lastAction = id;
    return id;
  };
}

function variableStep(a: VariableAction, cond: NumFn | undefined, rt: Runtime, cc: ExprCompiler): Step {
  const vars = rt.env.vars;
  const idx = cc.variables.get(a.name)!;
  const value: NumFn = a.value ? compileExpr(a.value, cc) : () => 0;
  const valueElse: NumFn = a.valueElse ? compileExpr(a.valueElse, cc) : () => 0;
  const setCond: NumFn = a.setCondition ? compileExpr(a.setCondition, cc) : () => 0;
  const op = a.op;
  const defaultValue = rt.varDefaults[idx]!;
  return (s) => {
    if (--rt.budget < 0) return APL_IDLE;
    if (cond !== undefined && cond(s) === 0) return CONTINUE;
    const cur = vars[idx]!;
    switch (op) {
      case 'set':
        vars[idx] = value(s);
        break;
      case 'add':
        vars[idx] = cur + value(s);
        break;
      case 'sub':
        vars[idx] = cur - value(s);
        break;
      case 'mul':
        vars[idx] = cur * value(s);
        break;
      case 'div': {
        const d = value(s);
        vars[idx] = d === 0 ? 0 : cur / d;
        break;
      }
      case 'min':
        vars[idx] = Math.min(cur, value(s));
        break;
      case 'max':
        vars[idx] = Math.max(cur, value(s));
        break;
      case 'floor':
        vars[idx] = Math.floor(cur);
        break;
      case 'ceil':
        vars[idx] = Math.ceil(cur);
        break;
      case 'reset':
        vars[idx] = defaultValue;
        break;
      case 'setif':
        vars[idx] = setCond(s) !== 0 ? value(s) : valueElse(s);
        break;
    }
    return CONTINUE;
  };
}

function poolStep(
  a: PoolAction,
  cond: NumFn | undefined,
  next: SpellParts | undefined,
  nextAction: SpellAction | undefined,
  rt: Runtime,
  cc: ExprCompiler,
): Step {
  const extra = a.extraAmount && compileExpr(a.extraAmount, cc);
  if (!a.forNext || next === undefined || nextAction === undefined) {
    const wait = a.wait ? compileExpr(a.wait, cc) : () => 0;
    return (s) => {
      if (--rt.budget < 0) return APL_IDLE;
      if (cond !== undefined && cond(s) === 0) return CONTINUE;
      if (extra !== undefined && s.focus() >= extra(s)) return CONTINUE;
      return waitFor(rt, wait(s));
    };
  }
  const cdId = cc.resolver.resolve('cooldowns', nextAction.name);
  const lastUse = rt.lastUse;
  const { id, cond: nextCond, lineCd, slot } = next;
  return (s) => {
    if (--rt.budget < 0) return APL_IDLE;
    if (cond !== undefined && cond(s) === 0) return CONTINUE;
    if (slot >= 0 && s.time() < lastUse[slot]! + lineCd) return CONTINUE;
    if (nextCond !== undefined && nextCond(s) === 0) return CONTINUE;
    if (s.actionReady(id, 0) !== 0) return CONTINUE;
    const need = s.actionCost(id) + (extra !== undefined ? extra(s) : 0);
    const focus = s.focus();
    const regen = s.focusRegen();
    if (focus >= need || !(regen > 0) || need > s.focusMax()) return CONTINUE;
    const t = (need - focus) / regen;
    if (cdId >= 0 && s.cooldownRemains(cdId) > t) return CONTINUE;
    return waitFor(rt, t);
  };
}
