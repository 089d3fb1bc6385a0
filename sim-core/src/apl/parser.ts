/**
 * Parses rotation text (SimulationCraft action priority list syntax, the subset documented in
 * sim-core/docs/rotation-language.md) into a Rotation. Every problem is a RotationError with the
 * 1-based line and column where it is.
 */
import type { AplAction, AplList, Rotation } from './ast.ts';
import type { AplVocabulary } from './context.ts';
import { APL_LIMITS, RotationError } from './errors.ts';
import { parseAction } from './action-parser.ts';
import { WarningCollector, type ParseContext } from './parse-context.ts';
import { validateRotation } from './validate.ts';
import { DEFAULT_LIST, isListName, splitSegments } from './syntax.ts';

const HEADER = /^actions(?:\.([A-Za-z0-9_]*))?(\+?=)/;

/**
 * Parses a rotation. With a vocabulary every spell, buff, talent, ... name must be known to it or
 * be a real SimulationCraft name that is not modelled (a warning, see simc-names.ts); without one
 * only the structure, list and variable names are checked.
 */
export function parseRotation(text: string, vocabulary?: AplVocabulary): Rotation {
  if (typeof text !== 'string') throw new RotationError('rotation must be text', 1, 1);
  if (text.length > APL_LIMITS.maxTextLength) {
    throw new RotationError(`rotation longer than ${APL_LIMITS.maxTextLength} characters`, 1, 1);
  }
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > APL_LIMITS.maxLines) {
    throw new RotationError(
      `rotation has more than ${APL_LIMITS.maxLines} lines`,
      APL_LIMITS.maxLines + 1,
      1,
    );
  }
  const lists = new Map<string, AplList>();
  const ctx: ParseContext = { vocabulary, warnings: new WarningCollector() };
  let actionCount = 0;
  const errors: RotationError[] = [];
  for (let li = 0; li < lines.length; li++) {
    const lineNo = li + 1;
    const raw = lines[li]!;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '' || body.startsWith('#')) continue;
    const column = indent + 1;
    try {
      const header = HEADER.exec(body);
      if (header === null) {
        throw new RotationError(
          `expected 'actions=', 'actions+=/', 'actions.NAME+=/' or a '#' comment`,
          lineNo,
          column,
        );
      }
      const listName = header[1] ?? DEFAULT_LIST;
      if (header[1] !== undefined && !isListName(listName)) {
        throw new RotationError(`invalid list name '${listName}' (use a-z, 0-9, _)`, lineNo, column + 8);
      }
      if (listName.length > APL_LIMITS.maxNameLength) {
        throw new RotationError(
          `list name longer than ${APL_LIMITS.maxNameLength} characters`,
          lineNo,
          column + 8,
        );
      }
      const append = header[2] === '+=';
      let rest = body.slice(header[0].length);
      let restColumn = column + header[0].length;
      if (rest.startsWith('/')) {
        rest = rest.slice(1);
        restColumn++;
      }
      let list = lists.get(listName);
      if (list === undefined) {
        if (lists.size >= APL_LIMITS.maxLists) {
          throw new RotationError(`more than ${APL_LIMITS.maxLists} action lists`, lineNo, column);
        }
        list = { name: listName, line: lineNo, column, actions: [] };
        lists.set(listName, list);
      } else if (!append) {
        actionCount -= list.actions.length;
        list.actions.length = 0;
      }
      if (rest === '') {
        if (append) throw new RotationError('empty action', lineNo, restColumn);
        continue;
      }
      for (const seg of splitSegments(rest, restColumn, '/')) {
        const action: AplAction | null = parseAction(seg.text, lineNo, seg.column, ctx, listName);
        if (action === null) continue;
        if (++actionCount > APL_LIMITS.maxActions) {
          throw new RotationError(`more than ${APL_LIMITS.maxActions} actions`, lineNo, seg.column);
        }
        list.actions.push(action);
      }
    } catch (e) {
      // read on: every bad line is reported at once (up to a bound)
      if (!(e instanceof RotationError)) throw e;
      errors.push(e);
      if (errors.length >= APL_LIMITS.maxReportedProblems) break;
    }
  }
  if (errors.length > 0) {
    const e = RotationError.of(errors);
    e.warnings = ctx.warnings.sorted();
    throw e;
  }
  const rotation: Rotation = { lists: [...lists.values()], warnings: ctx.warnings.sorted() };
  validateRotation(rotation);
  return rotation;
}
