// The tab node's identity in IndexedDB (idb-keyval): a non-extractable WebCrypto Ed25519 key
// pair, or — where the browser lacks Ed25519 in WebCrypto — a @noble/ed25519 seed stored the
// same way. Shared by every tab of the origin, so a reload or another tab is the same node.
import { createStore, del, get, update, type UseStore } from 'idb-keyval';
import type { KeyStore } from 'wowlab-node';
import {
  generateCryptoKeyPair,
  generateSeed,
  hasWebCryptoEd25519,
  signerFromCryptoKeyPair,
  signerFromSeed,
  SEED_BYTES,
  type NodeSigner,
  type WebCryptoKeyPair,
} from 'wowlab-node/protocol';

export const KEY_DB = 'wowlab-contribute';
export const KEY_STORE = 'keys';
export const NODE_KEY = 'node-key';

export type StoredKey =
  { v: 1; kind: 'webcrypto'; pair: WebCryptoKeyPair } | { v: 1; kind: 'noble'; seed: Uint8Array };

function isEd25519Key(k: unknown, type: 'public' | 'private'): boolean {
  if (typeof CryptoKey === 'undefined' || !(k instanceof CryptoKey)) return false;
  return k.type === type && k.algorithm.name === 'Ed25519';
}

/** Validates what IndexedDB returned (it may hold anything an older version or a user put there). */
export function isStoredKey(value: unknown): value is StoredKey {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.v !== 1) return false;
  if (v.kind === 'noble') return v.seed instanceof Uint8Array && v.seed.length === SEED_BYTES;
  if (v.kind !== 'webcrypto' || typeof v.pair !== 'object' || v.pair === null) return false;
  const pair = v.pair as Record<string, unknown>;
  return isEd25519Key(pair.publicKey, 'public') && isEd25519Key(pair.privateKey, 'private');
}

export class IdbKeyStore implements KeyStore {
  private readonly store: UseStore;
  private signer: Promise<NodeSigner> | null = null;

  constructor(store?: UseStore) {
    this.store = store ?? createStore(KEY_DB, KEY_STORE);
  }

  getOrCreate(): Promise<NodeSigner> {
    this.signer ??= this.loadOrCreate().catch((err: unknown) => {
      this.signer = null;
      throw err;
    });
    return this.signer;
  }

  /** Which kind of key this browser holds (null before the first opt-in). */
  async kind(): Promise<StoredKey['kind'] | null> {
    const stored: unknown = await get(NODE_KEY, this.store);
    return isStoredKey(stored) ? stored.kind : null;
  }

  /** Forgets the identity: the next opt-in is a new node. */
  async remove(): Promise<void> {
    this.signer = null;
    await del(NODE_KEY, this.store);
  }

  private async loadOrCreate(): Promise<NodeSigner> {
    const existing: unknown = await get(NODE_KEY, this.store);
    if (isStoredKey(existing)) return toSigner(existing);
    const fresh: StoredKey = (await hasWebCryptoEd25519())
      ? { v: 1, kind: 'webcrypto', pair: await generateCryptoKeyPair() }
      : { v: 1, kind: 'noble', seed: generateSeed() };
    // Keep a key another tab stored meanwhile (one readwrite transaction decides).
    await update(NODE_KEY, (old: unknown) => (isStoredKey(old) ? old : fresh), this.store);
    const winner: unknown = await get(NODE_KEY, this.store);
    if (!isStoredKey(winner)) throw new Error('could not store the node key in IndexedDB');
    return toSigner(winner);
  }
}

function toSigner(key: StoredKey): Promise<NodeSigner> {
  return key.kind === 'webcrypto'
    ? signerFromCryptoKeyPair(key.pair)
    : signerFromSeed(key.seed, { backend: 'noble' });
}
