// Unwraps a supabase-js response into data or a thrown ApiError (the one error path).
import { ApiError, toApiError } from './errors';

export { supabase } from '$lib/supabase';

interface Response<T> {
  data: T | null;
  error: unknown;
  status?: number;
}

/** Awaits a supabase-js query and returns its data; throws ApiError on any failure. */
export async function run<T>(query: PromiseLike<Response<T>>): Promise<T> {
  let res: Response<T>;
  try {
    res = await query;
  } catch (err) {
    throw toApiError(err);
  }
  if (res.error) throw toApiError(res.error, res.status);
  return res.data as T;
}

/** Like run() for `.maybeSingle()`: null becomes a not_found ApiError. */
export async function runOne<T>(query: PromiseLike<Response<T>>, what = 'Not found'): Promise<T> {
  const data = await run(query);
  if (data === null || data === undefined) throw new ApiError('not_found', what, 404);
  return data;
}

/** Escapes `%`, `_` and `\` so a user's text is matched literally inside an ILIKE pattern. */
export function ilikePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
