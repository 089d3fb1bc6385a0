import { describe, expect, test } from 'vitest';
import { JwtInvalid, signJwt, verifyJwt } from '../src/auth/jwt.ts';
import { apiKey } from '../src/keys.ts';
import { hashPassword, verifyPassword } from '../src/auth/password.ts';

const SECRET = 'a-test-secret-that-is-long-enough-000';

function error(fn: () => unknown): JwtInvalid {
  try {
    fn();
  } catch (err) {
    if (err instanceof JwtInvalid) return err;
    throw err;
  }
  throw new Error('expected JwtInvalid');
}

describe('HS256 JWT', () => {
  test('round trip keeps the claims', () => {
    const token = signJwt({ sub: 'u1', role: 'authenticated', exp: 2_000_000_000 }, SECRET);
    expect(verifyJwt(token, SECRET, 1_900_000_000)).toEqual({
      sub: 'u1',
      role: 'authenticated',
      exp: 2_000_000_000,
    });
  });

  test('wrong secret, tampered payload, alg none/HS512, garbage and expiry are rejected', () => {
    const token = signJwt({ role: 'anon', exp: 2_000_000_000 }, SECRET);
    expect(error(() => verifyJwt(token, `${SECRET}x`)).message).toContain('Signature');
    const [h, , sig] = token.split('.');
    const tampered = `${h}.${Buffer.from('{"role":"service_role"}').toString('base64url')}.${sig}`;
    expect(() => verifyJwt(tampered, SECRET)).toThrow(JwtInvalid);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(error(() => verifyJwt(none, SECRET)).message).toContain('algorithm');
    const hs512 = `${Buffer.from('{"alg":"HS512"}').toString('base64url')}.${token.split('.')[1]}.${sig}`;
    expect(() => verifyJwt(hs512, SECRET)).toThrow(JwtInvalid);
    expect(() => verifyJwt('not.a.jwt', SECRET)).toThrow(JwtInvalid);
    expect(() => verifyJwt('a.b', SECRET)).toThrow(JwtInvalid);
    expect(() => verifyJwt('x'.repeat(9000), SECRET)).toThrow(JwtInvalid);
    const expired = error(() => verifyJwt(token, SECRET, 2_000_000_000));
    expect(expired.expired).toBe(true);
  });

  test('api keys carry their role and a far expiry', () => {
    const claims = verifyJwt(apiKey('service_role', SECRET), SECRET);
    expect(claims.role).toBe('service_role');
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000 + 5 * 365 * 24 * 3600);
  });
});

describe('scrypt passwords', () => {
  test('hash verifies only the same password; salts differ', async () => {
    const a = await hashPassword('hunter2 hunter2');
    const b = await hashPassword('hunter2 hunter2');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('hunter2 hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter3 hunter3', a)).toBe(false);
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });
});
