// Every API request runs in one transaction as the JWT's role, with request.jwt.claims set, so that
// the migrations' grants and RLS policies decide what the request may see and change.
import type { Pool, PoolClient } from 'pg';

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export function isApiRole(role: unknown): role is ApiRole {
  return typeof role === 'string' && (API_ROLES as readonly string[]).includes(role);
}

export interface RequestContext {
  role: ApiRole;
  claims: Record<string, unknown>;
  readOnly: boolean;
  method: string;
  path: string;
}

export const STATEMENT_TIMEOUT_MS = 15_000;

export async function withRequestTransaction<T>(
  pool: Pool,
  ctx: RequestContext,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  // The role name is one of three fixed identifiers, never request text.
  if (!isApiRole(ctx.role)) throw new Error(`refusing to switch to role ${String(ctx.role)}`);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`${ctx.readOnly ? 'begin read only' : 'begin'}; set local role ${ctx.role}`);
    await client.query(
      `select set_config('request.jwt.claims', $1, true), set_config('request.method', $2, true),
              set_config('request.path', $3, true), set_config('statement_timeout', $4, true)`,
      [JSON.stringify(ctx.claims), ctx.method, ctx.path, String(STATEMENT_TIMEOUT_MS)],
    );
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {
      broken = true; // the connection is unusable: drop it instead of returning it to the pool
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
