// The stack's JWT secret (kept in the data dir so tokens survive restarts) and the anon/service keys,
// which are JWTs with role anon / service_role, as in Supabase.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signJwt } from './auth/jwt.ts';

const SECRET_FILE = 'stand-in-secret.json';

export async function loadOrCreateSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { jwtSecret?: unknown };
    if (typeof parsed.jwtSecret === 'string' && parsed.jwtSecret.length >= 32) return parsed.jwtSecret;
    throw new Error(`${file} does not hold a jwtSecret of at least 32 characters`);
  }
  await mkdir(dataDir, { recursive: true });
  const jwtSecret = randomBytes(48).toString('base64url');
  await writeFile(file, JSON.stringify({ jwtSecret }, null, 2) + '\n', { mode: 0o600 });
  return jwtSecret;
}

/** Fixed issue time, so a data dir's keys are the same string on every start (copy them once into .env). */
const KEYS_ISSUED_AT = 1_767_225_600; // 2026-01-01T00:00:00Z
const TWENTY_YEARS = 20 * 365 * 24 * 3600;

export function apiKey(role: 'anon' | 'service_role', secret: string): string {
  return signJwt(
    { iss: 'supabase-local', role, iat: KEYS_ISSUED_AT, exp: KEYS_ISSUED_AT + TWENTY_YEARS },
    secret,
  );
}
