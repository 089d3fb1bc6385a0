// A test file's own database: created before its tests, dropped after them, with a client for
// setting rows up and a pool of `poolMax` connections for the code under test.
import { createTestDatabase } from '@wowlab/db';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { connect } from './fixtures.ts';

export interface TestDb {
  readonly url: string;
  readonly client: pg.Client;
  readonly pool: pg.Pool;
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function testDb(poolMax = 1): TestDb {
  let db: { url: string; drop(): Promise<void> } | undefined;
  let client: pg.Client | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = await connect(db.url);
    pool = new pg.Pool({ connectionString: db.url, max: poolMax });
  });
  afterAll(async () => {
    await pool?.end();
    await client?.end();
    await db?.drop();
  });
  return {
    get url() {
      return db!.url;
    },
    get client() {
      return client!;
    },
    get pool() {
      return pool!;
    },
  };
}
