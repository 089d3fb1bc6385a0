// Nesting depth of a JSON text, measured without parsing it (a string scan), so a body nested
// thousands of levels deep is refused with a 400 before anything recurses over it (Postgres'
// jsonb input, or our own code, would otherwise fail with a stack-depth 500).

/** Deepest nesting a request body may have; real configs and filters stay far below it. */
export const MAX_JSON_DEPTH = 256;

/** True when `text` opens more than `max` arrays/objects inside one another. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
