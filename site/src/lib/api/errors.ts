// One error model for every data access. Supabase answers in three shapes (PostgREST errors,
// Auth errors, thrown fetch failures); all become an ApiError with a `kind` the UI can act on.
// A failed network request is always 'network' — never mistaken for being signed out.

export type ApiErrorKind =
  | 'network'
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'unsupported'
  | 'server'
  | 'unknown';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly code: string;

  constructor(kind: ApiErrorKind, message: string, status = 0, code = '') {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.code = code;
  }

  /** HTTP status to use when this error ends a page load. */
  get httpStatus(): number {
    switch (this.kind) {
      case 'network':
        return 503;
      case 'auth':
        return 401;
      case 'forbidden':
        return 403;
      case 'not_found':
        return 404;
      case 'invalid':
        return 400;
      case 'conflict':
        return 409;
      case 'unsupported':
        return 501;
      default:
        return this.status >= 400 ? this.status : 500;
    }
  }
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  status?: unknown;
  name?: unknown;
  details?: unknown;
  hint?: unknown;
}

const NETWORK_PATTERNS = [
  /failed to fetch/i,
  /fetch failed/i,
  /networkerror/i,
  /network request failed/i,
  /load failed/i,
  /ECONNREFUSED/,
  /ECONNRESET/,
  /ETIMEDOUT/,
  /ENOTFOUND/,
  /timed? ?out/i,
];

const FRIENDLY: Record<ApiErrorKind, string> = {
  network: 'Could not reach the server. Check your connection and try again.',
  auth: 'Your session has expired. Please sign in again.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found.',
  invalid: 'The request was rejected.',
  conflict: 'That conflicts with existing data.',
  unsupported: 'This feature is not available on this server.',
  server: 'The server had a problem. Try again in a moment.',
  unknown: 'Something went wrong.',
};

const KINDS: ReadonlySet<string> = new Set<ApiErrorKind>([
  'network',
  'auth',
  'forbidden',
  'not_found',
  'invalid',
  'conflict',
  'unsupported',
  'server',
  'unknown',
]);

/** An ApiError from another copy of this module (e.g. across bundles): same name and a known kind. */
function isApiErrorLike(
  err: unknown,
): err is { kind: ApiErrorKind; message: string; status?: number; code?: string } {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; kind?: unknown; message?: unknown };
  return (
    e.name === 'ApiError' && typeof e.kind === 'string' && KINDS.has(e.kind) && typeof e.message === 'string'
  );
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Constraint violations a player can meet, in their words (never the constraint's name). */
const CONSTRAINT_WORDS: Record<string, string> = {
  user_profiles_handle_key: 'That handle is taken; choose another.',
  user_profiles_handle_check:
    'A handle has 3 to 32 characters: lowercase letters, digits, - and _, starting with a letter or digit.',
};

function constraintWords(code: string, message: string): string | null {
  if (code !== '23505' && code !== '23514') return null;
  const name = /constraint "([\w.]+)"/.exec(message)?.[1];
  if (name && CONSTRAINT_WORDS[name]) return CONSTRAINT_WORDS[name];
  return code === '23505' ? 'That is already taken; choose another.' : 'That value is not allowed.';
}

/** Maps a PostgREST / Auth / fetch error (and an optional HTTP status) to an ApiError. */
export function toApiError(err: unknown, status?: number): ApiError {
  if (err instanceof ApiError) return err;
  if (isApiErrorLike(err)) return new ApiError(err.kind, err.message, err.status ?? 0, err.code ?? '');
  const e: ErrorLike =
    typeof err === 'object' && err !== null ? (err as ErrorLike) : { message: String(err) };
  const message = text(e.message);
  const code = text(e.code);
  const name = text(e.name);
  const st = typeof status === 'number' ? status : typeof e.status === 'number' ? e.status : 0;

  const looksNetwork =
    // auth-js also uses this name for HTTP 5xx answers; only status 0 means no answer at all
    (name === 'AuthRetryableFetchError' && st === 0) ||
    (name === 'TypeError' && st === 0) ||
    NETWORK_PATTERNS.some((p) => p.test(message)) ||
    (st === 0 && code === '' && /^(TypeError|AbortError|FetchError)/.test(message));
  if (looksNetwork) return new ApiError('network', FRIENDLY.network, st, code);

  const kind = classify(st, code, message);
  const shown = constraintWords(code, message) ?? (message && kind !== 'server' ? message : FRIENDLY[kind]);
  return new ApiError(kind, shown, st, code);
}

function classify(status: number, code: string, message: string): ApiErrorKind {
  if (code === 'PGRST116') return 'not_found';
  if (code === 'PGRST301' || code === 'PGRST303' || /jwt expired|invalid jwt/i.test(message)) return 'auth';
  if (code === '42501') return 'forbidden';
  if (code === '23505') return 'conflict';
  // data exceptions, integrity violations and errors raised on purpose by our SQL functions
  // (RAISE ... USING errcode) carry a message meant for the user, whatever the HTTP status
  if (/^(22|23|P0)/.test(code)) return 'invalid';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 501) return 'unsupported';
  if (status >= 400 && status < 500) return 'invalid';
  if (status >= 500) return 'server';
  return 'unknown';
}

/** A human-readable message for any thrown value. */
export function errorMessage(err: unknown): string {
  const e = toApiError(err);
  return e.message || FRIENDLY[e.kind];
}

export function friendlyMessage(kind: ApiErrorKind): string {
  return FRIENDLY[kind];
}
