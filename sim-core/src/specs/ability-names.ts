import { BM_DATA } from './bm-hunter/data.ts';
import { MM_DATA } from './mm-hunter/data.ts';
import { POTION_SOURCE } from './consumables.ts';
import { RACIAL_SOURCES } from './racials.ts';

/** Display name of every damage-breakdown key of every spec. */
export const ABILITY_NAMES: ReadonlyMap<string, string> = new Map(
  [...[BM_DATA, MM_DATA].flatMap((d) => d.sources), POTION_SOURCE, ...RACIAL_SOURCES].map(
    (s) => [s.key, s.name] as const,
  ),
);
