// pg Pool and the client/transaction helpers every query module uses.
import pg from 'pg';

export type Db = pg.Pool;
export type DbClient = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

export function createPool(connectionString: string, max: number): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    application_name: 'wowlab-sentinel',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

/**
 * The connection of the batched accept on trust (db/accept-batch.ts), one statement at a time:
 * its own, so a batch never waits for a pool client behind judged transactions, and with
 * generic plans, so Postgres plans the statement once per batch size instead of every call
 * (a custom plan of that many-CTE statement costs milliseconds; it hits primary keys whatever
 * the parameters, so the generic plan is the same).
 */
export function createAcceptPool(connectionString: string): Db {
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    idleTimeoutMillis: 30_000,
    application_name: 'wowlab-sentinel-accept',
    // a startup parameter: in force before any statement, no round trip of its own
    options: '-c plan_cache_mode=force_generic_plan',
  });
  pool.on('error', () => {});
  return pool;
}

/** A round trip to Postgres (the /status latency). */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

export async function withClient<T>(db: Db, fn: (client: DbClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

export async function withTransaction<T>(db: Db, fn: (client: DbClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw err;
  } finally {
    client.release(broken);
  }
}
