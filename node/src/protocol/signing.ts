// Request signing: Ed25519 over `ts \n METHOD \n path-with-query \n sha256hex(body)`.
import { bodyBytes, fromBase64url, sha256Hex, toBase64url, utf8 } from './encoding.ts';
import { decodePublicKey, verifySignature, type NodeSigner, type SignerBackend } from './keys.ts';

export const HEADER_KEY = 'x-node-key';
export const HEADER_TS = 'x-node-ts';
export const HEADER_SIG = 'x-node-sig';
/** Requests whose timestamp is further than this from the server clock are refused. */
export const MAX_CLOCK_SKEW_MS = 60_000;

/** A type alias (not an interface) so it is assignable to `Record<string, string>` header maps. */
export type SignedHeaders = {
  'x-node-key': string;
  'x-node-ts': string;
  'x-node-sig': string;
};

export type RequestBody = string | Uint8Array | null | undefined;

/** The exact bytes that are signed. `method` is upper-cased; `path` includes the query string. */
export async function canonicalRequest(
  ts: number | string,
  method: string,
  path: string,
  body: RequestBody,
): Promise<string> {
  return signedText(ts, method, path, await sha256Hex(bodyBytes(body)));
}

/** canonicalRequest for a body whose sha256 hex is known. */
export function signedText(ts: number | string, method: string, path: string, bodyHash: string): string {
  return `${ts}\n${method.toUpperCase()}\n${path}\n${bodyHash}`;
}

/** Signs one request. `ts` defaults to the current time (unix ms). */
export async function signRequest(
  signer: NodeSigner,
  method: string,
  pathWithQuery: string,
  body: RequestBody,
  ts: number = Date.now(),
): Promise<SignedHeaders> {
  const message = utf8(await canonicalRequest(ts, method, pathWithQuery, body));
  const sig = await signer.sign(message);
  return {
    'x-node-key': toBase64url(signer.publicKey),
    'x-node-ts': String(ts),
    'x-node-sig': toBase64url(sig),
  };
}

export interface VerifyRequestInput {
  /** base64url (the header) or raw bytes. */
  publicKey: string | Uint8Array;
  ts: string | number;
  sig: string;
  method: string;
  path: string;
  body: RequestBody;
  /** Server clock, unix ms. */
  now: number;
  maxSkewMs?: number;
  backend?: SignerBackend;
  /** sha256 hex of `body` when the caller has a faster hash (a server: node:crypto). */
  bodyHash?: string;
  /** Ed25519 verification to use instead of WebCrypto / noble (a server: node:crypto, synchronous). */
  verifier?: (
    publicKey: Uint8Array,
    message: Uint8Array,
    signature: Uint8Array,
  ) => boolean | Promise<boolean>;
}

export type VerifyFailure = 'bad-key' | 'bad-timestamp' | 'stale' | 'bad-signature';
export type VerifyResult =
  { ok: true; publicKey: Uint8Array; ts: number } | { ok: false; reason: VerifyFailure };

const TS_PATTERN = /^\d{1,16}$/;

/** Checks key shape, timestamp window and signature. Replay detection is the caller's job. */
export async function verifyRequest(input: VerifyRequestInput): Promise<VerifyResult> {
  const publicKey = typeof input.publicKey === 'string' ? decodePublicKey(input.publicKey) : input.publicKey;
  if (!publicKey || publicKey.length !== 32) return { ok: false, reason: 'bad-key' };
  const tsText = String(input.ts);
  if (!TS_PATTERN.test(tsText)) return { ok: false, reason: 'bad-timestamp' };
  const ts = Number(tsText);
  if (!Number.isSafeInteger(ts)) return { ok: false, reason: 'bad-timestamp' };
  if (Math.abs(input.now - ts) > (input.maxSkewMs ?? MAX_CLOCK_SKEW_MS))
    return { ok: false, reason: 'stale' };
  const sig = fromBase64url(input.sig);
  if (!sig || sig.length !== 64) return { ok: false, reason: 'bad-signature' };
  const message = utf8(
    input.bodyHash === undefined
      ? await canonicalRequest(tsText, input.method, input.path, input.body)
      : signedText(tsText, input.method, input.path, input.bodyHash),
  );
  const valid = input.verifier
    ? await input.verifier(publicKey, message, sig)
    : await verifySignature(publicKey, message, sig, { backend: input.backend });
  return valid ? { ok: true, publicKey, ts } : { ok: false, reason: 'bad-signature' };
}
