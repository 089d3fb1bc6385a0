import { canonicalJson, utf8Bytes } from './canonical-json.ts';

interface SubtleLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/** sha-256 hex of `canonicalJson(config)`, equal to Postgres `encode(sha256(convert_to(config::text, 'UTF8')), 'hex')`. */
export async function hashConfig(config: unknown): Promise<string> {
  const text = canonicalJson(config);
  const subtle = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
  const digest = new Uint8Array(await subtle.digest('SHA-256', utf8Bytes(text)));
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += (digest[i]! < 16 ? '0' : '') + digest[i]!.toString(16);
  return hex;
}
