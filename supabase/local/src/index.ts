// @wowlab/supabase-local: the local stack (embedded Postgres + Supabase HTTP stand-in).
export { startLocalStack, DEFAULT_PORT, DEFAULT_DATA_DIR } from './stack.ts';
export type { LocalStack, LocalStackOptions } from './stack.ts';
export { buildStandIn, DEFAULT_BODY_LIMIT, DEFAULT_MAX_ROWS, EXPOSED_SCHEMAS } from './app.ts';
export type { StandIn, StandInOptions } from './app.ts';
export { apiKey } from './keys.ts';
export { signJwt, verifyJwt } from './auth/jwt.ts';
