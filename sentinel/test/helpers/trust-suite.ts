// One test file's platform with replication on: a fresh database, a pg client and a trust
// sentinel, started before the file's tests; the nodes a test pushes to `open` are closed after.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startTrustSentinel } from '../trust/helpers.ts';
import { connect } from './fixtures.ts';
import type { RunningSentinel } from './sentinel.ts';
import type { TestNode } from './test-node.ts';

export interface TrustSuite {
  client: pg.Client;
  sentinel: RunningSentinel;
  open: TestNode[];
}

export function trustSuite(env: Record<string, string> = {}): TrustSuite {
  const suite = { open: [] } as unknown as TrustSuite;
  let db: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    suite.client = await connect(db.url);
    suite.sentinel = await startTrustSentinel(db.url, env);
  });
  afterAll(async () => {
    for (const n of suite.open) await n.close();
    await suite.sentinel?.close();
    await suite.client?.end();
    await db?.drop();
  });
  return suite;
}
