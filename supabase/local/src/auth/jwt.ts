// HS256 JSON Web Tokens (sign + verify) with node:crypto only.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtClaims = Record<string, unknown> & { role?: unknown; exp?: unknown; sub?: unknown };

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwt(claims: JwtClaims, secret: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

export class JwtInvalid extends Error {
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
    this.name = 'JwtInvalid';
  }
}

const MAX_TOKEN_LENGTH = 8192;

/** Verifies signature, algorithm and expiry; returns the claims. Throws JwtInvalid. */
export function verifyJwt(
  token: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): JwtClaims {
  if (token.length > MAX_TOKEN_LENGTH) throw new JwtInvalid('JWT is too long');
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtInvalid('Expected 3 parts in JWT; got ' + parts.length);
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new JwtInvalid('JWT cannot be decoded');
  }
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256') {
    throw new JwtInvalid('Wrong or unsupported JWT algorithm (only HS256)');
  }
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JwtInvalid('JWSError JWSInvalidSignature');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new JwtInvalid('JWT claims are not an object');
  }
  const exp = (claims as JwtClaims).exp;
  if (exp !== undefined && (typeof exp !== 'number' || exp <= nowSeconds)) {
    throw new JwtInvalid('JWT expired', true);
  }
  return claims as JwtClaims;
}
