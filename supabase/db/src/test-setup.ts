// vitest globalSetup: one embedded Postgres cluster for the whole test run, with the
// migrated + seeded `wowlab_template`. Workers inherit WOWLAB_TEST_PG_URL and call
// createTestDatabase() per test file.
import { startTestPostgres } from './test-postgres.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const pg = await startTestPostgres();
  return async () => {
    await pg.stop();
  };
}
