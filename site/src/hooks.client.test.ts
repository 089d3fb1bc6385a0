import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from './hooks.client';

afterEach(() => vi.restoreAllMocks());

describe('handleError', () => {
  const call = (error: unknown, status: number) =>
    handleError({ error, status, message: 'Internal Error', event: {} as never });

  it('a missing page logs nothing and says so', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(call(new Error('Not found: /nope'), 404)).toEqual({
      message: 'This page does not exist.',
      kind: 'not_found',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('an unexpected error is logged once and shown generically', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(call(new Error('boom'), 500)).toEqual({ message: 'Internal Error', kind: 'unknown' });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
