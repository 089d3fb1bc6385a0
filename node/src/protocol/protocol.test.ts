import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  ChunkCompleteRequestSchema,
  decodePublicKey,
  encodePublicKey,
  encodeSamples,
  fromBase64url,
  generateCryptoKeyPair,
  generateSeed,
  hasWebCryptoEd25519,
  parseClientMessage,
  parseServerMessage,
  sha256Hex,
  signerFromCryptoKeyPair,
  signerFromSeed,
  signRequest,
  toBase64url,
  utf8,
  verifyRequest,
  verifySignature,
} from './index.ts';
import { Value } from 'typebox/value';

describe('encoding', () => {
  it('base64url round-trips every length and rejects non-canonical text', () => {
    for (let len = 0; len < 70; len++) {
      const bytes = crypto.getRandomValues(new Uint8Array(len));
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
    expect(fromBase64url('a')).toBeNull();
    expect(fromBase64url('ab+/')).toBeNull();
    expect(fromBase64url('ab==')).toBeNull();
    expect(fromBase64url('AB')).toBeNull(); // trailing bits set
    expect(fromBase64url('AAB')).toBeNull();
    expect(fromBase64url('AAE')).toEqual(new Uint8Array([0, 1]));
    expect(fromBase64url('AA\u00e9A')).toBeNull();
    expect(fromBase64url('AA\u0141A')).toBeNull(); // 0x141 & 0xff would be 'A'
  });

  it('hashes bodies as sha-256 hex', async () => {
    expect(await sha256Hex(utf8(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('keys', () => {
  it('WebCrypto Ed25519 is available on Node 20', async () => {
    expect(await hasWebCryptoEd25519()).toBe(true);
  });

  it('WebCrypto and noble derive the same key and produce the same signature bytes', async () => {
    for (let i = 0; i < 8; i++) {
      const seed = generateSeed();
      const web = await signerFromSeed(seed, { backend: 'webcrypto' });
      const noble = await signerFromSeed(seed, { backend: 'noble' });
      expect(web.publicKey).toEqual(noble.publicKey);
      const message = crypto.getRandomValues(new Uint8Array(17 * i + 1));
      const a = await web.sign(message);
      const b = await noble.sign(message);
      expect(a).toEqual(b); // Ed25519 is deterministic (RFC 8032)
      for (const backend of ['webcrypto', 'noble'] as const) {
        expect(await verifySignature(web.publicKey, message, a, { backend })).toBe(true);
        const tampered = message.slice();
        tampered[0]! ^= 1;
        expect(await verifySignature(web.publicKey, tampered, a, { backend })).toBe(false);
      }
    }
  });

  it('matches the RFC 8032 test vector 1', async () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    for (const backend of ['webcrypto', 'noble'] as const) {
      const signer = await signerFromSeed(new Uint8Array(seed), { backend });
      expect(Buffer.from(signer.publicKey).toString('hex')).toBe(
        'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      );
      const sig = await signer.sign(new Uint8Array(0));
      expect(Buffer.from(sig).toString('hex')).toBe(
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
      );
    }
  });

  it('signs with a non-extractable WebCrypto key pair', async () => {
    const pair = await generateCryptoKeyPair();
    expect(pair.privateKey.extractable).toBe(false);
    const signer = await signerFromCryptoKeyPair(pair);
    const message = utf8('hello');
    const sig = await signer.sign(message);
    expect(await verifySignature(signer.publicKey, message, sig, { backend: 'noble' })).toBe(true);
  });

  it('decodes only 32-byte public keys', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    expect(decodePublicKey(encodePublicKey(key))).toEqual(key);
    expect(decodePublicKey(toBase64url(new Uint8Array(31)))).toBeNull();
    expect(decodePublicKey('not base64!')).toBeNull();
  });
});

describe('request signing', () => {
  const body = JSON.stringify({ chunkId: 'x', n: 1 });

  it('builds the canonical string ts \\n METHOD \\n path \\n sha256(body)', async () => {
    const hash = await sha256Hex(utf8(body));
    expect(await canonicalRequest(123, 'post', '/chunks/complete?a=1', body)).toBe(
      `123\nPOST\n/chunks/complete?a=1\n${hash}`,
    );
  });

  it('a request signed by either backend verifies with either backend', async () => {
    const seed = generateSeed();
    const now = 1_800_000_000_000;
    for (const signBackend of ['webcrypto', 'noble'] as const) {
      const signer = await signerFromSeed(seed, { backend: signBackend });
      const headers = await signRequest(signer, 'POST', '/chunks/complete', body, now);
      expect(headers['x-node-ts']).toBe(String(now));
      for (const backend of ['webcrypto', 'noble'] as const) {
        const input = {
          publicKey: headers['x-node-key'],
          ts: headers['x-node-ts'],
          sig: headers['x-node-sig'],
          method: 'POST',
          path: '/chunks/complete',
          body,
          now: now + 1000,
          backend,
        };
        expect((await verifyRequest(input)).ok).toBe(true);
        expect(await verifyRequest({ ...input, body: body + ' ' })).toEqual({
          ok: false,
          reason: 'bad-signature',
        });
        expect(await verifyRequest({ ...input, path: '/chunks/fail' })).toEqual({
          ok: false,
          reason: 'bad-signature',
        });
        expect(await verifyRequest({ ...input, method: 'GET' })).toEqual({
          ok: false,
          reason: 'bad-signature',
        });
        expect(await verifyRequest({ ...input, now: now + 61_000 })).toEqual({ ok: false, reason: 'stale' });
        expect(await verifyRequest({ ...input, now: now - 61_000 })).toEqual({ ok: false, reason: 'stale' });
        expect(await verifyRequest({ ...input, ts: '1e12' })).toEqual({ ok: false, reason: 'bad-timestamp' });
        expect(await verifyRequest({ ...input, publicKey: 'abc' })).toEqual({ ok: false, reason: 'bad-key' });
        const other = await signerFromSeed(generateSeed());
        expect(await verifyRequest({ ...input, publicKey: encodePublicKey(other.publicKey) })).toEqual({
          ok: false,
          reason: 'bad-signature',
        });
      }
    }
  });

  it('an empty body signs the hash of the empty string', async () => {
    const signer = await signerFromSeed(generateSeed());
    const headers = await signRequest(signer, 'GET', '/nodes/ws', undefined, 5);
    const result = await verifyRequest({
      publicKey: headers['x-node-key'],
      ts: headers['x-node-ts'],
      sig: headers['x-node-sig'],
      method: 'GET',
      path: '/nodes/ws',
      body: '',
      now: 5,
    });
    expect(result.ok).toBe(true);
  });
});

describe('messages', () => {
  const id = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

  it('parses server and client frames and rejects anything else', () => {
    const assign = {
      type: 'assign',
      chunks: [{ id, jobId: id, configHash: 'a'.repeat(64), iterations: 100, seedOffset: 0, seed: 42 }],
    };
    expect(parseServerMessage(JSON.stringify(assign))).toEqual(assign);
    expect(parseServerMessage(JSON.stringify({ type: 'cancel', chunkIds: [id] }))).not.toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'assign', chunks: [{ id }] }))).toBeNull();
    expect(parseServerMessage('{')).toBeNull();
    expect(parseClientMessage('{"type":"slots","free":3}')).toEqual({ type: 'slots', free: 3 });
    expect(parseClientMessage('{"type":"slots","free":-1}')).toBeNull();
    expect(parseClientMessage('{"type":"slots","free":1,"x":1}')).toBeNull();
  });

  it('the completion schema accepts a chunk result and rejects malformed ones', () => {
    const result = {
      engineVersion: '0.1.0',
      seedOffset: 0,
      iterations: 2,
      n: 2,
      mean: 10,
      m2: 2,
      min: 9,
      max: 11,
      samples: encodeSamples([9, 11]),
      abilities: { kill_command: { damage: 100, casts: 2, hits: 2, crits: 1 } },
    };
    expect(Value.Check(ChunkCompleteRequestSchema, { chunkId: id, result })).toBe(true);
    expect(Value.Check(ChunkCompleteRequestSchema, { chunkId: 'nope', result })).toBe(false);
    expect(Value.Check(ChunkCompleteRequestSchema, { chunkId: id, result: { ...result, n: 'x' } })).toBe(
      false,
    );
    expect(
      Value.Check(ChunkCompleteRequestSchema, {
        chunkId: id,
        result: { ...result, abilities: { 'Bad Key': {} } },
      }),
    ).toBe(false);
  });
});
