// HTTP-level behaviour a browser client relies on: CORS preflight, HEAD, Content-Range, unknown paths.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestStandIn, type TestStandIn } from './helpers.ts';

let s: TestStandIn;

beforeAll(async () => {
  s = await startTestStandIn();
});
afterAll(async () => {
  await s.stop();
});

describe('http', () => {
  test('CORS preflight allows the headers supabase-js sends and exposes Content-Range', async () => {
    const res = await fetch(`${s.url}/rest/v1/rotations?select=*`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers':
          'apikey, authorization, content-profile, prefer, x-client-info, x-retry-count',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = res.headers.get('access-control-allow-headers')!;
    // x-retry-count: supabase-js retries failed reads with it; a preflight refusing it blanked pages offline
    for (const h of [
      'apikey',
      'authorization',
      'content-profile',
      'prefer',
      'x-client-info',
      'range',
      'x-retry-count',
    ]) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const get = await fetch(`${s.url}/rest/v1/rotations?select=id`, {
      headers: { apikey: s.anonKey, origin: 'http://localhost:5173' },
    });
    expect(get.headers.get('access-control-expose-headers')).toContain('content-range');
    expect(get.headers.get('content-range')).toBe('*/*');
  });

  test('HEAD with count=exact returns headers only', async () => {
    const res = await fetch(`${s.url}/rest/v1/specs?select=*`, {
      method: 'HEAD',
      headers: { apikey: s.anonKey, 'accept-profile': 'game', prefer: 'count=exact' },
    });
    expect(res.status).toBe(200);
    const { rows } = await s.admin.query('select count(*)::int as n from game.specs');
    expect(res.headers.get('content-range')).toBe(`0-${rows[0].n - 1}/${rows[0].n}`);
    expect(await res.text()).toBe('');
  });

  test('unknown top-level paths are 404; other Supabase services are 501', async () => {
    const nope = await fetch(`${s.url}/nope`);
    expect(nope.status).toBe(404);
    expect(((await nope.json()) as { code: string }).code).toBe('PGRST125');
    const fn = await fetch(`${s.url}/functions/v1/hello`, { method: 'POST' });
    expect(fn.status).toBe(501);
    expect(((await fn.json()) as { message: string }).message).toContain('functions');
  });

  test('a wrong content type on a write is 415', async () => {
    const res = await fetch(`${s.url}/rest/v1/rotations`, {
      method: 'POST',
      headers: { apikey: s.anonKey, 'content-type': 'text/xml' },
      body: '<x/>',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'PGRST415' });
  });
});
