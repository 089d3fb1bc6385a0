// The sentinel's side of request signing with node:crypto: a synchronous sha256 of the raw
// body and Ed25519 verification with cached key objects. Same OpenSSL primitives as WebCrypto
// in Node, without its promise and thread-pool round trip per request (the completion hot path).
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410); the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_CACHE_MAX = 10_000;
const keys = new Map<string, KeyObject>();

export function sha256HexOfText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function keyObject(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('base64');
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= KEY_CACHE_MAX) keys.clear();
    key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
    keys.set(id, key);
  }
  return key;
}

/** Ed25519 verification; false (never a throw) for malformed keys or signatures. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, message, keyObject(publicKey), signature);
  } catch {
    return false;
  }
}
