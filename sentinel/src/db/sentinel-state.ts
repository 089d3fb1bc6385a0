// State shared by every sentinel instance on the database (migration
// 20261127110100_share_scheduling_pause): whether scheduling is paused. Changes are NOTIFYed
// on `sentinel_state` with the payload 'paused' or 'running'.
import type { Queryable } from './pool.ts';

export const SENTINEL_STATE_CHANNEL = 'sentinel_state';

export async function readSchedulingPaused(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(`SELECT scheduling_paused FROM sentinel_state`);
  return (rows[0] as { scheduling_paused: boolean } | undefined)?.scheduling_paused ?? false;
}

export async function writeSchedulingPaused(db: Queryable, paused: boolean): Promise<void> {
  await db.query(`UPDATE sentinel_state SET scheduling_paused = $1, updated_at = now()`, [paused]);
}
