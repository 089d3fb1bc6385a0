import { describe, expect, it } from 'vitest';
import { toApiError } from './errors';
import { offlineAwareFetch } from './offline-fetch';

describe('offlineAwareFetch', () => {
  it('fails at once while offline, as an abort the client does not retry, read as a network error', async () => {
    let calls = 0;
    const f = offlineAwareFetch(
      () => false,
      async () => {
        calls++;
        return new Response('{}');
      },
    );
    const err = await f('http://127.0.0.1/rest/v1/jobs').catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('AbortError');
    expect(calls).toBe(0);
    expect(toApiError(err).kind).toBe('network');
  });

  it('passes requests through while online', async () => {
    const f = offlineAwareFetch(
      () => true,
      async () => new Response('ok'),
    );
    expect(await (await f('http://127.0.0.1/')).text()).toBe('ok');
  });
});
