import { describe, expect, it } from 'vitest';
import { probeAuthorizeUrl, validateCredentials } from './auth';

function response(status: number, body: unknown, type: ResponseType = 'basic'): Response {
  const r = new Response(JSON.stringify(body), { status });
  Object.defineProperty(r, 'type', { value: type });
  return r;
}

describe('probeAuthorizeUrl', () => {
  it('turns a 501 from the local stand-in into a clean unsupported error', async () => {
    const fetchFn = async () =>
      response(501, {
        code: 501,
        error_code: 'not_implemented',
        msg: 'GET /auth/v1/authorize is not supported',
      });
    await expect(
      probeAuthorizeUrl('http://x/auth/v1/authorize', 'discord', fetchFn as typeof fetch),
    ).rejects.toMatchObject({
      kind: 'unsupported',
      message: expect.stringContaining('Sign-in with discord is not available'),
    });
  });

  it('lets a redirect to the provider through', async () => {
    const fetchFn = async () => response(200, {}, 'opaqueredirect');
    await expect(probeAuthorizeUrl('http://x', 'github', fetchFn as typeof fetch)).resolves.toBeUndefined();
  });

  it('lets the browser navigate when the probe itself cannot be made', async () => {
    const fetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(probeAuthorizeUrl('http://x', 'google', fetchFn as typeof fetch)).resolves.toBeUndefined();
  });
});

describe('validateCredentials', () => {
  it('lists every problem', () => {
    expect(validateCredentials('nope', 'short')).toHaveLength(2);
    expect(validateCredentials('a@b.co', 'long enough')).toEqual([]);
  });
});
