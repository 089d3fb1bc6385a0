// Ed25519 node identities. WebCrypto where the runtime supports Ed25519 (Node 20, current
// browsers), @noble/ed25519 otherwise; both produce and accept identical bytes (RFC 8032).
// Only noble's async API is used, so its synchronous `hashes.sha512` hook is not needed.
import * as ed from '@noble/ed25519';
import { fromBase64url, toBase64url } from './encoding.ts';

export type SignerBackend = 'webcrypto' | 'noble';

/**
 * What a node needs to sign requests. A browser keeps a non-extractable WebCrypto key
 * (`signerFromCryptoKeyPair`); a headless node keeps the 32-byte seed on disk (`signerFromSeed`).
 */
export interface NodeSigner {
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  readonly backend: SignerBackend;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export const PUBLIC_KEY_BYTES = 32;
export const SEED_BYTES = 32;
export const SIGNATURE_BYTES = 64;

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): fixed 16-byte header + 32-byte seed.
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const ED25519 = { name: 'Ed25519' } as const;

/** WebCrypto key type, named structurally so this module type-checks with or without the DOM lib. */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
export interface WebCryptoKeyPair {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
}

let webCryptoSupport: Promise<boolean> | undefined;

/** Whether `crypto.subtle` implements Ed25519 here (probed once). */
export function hasWebCryptoEd25519(): Promise<boolean> {
  webCryptoSupport ??= (async () => {
    try {
      if (typeof crypto === 'undefined' || !crypto.subtle) return false;
      await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify']);
      return true;
    } catch {
      return false;
    }
  })();
  return webCryptoSupport;
}

async function pickBackend(requested?: SignerBackend): Promise<SignerBackend> {
  if (requested) return requested;
  return (await hasWebCryptoEd25519()) ? 'webcrypto' : 'noble';
}

function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

/** 32 random bytes from the platform CSPRNG. */
export function generateSeed(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(SEED_BYTES));
}

export async function publicKeyFromSeed(seed: Uint8Array): Promise<Uint8Array> {
  if (seed.length !== SEED_BYTES) throw new TypeError('Ed25519 seed must be 32 bytes');
  return ed.getPublicKeyAsync(seed);
}

/** A signer over a raw seed; with WebCrypto the private key is imported non-extractable. */
export async function signerFromSeed(
  seed: Uint8Array,
  opts: { backend?: SignerBackend } = {},
): Promise<NodeSigner> {
  if (seed.length !== SEED_BYTES) throw new TypeError('Ed25519 seed must be 32 bytes');
  const backend = await pickBackend(opts.backend);
  const publicKey = await publicKeyFromSeed(seed);
  if (backend === 'noble') {
    const secret = seed.slice();
    return { publicKey, backend, sign: (message) => ed.signAsync(message, secret) };
  }
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + SEED_BYTES);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(seed, PKCS8_ED25519_PREFIX.length);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  pkcs8.fill(0);
  return {
    publicKey,
    backend,
    sign: async (message) => new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, buf(message))),
  };
}

/** A signer over a WebCrypto key pair (e.g. a non-extractable pair kept in IndexedDB). */
export async function signerFromCryptoKeyPair(pair: WebCryptoKeyPair): Promise<NodeSigner> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    publicKey,
    backend: 'webcrypto',
    sign: async (message) => new Uint8Array(await crypto.subtle.sign(ED25519, pair.privateKey, buf(message))),
  };
}

/** A fresh non-extractable WebCrypto Ed25519 pair (browser nodes). Throws if unsupported. */
export async function generateCryptoKeyPair(): Promise<WebCryptoKeyPair> {
  return (await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as WebCryptoKeyPair;
}

const verifyKeyCache = new Map<string, Promise<WebCryptoKey>>();
const VERIFY_KEY_CACHE_MAX = 10_000;

function importVerifyKey(publicKey: Uint8Array): Promise<WebCryptoKey> {
  const id = toBase64url(publicKey);
  let key = verifyKeyCache.get(id);
  if (!key) {
    if (verifyKeyCache.size >= VERIFY_KEY_CACHE_MAX) verifyKeyCache.clear();
    key = crypto.subtle.importKey('raw', buf(publicKey), ED25519, false, ['verify']);
    verifyKeyCache.set(id, key);
    key.catch(() => verifyKeyCache.delete(id));
  }
  return key;
}

/** Ed25519 verification; false (never a throw) for malformed keys or signatures. */
export async function verifySignature(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  opts: { backend?: SignerBackend } = {},
): Promise<boolean> {
  if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  const backend = await pickBackend(opts.backend);
  try {
    if (backend === 'noble') return await ed.verifyAsync(signature, message, publicKey, { zip215: false });
    const key = await importVerifyKey(publicKey);
    return await crypto.subtle.verify(ED25519, key, buf(signature), buf(message));
  } catch {
    return false;
  }
}

export function encodePublicKey(publicKey: Uint8Array): string {
  return toBase64url(publicKey);
}

/** Decodes a base64url public key; null unless it is exactly 32 bytes of strict base64url. */
export function decodePublicKey(text: string): Uint8Array | null {
  const bytes = fromBase64url(text);
  return bytes && bytes.length === PUBLIC_KEY_BYTES ? bytes : null;
}

export function encodeSeed(seed: Uint8Array): string {
  return toBase64url(seed);
}

export function decodeSeed(text: string): Uint8Array | null {
  const bytes = fromBase64url(text);
  return bytes && bytes.length === SEED_BYTES ? bytes : null;
}
