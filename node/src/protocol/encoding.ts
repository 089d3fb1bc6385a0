// Byte/text encodings shared by the wire protocol. Browser-safe: no Node built-ins.

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_CODES = Uint8Array.from(B64URL, (c) => c.charCodeAt(0));
/** char code (< 256) -> 6-bit value, or -1 */
const B64URL_LOOKUP = (() => {
  const table = new Int16Array(256).fill(-1);
  for (let i = 0; i < B64URL.length; i++) table[B64URL.charCodeAt(i)] = i;
  return table;
})();
const ascii = new TextDecoder('latin1');

/** base64url without padding (RFC 4648 §5). */
export function toBase64url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = B64URL_CODES[n >> 18]!;
    out[o++] = B64URL_CODES[(n >> 12) & 63]!;
    out[o++] = B64URL_CODES[(n >> 6) & 63]!;
    out[o++] = B64URL_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = B64URL_CODES[n >> 18]!;
    out[o++] = B64URL_CODES[(n >> 12) & 63]!;
    if (rest === 2) out[o] = B64URL_CODES[(n >> 6) & 63]!;
  }
  return ascii.decode(out);
}

function sextet(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 256 ? B64URL_LOOKUP[c]! : -1;
}

/** Strict base64url decoder (no padding, no other alphabet); returns null on any invalid input. */
export function fromBase64url(text: string): Uint8Array | null {
  const tail = text.length % 4;
  if (tail === 1) return null;
  const full = text.length - tail;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    const d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (tail > 0) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    const c = tail === 3 ? sextet(text, full + 2) : 0;
    if ((a | b | c) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6);
    // Non-canonical trailing bits would let two strings decode to the same bytes.
    if ((tail === 2 ? n & 0xffff : n & 0xff) !== 0) return null;
    out[o] = n >> 16;
    if (tail === 3) out[o + 1] = (n >> 8) & 0xff;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Bytes of a request body: strings are UTF-8, absent bodies are empty. */
export function bodyBytes(body: string | Uint8Array | null | undefined): Uint8Array {
  if (body == null) return new Uint8Array(0);
  return typeof body === 'string' ? encoder.encode(body) : body;
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}
