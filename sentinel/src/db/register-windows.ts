// Registrations of new node keys per client address, counted in the database so that every
// sentinel instance shares the limit (migration 20261127110200_share_registration_limit):
// a fixed one-hour window per address.
import type { Queryable } from './pool.ts';

const WINDOW = `interval '1 hour'`;

/** Counts one registration from `address`; returns the count in its current window. */
export async function countRegistration(db: Queryable, address: string): Promise<number> {
  const { rows } = await db.query(
    `INSERT INTO private.register_windows AS w (address, window_start, count) VALUES ($1, now(), 1)
     ON CONFLICT (address) DO UPDATE SET
       window_start = CASE WHEN w.window_start <= now() - ${WINDOW} THEN now() ELSE w.window_start END,
       count = CASE WHEN w.window_start <= now() - ${WINDOW} THEN 1 ELSE least(w.count + 1, 1000000000) END
     RETURNING count`,
    [address],
  );
  return (rows[0] as { count: number }).count;
}

/** Forgets the windows that are over (maintenance): the table holds client addresses. */
export async function deleteExpiredRegisterWindows(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM private.register_windows WHERE window_start <= now() - ${WINDOW}`,
  );
  return rowCount ?? 0;
}
