// WebSocket factory for Node: the `ws` package, which can send the signed-upgrade headers.
import WebSocket from 'ws';
import type { WebSocketFactory, WebSocketLike } from '../client/types.ts';
import { MAX_WS_MESSAGE_BYTES } from '../protocol/index.ts';

export const nodeWebSocketFactory: WebSocketFactory = (url, headers) =>
  new WebSocket(url, {
    headers: { ...headers },
    maxPayload: MAX_WS_MESSAGE_BYTES,
    handshakeTimeout: 10_000,
  }) as unknown as WebSocketLike;
