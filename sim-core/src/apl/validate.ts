/** Whole-rotation checks done after every line is parsed: lists, variables, pooling targets. */
import type { AplAction, Expr, Rotation } from './ast.ts';
import { APL_LIMITS, RotationError } from './errors.ts';
import { DEFAULT_LIST } from './syntax.ts';

/** Calls `fn` on every node of `expr`, depth first, left to right. */
export function walkExpr(expr: Expr, fn: (e: Expr) => void): void {
  fn(expr);
  if (expr.kind === 'unary' || expr.kind === 'call') walkExpr(expr.arg, fn);
  else if (expr.kind === 'binary') {
    walkExpr(expr.left, fn);
    walkExpr(expr.right, fn);
  }
}

/** The expressions of an action in text order. */
export function actionExpressions(action: AplAction): Expr[] {
  const out: Expr[] = [];
  if (action.condition !== undefined) out.push(action.condition);
  switch (action.type) {
    case 'spell':
      if (action.targetIf !== undefined) out.push(action.targetIf.expr);
      break;
    case 'variable':
      for (const e of [action.value, action.valueElse, action.setCondition]) if (e !== undefined) out.push(e);
      break;
    case 'wait':
      out.push(action.sec);
      break;
    case 'pool_resource':
      for (const e of [action.wait, action.extraAmount]) if (e !== undefined) out.push(e);
      break;
    default:
      break;
  }
  return out;
}

export function validateRotation(rotation: Rotation): void {
  const lists = new Set(rotation.lists.map((l) => l.name));
  if (!lists.has(DEFAULT_LIST)) throw new RotationError(`the rotation has no 'actions=' list`, 1, 1);
  const variables = new Set<string>();
  for (const list of rotation.lists) {
    for (const action of list.actions) {
      if (action.type !== 'variable' || variables.has(action.name)) continue;
      if (variables.size >= APL_LIMITS.maxVariables) {
        throw new RotationError(
          `more than ${APL_LIMITS.maxVariables} variables`,
          action.line,
          action.nameColumn,
        );
      }
      variables.add(action.name);
    }
  }
  const problems: RotationError[] = [];
  for (const list of rotation.lists) {
    list.actions.forEach((action, i) => {
      if (
        (action.type === 'call_action_list' || action.type === 'run_action_list') &&
        !lists.has(action.list)
      ) {
        problems.push(
          new RotationError(`unknown action list '${action.list}'`, action.line, action.listColumn),
        );
      }
      if (action.type === 'pool_resource' && action.forNext && list.actions[i + 1]?.type !== 'spell') {
        problems.push(
          new RotationError(
            'pool_resource must be followed by an action of the same list',
            action.line,
            action.column,
          ),
        );
      }
      for (const expr of actionExpressions(action)) {
        walkExpr(expr, (e) => {
          if (e.kind === 'named' && e.source === 'variable' && !variables.has(e.name)) {
            problems.push(new RotationError(`unknown variable '${e.name}'`, e.line, e.nameColumn));
          }
        });
      }
    });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw problems[0]!;
  }
}
