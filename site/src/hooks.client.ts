// The one place unexpected client errors end up: known ApiErrors keep their kind and message,
// a missing page is a plain 404, anything else gets a generic message (details stay in the console).
import type { HandleClientError } from '@sveltejs/kit';
import { ApiError } from '$lib/api/errors';

export const handleError: HandleClientError = ({ error, message, status }) => {
  if (error instanceof ApiError) return { message: error.message, kind: error.kind };
  // a page that does not exist is no error of ours: no stack trace in the console
  if (status === 404) return { message: 'This page does not exist.', kind: 'not_found' };
  console.error(error);
  return { message, kind: 'unknown' };
};
