/**
 * Comparisons that read a getter themselves (`focus>=65`, `pet.main.buff.frenzy.stack<3`,
 * `cooldown.X.full_recharge_time<gcd`): every closure call in a condition is a megamorphic call
 * V8 does not inline, and a number returned from one is boxed, so a comparison with a leaf
 * operand calls the leaf's getter in its own closure (leafCompare's switches restate `getter`'s
 * reads for that reason: a shared getter closure would be the call they save). The same reads,
 * the same value as compileBinary's comparison.
 */
import type { Env, NumFn } from './compile-expr.ts';

/** Which getter a leaf reads. */
export const enum LeafKind {
  BuffRemains,
  BuffStack,
  PetBuffRemains,
  PetBuffStack,
  DebuffRemains,
  CooldownRemains,
  CooldownChargesFractional,
  CooldownFullRecharge,
  Focus,
  Gcd,
  FightRemains,
}

/** A leaf: a closure that returns one getter's value (see leaf). */
interface Leaf {
  readonly kind: LeafKind;
  readonly id: number;
}
const LEAF = new WeakMap<NumFn, Leaf>();

/** The closure of getter `kind` of `id`, registered as a leaf (the one place a leaf's getter is named). */
export function leaf(kind: LeafKind, id: number, env: Env): NumFn {
  const f = getter(kind, id, env);
  LEAF.set(f, { kind, id });
  return f;
}

function getter(kind: LeafKind, id: number, env: Env): NumFn {
  switch (kind) {
    case LeafKind.BuffRemains:
      return (s) => s.buffRemains(id);
    case LeafKind.BuffStack:
      return (s) => s.buffStack(id);
    case LeafKind.PetBuffRemains:
      return (s) => s.petBuffRemains(id);
    case LeafKind.PetBuffStack:
      return (s) => s.petBuffStack(id);
    case LeafKind.DebuffRemains:
      return (s) => s.debuffRemains(id, env.target);
    case LeafKind.CooldownRemains:
      return (s) => s.cooldownRemains(id);
    case LeafKind.CooldownChargesFractional:
      return (s) => s.cooldownChargesFractional(id);
    case LeafKind.CooldownFullRecharge:
      return (s) => s.cooldownFullRecharge(id);
    case LeafKind.Focus:
      return (s) => s.focus();
    case LeafKind.Gcd:
      return (s) => s.gcd();
    case LeafKind.FightRemains:
      return (s) => s.fightRemains();
  }
}

const enum Cmp {
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
}
const CMP: Readonly<Record<string, Cmp>> = {
  '=': Cmp.Eq,
  '!=': Cmp.Ne,
  '<': Cmp.Lt,
  '<=': Cmp.Le,
  '>': Cmp.Gt,
  '>=': Cmp.Ge,
};
/** `a op b` is `b MIRROR[op] a` (exact for every number, NaN included). */
const MIRROR: readonly Cmp[] = [Cmp.Eq, Cmp.Ne, Cmp.Gt, Cmp.Ge, Cmp.Lt, Cmp.Le];

/** `x op y` as 0/1 (small: V8 inlines it into each closure). */
function cmp(op: Cmp, x: number, y: number): number {
  switch (op) {
    case Cmp.Eq:
      return x === y ? 1 : 0;
    case Cmp.Ne:
      return x !== y ? 1 : 0;
    case Cmp.Lt:
      return x < y ? 1 : 0;
    case Cmp.Le:
      return x <= y ? 1 : 0;
    case Cmp.Gt:
      return x > y ? 1 : 0;
    case Cmp.Ge:
      return x >= y ? 1 : 0;
  }
}

/**
 * `a op b` when `op` is a comparison and a or b is a leaf (a preferred), with `ca` / `cb` their
 * values when constant; undefined otherwise. A right-hand leaf is read first and the comparison
 * mirrored (getters are pure: the order changes nothing but the time taken).
 */
export function leafCompare(
  operator: string,
  a: NumFn,
  b: NumFn,
  ca: number | undefined,
  cb: number | undefined,
  env: Env,
): NumFn | undefined {
  const op0 = CMP[operator];
  if (op0 === undefined) return undefined;
  const la = LEAF.get(a);
  const x = la ?? LEAF.get(b);
  if (x === undefined) return undefined;
  const op = la !== undefined ? op0 : MIRROR[op0]!;
  const other = la !== undefined ? b : a;
  const c = la !== undefined ? cb : ca;
  const id = x.id;
  if (c !== undefined) {
    switch (x.kind) {
      case LeafKind.BuffRemains:
        return (s) => cmp(op, s.buffRemains(id), c);
      case LeafKind.BuffStack:
        return (s) => cmp(op, s.buffStack(id), c);
      case LeafKind.PetBuffRemains:
        return (s) => cmp(op, s.petBuffRemains(id), c);
      case LeafKind.PetBuffStack:
        return (s) => cmp(op, s.petBuffStack(id), c);
      case LeafKind.DebuffRemains:
        return (s) => cmp(op, s.debuffRemains(id, env.target), c);
      case LeafKind.CooldownRemains:
        return (s) => cmp(op, s.cooldownRemains(id), c);
      case LeafKind.CooldownChargesFractional:
        return (s) => cmp(op, s.cooldownChargesFractional(id), c);
      case LeafKind.CooldownFullRecharge:
        return (s) => cmp(op, s.cooldownFullRecharge(id), c);
      case LeafKind.Focus:
        return (s) => cmp(op, s.focus(), c);
      case LeafKind.Gcd:
        return (s) => cmp(op, s.gcd(), c);
      case LeafKind.FightRemains:
        return (s) => cmp(op, s.fightRemains(), c);
    }
  }
  switch (x.kind) {
    case LeafKind.BuffRemains:
      return (s) => cmp(op, s.buffRemains(id), other(s));
    case LeafKind.BuffStack:
      return (s) => cmp(op, s.buffStack(id), other(s));
    case LeafKind.PetBuffRemains:
      return (s) => cmp(op, s.petBuffRemains(id), other(s));
    case LeafKind.PetBuffStack:
      return (s) => cmp(op, s.petBuffStack(id), other(s));
    case LeafKind.DebuffRemains:
      return (s) => cmp(op, s.debuffRemains(id, env.target), other(s));
    case LeafKind.CooldownRemains:
      return (s) => cmp(op, s.cooldownRemains(id), other(s));
    case LeafKind.CooldownChargesFractional:
      return (s) => cmp(op, s.cooldownChargesFractional(id), other(s));
    case LeafKind.CooldownFullRecharge:
      return (s) => cmp(op, s.cooldownFullRecharge(id), other(s));
    case LeafKind.Focus:
      return (s) => cmp(op, s.focus(), other(s));
    case LeafKind.Gcd:
      return (s) => cmp(op, s.gcd(), other(s));
    case LeafKind.FightRemains:
      return (s) => cmp(op, s.fightRemains(), other(s));
  }
}
