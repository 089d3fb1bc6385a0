// Resolves who is calling: the `apikey` header must be the stack's anon or service key (as Supabase's
// gateway requires); `Authorization: Bearer <jwt>` (a user's access token or a key) picks the role.
import { ApiError } from './rest/errors.ts';
import { isApiRole, type ApiRole } from './db-transaction.ts';
import { JwtInvalid, verifyJwt } from './auth/jwt.ts';

export interface Caller {
  role: ApiRole;
  claims: Record<string, unknown>;
  /** The bearer token when it is a user's access token (has `sub`). */
  userToken: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function resolveCaller(headers: Headers, queryApiKey: string | null, secret: string): Caller {
  const apikey = first(headers['apikey']) ?? queryApiKey ?? undefined;
  if (!apikey) {
    throw new ApiError(
      401,
      'PGRST301',
      'No API key found in request',
      null,
      'No `apikey` request header or url param was found.',
    );
  }
  let keyClaims: Record<string, unknown>;
  try {
    keyClaims = verifyJwt(apikey, secret);
  } catch {
    throw new ApiError(
      401,
      'PGRST301',
      'Invalid API key',
      null,
      'Double check your Supabase `anon` or `service_role` API key.',
    );
  }
  if (keyClaims.role !== 'anon' && keyClaims.role !== 'service_role') {
    throw new ApiError(
      401,
      'PGRST301',
      'Invalid API key',
      null,
      'The apikey must be the anon or service_role key.',
    );
  }
  const authorization = first(headers['authorization']);
  if (authorization === undefined) {
    return { role: keyClaims.role, claims: keyClaims, userToken: null };
  }
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw new ApiError(401, 'PGRST301', 'Authorization header must be "Bearer <token>"');
  let claims: Record<string, unknown>;
  try {
    claims = verifyJwt(m[1]!, secret);
  } catch (err) {
    if (err instanceof JwtInvalid && err.expired) throw new ApiError(401, 'PGRST303', 'JWT expired');
    throw new ApiError(401, 'PGRST301', err instanceof Error ? err.message : 'Invalid JWT');
  }
  const role = claims.role;
  if (!isApiRole(role)) {
    throw new ApiError(
      401,
      'PGRST301',
      `JWT role "${String(role)}" is not one of anon, authenticated, service_role`,
    );
  }
  return { role, claims, userToken: typeof claims.sub === 'string' ? m[1]! : null };
}
