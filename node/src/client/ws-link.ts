// Opening the signed assignment WebSocket with a connect timeout.
import { signRequest, WS_SCOPE_OWN, WS_SCOPE_PARAM } from '../protocol/index.ts';
import type { NodeSigner } from '../protocol/index.ts';
import type { WebSocketFactory, WebSocketLike } from './types.ts';

export const WS_PATH = '/nodes/ws';
const OPEN = 1;

export function webSocketUrl(baseUrl: string, ownJobsOnly = false): URL {
  const url = new URL(
    baseUrl.replace(/\/+$/, '') + WS_PATH + (ownJobsOnly ? `?${WS_SCOPE_PARAM}=${WS_SCOPE_OWN}` : ''),
  );
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

/**
 * Opens the socket; rejects when it fails or is not open within `timeoutMs`. `onMessage` is
 * attached before the socket opens: with `ws` a frame that arrives together with the upgrade
 * response is delivered right after `open`, before whoever awaits this promise runs, and
 * would otherwise be lost (the sentinel pushes assignments as soon as a node connects).
 */
export async function openSocket(
  factory: WebSocketFactory,
  baseUrl: string,
  signer: NodeSigner,
  timeoutMs: number,
  onMessage: (data: unknown) => void,
  ownJobsOnly = false,
): Promise<WebSocketLike> {
  const url = webSocketUrl(baseUrl, ownJobsOnly);
  const headers = await signRequest(signer, 'GET', url.pathname + url.search, '');
  const socket = factory(url.href, headers);
  socket.onmessage = (ev) => onMessage(ev.data);
  return new Promise<WebSocketLike>((resolve, reject) => {
    const timer = setTimeout(() => fail(`connect timed out after ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      socket.onopen = socket.onclose = socket.onmessage = null;
      socket.onerror = ignore; // `ws` emits an error when a connecting socket is closed
      try {
        socket.close();
      } catch {
        // already closed
      }
      reject(new Error(`WebSocket ${url.host}${url.pathname}: ${why}`));
    };
    socket.onopen = () => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      if (socket.readyState === OPEN) resolve(socket);
      else fail('closed while opening');
    };
    socket.onerror = (ev) => fail(errorText(ev));
    socket.onclose = (ev) => fail(`closed (${ev.code}${ev.reason ? ' ' + ev.reason : ''})`);
  });
}

function ignore(): void {}

function errorText(ev: unknown): string {
  const e = ev as { message?: unknown; error?: { message?: unknown } } | null;
  if (typeof e?.message === 'string' && e.message) return e.message;
  if (typeof e?.error?.message === 'string') return e.error.message;
  return 'connection failed';
}
