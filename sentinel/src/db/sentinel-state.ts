// State shared by every sentinel instance on the database (migration
// 20261127110100_share_scheduling_pause): whether scheduling is paused, with a version that
// grows with every write. Changes are NOTIFYed on `sentinel_state` as 'paused:<version>' or
// 'running:<version>'.
import type { Queryable } from './pool.ts';

export const SENTINEL_STATE_CHANNEL = 'sentinel_state';

export interface PausedState {
  paused: boolean;
  version: number;
}

export async function readSchedulingPaused(db: Queryable): Promise<PausedState> {
  const { rows } = await db.query(`SELECT scheduling_paused, version FROM sentinel_state`);
  const row = rows[0] as { scheduling_paused: boolean; version: string } | undefined;
  return { paused: row?.scheduling_paused ?? false, version: Number(row?.version ?? 0) };
}

export async function writeSchedulingPaused(db: Queryable, paused: boolean): Promise<PausedState> {
  const { rows } = await db.query(
    `UPDATE sentinel_state SET scheduling_paused = $1, version = version + 1, updated_at = now()
     RETURNING version`,
    [paused],
  );
  return { paused, version: Number((rows[0] as { version: string }).version) };
}

/** The state a NOTIFY payload carries, or null for anything else. */
export function parsePausedPayload(payload: string): PausedState | null {
  const m = /^(paused|running):(\d{1,18})$/.exec(payload);
  return m ? { paused: m[1] === 'paused', version: Number(m[2]) } : null;
}
