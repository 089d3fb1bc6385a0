// One test file's platform: a fresh database, a pg client and a sentinel (replication on unless
// the file passes another starter), started before the file's tests; the nodes a test pushes to
// `open` are closed after.
import { createTestDatabase } from '@wowlab/db';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { registeredNode, startTrustSentinel, type RegisteredNodeOptions } from '../trust/helpers.ts';
import { connect } from './fixtures.ts';
import type { RunningSentinel } from './sentinel.ts';
import type { TestNode } from './test-node.ts';

export interface TrustSuite {
  client: pg.Client;
  sentinel: RunningSentinel;
  open: TestNode[];
  /** A node claimed by `userId` on this platform (trust/helpers.ts registeredNode), closed after the file. */
  node(userId: string, opts?: RegisteredNodeOptions): Promise<TestNode>;
}

type StartSentinel = (databaseUrl: string, env: Record<string, string>) => Promise<RunningSentinel>;

export function trustSuite(env: Record<string, string> = {}): TrustSuite {
  return platformSuite(startTrustSentinel, env);
}

/** The platform of one test file with the sentinel `start` gives (e.g. replication off). */
export function platformSuite(start: StartSentinel, env: Record<string, string> = {}): TrustSuite {
  const suite = {
    open: [],
    async node(userId: string, opts?: RegisteredNodeOptions) {
      const n = await registeredNode(suite.client, suite.sentinel.baseUrl, userId, opts);
      suite.open.push(n);
      return n;
    },
  } as unknown as TrustSuite;
  let db: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    suite.client = await connect(db.url);
    suite.sentinel = await start(db.url, env);
  });
  afterAll(async () => {
    for (const n of suite.open) await n.close();
    await suite.sentinel?.close();
    await suite.client?.end();
    await db?.drop();
  });
  return suite;
}
