/**
 * Writing the default list's unconditional calls out in it (see inlineCalls), at compile time.
 */
import type { Rotation } from './ast.ts';
import { listSteps, type ListSteps } from './compile.ts';

/**
 * The default list's unconditional calls of lists that call no list, written out in it: the
 * call line becomes a left-out line (`never`: it only counts its evaluation, then the called
 * list's lines run), followed by the called list's lines, so that a decision walks one list
 * instead of calling a walk per list. The same lines in the same order with the same
 * evaluations: the default list is walked at depth 0 only (none of the lists calls it), so its
 * calls were never stopped by the depth limit, and the lines written out call no list, so none of
 * them reads the depth.
 */
export function inlineCalls(
  lists: ListSteps[],
  d: number,
  rotation: Rotation,
  calls: readonly Int32Array[],
): void {
  const callsList = (l: Rotation['lists'][number]): boolean =>
    l.actions.some((a) => a.type === 'call_action_list' || a.type === 'run_action_list');
  const callsDefault = rotation.lists.some((l) =>
    l.actions.some(
      (a) =>
        (a.type === 'call_action_list' || a.type === 'run_action_list') && a.list === rotation.lists[d]?.name,
    ),
  );
  const from = lists[d];
  if (from === undefined || callsDefault) return;
  const parts: [ListSteps, number][] = [];
  let inlined = false;
  for (let i = 0; i < from.steps.length; i++) {
    const t = calls[d]![i]!;
    // (t is never d: a default list that calls itself returned above; and a call line with no
    // condition is never `never`)
    if (t < 0 || callsList(rotation.lists[t]!)) {
      parts.push([from, i]);
      continue;
    }
    parts.push([from, -1 - i]); // the call line, counted only
    const called = lists[t]!;
    for (let j = 0; j < called.steps.length; j++) parts.push([called, j]);
    inlined = true;
  }
  if (!inlined) return;
  const n = parts.length;
  const l = listSteps([], n);
  parts.forEach(([src, j], k) => {
    const counted = j < 0;
    const i = counted ? -1 - j : j;
    l.steps.push(src.steps[i]!);
    l.spellId[k] = counted ? -1 : src.spellId[i]!;
    l.spellCond.push(counted ? undefined : src.spellCond[i]);
    l.spellSlot[k] = counted ? -1 : src.spellSlot[i]!;
    l.spellLineCd[k] = counted ? 0 : src.spellLineCd[i]!;
    l.never[k] = counted ? 1 : src.never[i]!;
  });
  lists[d] = l;
}
