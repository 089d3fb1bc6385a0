// Writes supabase/schema.sql: migrates a throw-away database and dumps its schema.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, startTestPostgres } from '../src/index.ts';
import { dumpSchema } from '../src/schema-dump.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.sql', import.meta.url));

const server = await startTestPostgres();
try {
  const db = await createTestDatabase();
  try {
    await writeFile(SCHEMA_FILE, await dumpSchema(db.url));
    console.log(`wrote ${SCHEMA_FILE}`);
  } finally {
    await db.drop();
  }
} finally {
  await server.stop();
}
