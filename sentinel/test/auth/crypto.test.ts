// The sentinel verifies signatures with node:crypto; it must agree with the nodes' WebCrypto.
import { describe, expect, it } from 'vitest';
import { generateSeed, signerFromSeed, signRequest, verifyRequest } from 'wowlab-node/protocol';
import { sha256HexOfText, verifyEd25519 } from '../../src/auth/crypto.ts';

describe('native request verification', () => {
  it('accepts what a node signed, and nothing else', async () => {
    const signer = await signerFromSeed(generateSeed());
    const body = '{"chunkId":"c","result":{"note":"ünïcödé ✓"}}';
    const headers = await signRequest(signer, 'POST', '/chunks/complete', body, 1_000);
    const check = (over: Partial<{ body: string; path: string; sig: string }>) =>
      verifyRequest({
        publicKey: headers['x-node-key'],
        ts: headers['x-node-ts'],
        sig: over.sig ?? headers['x-node-sig'],
        method: 'POST',
        path: over.path ?? '/chunks/complete',
        body: over.body ?? body,
        bodyHash: sha256HexOfText(over.body ?? body),
        verifier: verifyEd25519,
        now: 1_000,
      });
    expect(await check({})).toMatchObject({ ok: true });
    expect(await check({ body: body.replace('c', 'd') })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await check({ path: '/chunks/fail' })).toEqual({ ok: false, reason: 'bad-signature' });
    const sig = headers['x-node-sig'];
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    expect(await check({ sig: flipped })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('hashes text as UTF-8 like the nodes do, and refuses malformed keys and signatures', () => {
    expect(sha256HexOfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(verifyEd25519(new Uint8Array(31), new Uint8Array(1), new Uint8Array(64))).toBe(false);
    expect(verifyEd25519(new Uint8Array(32), new Uint8Array(1), new Uint8Array(63))).toBe(false);
    expect(verifyEd25519(new Uint8Array(32).fill(255), new Uint8Array(1), new Uint8Array(64))).toBe(false);
  });
});
