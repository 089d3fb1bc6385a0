// The stack's JWT secret (kept in the data dir so tokens survive restarts) and the anon/service keys,
// which are JWTs with role anon / service_role, as in Supabase.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signJwt } from './auth/jwt.ts';

const SECRET_FILE = 'stand-in-secret.json';
const TEN_YEARS = 10 * 365 * 24 * 3600;

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

export function apiKey(
  role: 'anon' | 'service_role',
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  return signJwt({ iss: 'supabase-local', role, iat: nowSeconds, exp: nowSeconds + TEN_YEARS }, secret);
}
