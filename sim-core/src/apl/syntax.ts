/** Small pieces of the rotation syntax shared by the line and action parsers. */

const LIST_NAME = /^[a-z0-9_]+$/;

/** Name of the list written as `actions=` / `actions+=/`. */
export const DEFAULT_LIST = 'default';
/** Name of the list whose `variable` lines run before combat (`actions.precombat=`). */
export const PRECOMBAT_LIST = 'precombat';

interface Segment {
  text: string;
  column: number;
}

/** Splits `text` (starting at `column`) at every `sep`. */
export function splitSegments(text: string, column: number, sep: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === sep) {
      out.push({ text: text.slice(start, i), column: column + start });
      start = i + 1;
    }
  }
  return out;
}

export function isListName(name: string): boolean {
  return LIST_NAME.test(name);
}
