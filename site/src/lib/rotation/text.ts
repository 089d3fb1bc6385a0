// Text helpers for the rotation editor (pure).

/** Character offset of a 1-based line/column in `text` (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  let l = 1;
  while (l < line) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
    l += 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export const MAX_SCRIPT_BYTES = 65536;
export const MAX_NAME = 100;
export const MAX_DESCRIPTION = 4000;

export interface RotationMeta {
  name: string;
  description: string;
  script: string;
}

/** Problems the database would reject, checked before saving. */
export function checkRotationMeta(r: RotationMeta): string[] {
  const problems: string[] = [];
  const name = r.name.trim();
  if (name.length < 1 || name.length > MAX_NAME)
    problems.push(`The name must have 1 to ${MAX_NAME} characters.`);
  if (r.description.length > MAX_DESCRIPTION)
    problems.push(`The description must have at most ${MAX_DESCRIPTION} characters.`);
  if (new TextEncoder().encode(r.script).length > MAX_SCRIPT_BYTES)
    problems.push('The script must be at most 64 KiB.');
  if (r.script.trim().length === 0) problems.push('The script is empty.');
  return problems;
}
