// The one place unexpected client errors end up: known ApiErrors keep their kind and message,
// anything else gets a generic message (details stay in the console).
import type { HandleClientError } from '@sveltejs/kit';
import { ApiError } from '$lib/api/errors';

export const handleError: HandleClientError = ({ error, message }) => {
  if (error instanceof ApiError) return { message: error.message, kind: error.kind };
  console.error(error);
  return { message, kind: 'unknown' };
};
