// @wowlab/db: embedded Postgres, the migrations runner and per-test databases.
// Note: `pg` returns bigint columns (e.g. jobs.seed) as strings.
import { fileURLToPath } from 'node:url';

export { startEmbeddedPostgres, freePort, superuserUrl } from './embedded.ts';
export type { EmbeddedPostgresOptions, EmbeddedPostgresHandle } from './embedded.ts';
export { migrate, listMigrations, MIGRATIONS_DIR, SEED_FILE } from './migrate.ts';
export type { MigrateOptions, MigrationFile } from './migrate.ts';
export {
  startTestPostgres,
  createTestDatabase,
  withDatabase,
  TEST_URL_ENV,
  TEMPLATE_DB,
} from './test-postgres.ts';
export { splitSqlStatements } from './sql-split.ts';

/** Absolute path of the vitest globalSetup file: `test: { globalSetup: [testSetup] }`. */
export const testSetup: string = fileURLToPath(new URL('./test-setup.ts', import.meta.url));
