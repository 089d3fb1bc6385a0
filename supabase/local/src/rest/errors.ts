// PostgREST-shaped errors: { code, message, details, hint } plus the HTTP status PostgREST would use.
// SQLSTATEs coming from Postgres are passed through with PostgREST's status mapping
// (https://docs.postgrest.org/en/stable/references/errors.html#http-status-codes).

export interface ErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: string | null = null,
    hint: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.hint = hint;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

/** PGRST100: a query parameter (filter, select, order, ...) does not parse. */
export function parseError(message: string, details: string | null = null): ApiError {
  return new ApiError(400, 'PGRST100', message, details);
}

/** Anything outside the supported subset: 501, naming the feature. */
export function unsupported(feature: string): ApiError {
  return new ApiError(
    501,
    'PGRST127',
    `Feature not implemented by the local Supabase stand-in: ${feature}`,
    null,
    'See supabase/local/README.md for the supported subset.',
  );
}

export function jwtError(message: string): ApiError {
  return new ApiError(401, 'PGRST301', message);
}

/** HTTP status for a Postgres SQLSTATE, as PostgREST maps it. */
export function statusForSqlState(code: string, anonymous: boolean): number {
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '53400': 500,
    P0001: 400,
    '42883': 404,
    '42P01': 404,
    '42P17': 500,
  };
  if (code in exact) return exact[code]!;
  // PostgREST: a custom SQLSTATE 'PTxyz' answers with HTTP status xyz.
  const custom = /^PT([1-5][0-9][0-9])$/.exec(code);
  if (custom) return Number(custom[1]);
  if (code === '42501') return anonymous ? 401 : 403;
  const prefix = code.slice(0, 2);
  const byClass: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  return byClass[prefix] ?? 400;
}

interface PgErrorLike {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  hint?: unknown;
}

function isPgError(err: unknown): err is PgErrorLike & { code: string } {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as PgErrorLike).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as PgErrorLike).code as string)
  );
}

/** Turns anything thrown while serving a request into an ApiError (never leaks non-Postgres internals). */
export function toApiError(err: unknown, anonymous: boolean): ApiError {
  if (err instanceof ApiError) return err;
  if (isPgError(err)) {
    const status = statusForSqlState(err.code, anonymous);
    return new ApiError(
      status,
      err.code,
      String(err.message ?? ''),
      typeof err.detail === 'string' ? err.detail : null,
      typeof err.hint === 'string' ? err.hint : null,
    );
  }
  const sysCode = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof sysCode === 'string' && /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(sysCode)) {
    return new ApiError(503, 'PGRST001', 'Could not connect with the database');
  }
  if (
    err instanceof Error &&
    /Connection terminated|timeout exceeded when trying to connect/.test(err.message)
  ) {
    return new ApiError(503, 'PGRST001', 'Could not connect with the database');
  }
  return new ApiError(500, 'PGRST000', 'Internal error in the local Supabase stand-in');
}
