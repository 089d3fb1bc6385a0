/** What the parsers need besides the text: the spec's names, the warning collector and where they are. */
import type { RotationWarning } from './ast.ts';
import type { AplVocabulary } from './context.ts';

/** Collects warnings; the same message (same line) is kept once. */
export class WarningCollector {
  private readonly seen = new Set<string>();
  readonly list: RotationWarning[] = [];

  add(line: number, column: number, text: string): void {
    const message = `line ${line}: ${text}`;
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.list.push({ line, column, message, reason: text });
  }

  /** The warnings in text order. */
  sorted(): RotationWarning[] {
    return [...this.list].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

export interface ParseContext {
  /** The spec's names; without it only the structure is checked. */
  readonly vocabulary: AplVocabulary | undefined;
  readonly warnings: WarningCollector;
  /** The spell whose options are read, for the action-scoped shorthands (`cast_time`, ...). */
  readonly action?: string;
  /** Options of a no-op action: only the syntax is checked, names are not looked up. */
  readonly syntaxOnly?: boolean;
  /**
   * The on-use item a `use_items` / `use_item` line uses (an action name, specs/gear.ts
   * ON_USE_ITEMS): what `this_trinket.*` and `this_trinket_slot` read in its options.
   */
  readonly trinket?: string;
}

/** A context for parsing one expression on its own (tests, tools). */
export function standaloneContext(vocabulary?: AplVocabulary): ParseContext {
  return { vocabulary, warnings: new WarningCollector() };
}
