import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, toApiError } from './errors';

describe('toApiError', () => {
  it('treats a fetch failure from postgrest (status 0) as a network error, not as signed out', () => {
    const e = toApiError({ message: 'TypeError: fetch failed', code: '', details: '', hint: '' }, 0);
    expect(e.kind).toBe('network');
    expect(e.httpStatus).toBe(503);
    expect(e.message).toMatch(/could not reach/i);
  });

  it('treats AuthRetryableFetchError as a network error', () => {
    const e = toApiError({ name: 'AuthRetryableFetchError', message: 'Failed to fetch', status: 0 });
    expect(e.kind).toBe('network');
  });

  it('treats an auth-js "retryable" error that carries an HTTP 501 as unsupported, not as network', () => {
    const e = toApiError({
      name: 'AuthRetryableFetchError',
      message: 'GET /auth/v1/user/identities/authorize is not supported by the local stand-in',
      status: 501,
    });
    expect(e.kind).toBe('unsupported');
    expect(e.message).toContain('not supported');
    expect(toApiError({ name: 'AuthRetryableFetchError', message: 'Bad gateway', status: 502 }).kind).toBe(
      'server',
    );
  });

  it('treats a thrown browser TypeError as a network error', () => {
    expect(toApiError(new TypeError('Failed to fetch')).kind).toBe('network');
  });

  it('maps PGRST116 (single row expected, none found) to not_found', () => {
    const e = toApiError(
      { message: 'JSON object requested, multiple (or no) rows returned', code: 'PGRST116' },
      406,
    );
    expect(e.kind).toBe('not_found');
    expect(e.httpStatus).toBe(404);
  });

  it('maps an expired JWT to auth', () => {
    expect(toApiError({ message: 'JWT expired', code: 'PGRST303' }, 401).kind).toBe('auth');
  });

  it('maps RLS violations to forbidden and keeps the server message', () => {
    const e = toApiError({ message: 'new row violates row-level security policy', code: '42501' }, 403);
    expect(e.kind).toBe('forbidden');
    expect(e.message).toContain('row-level security');
  });

  it('maps unique violations to conflict and check violations to invalid', () => {
    expect(toApiError({ message: 'duplicate key', code: '23505' }, 409).kind).toBe('conflict');
    expect(toApiError({ message: 'violates check constraint', code: '23514' }, 400).kind).toBe('invalid');
  });

  it('keeps the message of errors raised on purpose by SQL functions, whatever the status', () => {
    const e = toApiError(
      { message: 'claim_node: no unclaimed node has this claim code', code: 'P0002' },
      500,
    );
    expect(e.kind).toBe('invalid');
    expect(e.message).toContain('no unclaimed node');
  });

  it('maps 501 from the local stand-in to unsupported', () => {
    const e = toApiError({ message: 'OAuth is not supported by the local stack', status: 501 });
    expect(e.kind).toBe('unsupported');
    expect(e.message).toContain('OAuth');
  });

  it('hides 5xx server internals behind a friendly message', () => {
    const e = toApiError({ message: 'relation "x" does not exist at character 12', code: 'XX000' }, 500);
    expect(e.kind).toBe('server');
    expect(e.message).not.toContain('relation');
  });

  it('returns an ApiError unchanged and stringifies unknown values', () => {
    const a = new ApiError('conflict', 'x', 409);
    expect(toApiError(a)).toBe(a);
    expect(errorMessage('boom')).toBe('boom');
  });
});

describe('constraint violations in words', () => {
  it('a taken handle says so, without the constraint text', () => {
    const e = toApiError(
      {
        message: 'duplicate key value violates unique constraint "user_profiles_handle_key"',
        code: '23505',
      },
      409,
    );
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe('That handle is taken; choose another.');
    const bad = toApiError(
      { message: 'new row violates check constraint "user_profiles_handle_check"', code: '23514' },
      400,
    );
    expect(bad.message).toMatch(/^A handle has 3 to 32 characters/);
    expect(
      toApiError({ message: 'violates unique constraint "x_key"', code: '23505' }, 409).message,
    ).not.toMatch(/constraint/);
  });
});
