// Turns a failed data access inside a load function into a SvelteKit error page with the
// right status and kind (network errors stay network errors).
import { error, isHttpError, isRedirect } from '@sveltejs/kit';
import { toApiError } from './errors';

export async function loadOrError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isHttpError(err) || isRedirect(err)) throw err;
    const e = toApiError(err);
    error(e.httpStatus, { message: e.message, kind: e.kind });
  }
}

/** Reads an optional result: a failure becomes null instead of failing the whole page. */
export async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch {
    return null;
  }
}
