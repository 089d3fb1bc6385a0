// Browsers cannot set headers on a WebSocket upgrade, so a browser node puts its signature
// headers in the query string instead: `/nodes/ws?x-node-key=…&x-node-ts=…&x-node-sig=…`.
// The signature covers the URL without these three parameters (exactly what the client signed).
import { HEADER_KEY, HEADER_SIG, HEADER_TS } from 'wowlab-node/protocol';

export interface QueryAuth {
  publicKey: string;
  ts: string;
  sig: string;
  /** The path with query as it was signed (the auth parameters removed). */
  signedPath: string;
}

const NAMES = new Set<string>([HEADER_KEY, HEADER_TS, HEADER_SIG]);

/** Extracts signature parameters from a request URL; null unless all three are present once. */
export function queryAuth(url: string): QueryAuth | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  const found = new Map<string, string>();
  const rest: string[] = [];
  for (const part of url.slice(q + 1).split('&')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (!NAMES.has(name)) {
      if (part !== '') rest.push(part);
      continue;
    }
    if (found.has(name)) return null;
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      return null;
    }
    found.set(name, value);
  }
  const publicKey = found.get(HEADER_KEY);
  const ts = found.get(HEADER_TS);
  const sig = found.get(HEADER_SIG);
  if (!publicKey || !ts || !sig) return null;
  const path = url.slice(0, q);
  return { publicKey, ts, sig, signedPath: rest.length > 0 ? `${path}?${rest.join('&')}` : path };
}
