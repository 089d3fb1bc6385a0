// Writes supabase/seed.sql from @wowlab/sim-core's specs (one source of truth for game data).
import { writeFile } from 'node:fs/promises';
import { specs } from '@wowlab/sim-core';
import { SEED_FILE } from '../src/migrate.ts';
import { generateSeedSql } from '../src/seed-sql.ts';

await writeFile(SEED_FILE, generateSeedSql(specs));
console.log(`wrote ${SEED_FILE}`);
