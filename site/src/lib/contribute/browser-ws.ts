// WebSocket factory for the browser: the signed-upgrade values go in the query string (a
// browser cannot set headers on a WebSocket upgrade); the sentinel verifies them against the
// URL without these parameters, which is exactly what NodeClient signed.
import type { WebSocketFactory, WebSocketLike } from 'wowlab-node';
import type { SignedHeaders } from 'wowlab-node/protocol';

export function signedSocketUrl(url: string, headers: SignedHeaders): string {
  const u = new URL(url);
  for (const [name, value] of Object.entries(headers)) u.searchParams.append(name, value);
  return u.href;
}

export const browserWebSocketFactory: WebSocketFactory = (url, headers) =>
  new WebSocket(signedSocketUrl(url, headers)) as unknown as WebSocketLike;
