// A sentinel may push a message the moment a node connects. When that frame arrives in the
// same read as the upgrade response, `ws` delivers it right after `open`, before the code
// awaiting openSocket runs: the handler must already be attached or the push is lost.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSeed, signerFromSeed } from '../../src/protocol/index.ts';
import { openSocket, webSocketUrl } from '../../src/client/ws-link.ts';
import { nodeWebSocketFactory } from '../../src/headless/ws-factory.ts';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
let server: Server | null = null;
const upgraded: Socket[] = [];

afterEach(async () => {
  for (const s of upgraded.splice(0)) s.destroy(); // the HTTP server does not track upgraded sockets
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** One unmasked text frame (server → client), payload under 126 bytes. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([0x81, payload.length]), payload]);
}

/** A server that answers the upgrade and sends `messages` in the very same write. */
async function eagerServer(messages: string[]): Promise<string> {
  server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket: Socket) => {
    upgraded.push(socket);
    const accept = createHash('sha1')
      .update(String(req.headers['sec-websocket-key']) + WS_GUID)
      .digest('base64');
    const head =
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(head), ...messages.map(textFrame)]));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

it('delivers messages that arrive together with the upgrade response', async () => {
  const messages = ['{"type":"assign","chunks":[]}', '{"type":"cancel","chunkIds":[]}'];
  const url = await eagerServer(messages);
  const signer = await signerFromSeed(generateSeed());
  const received: unknown[] = [];
  const socket = await openSocket(nodeWebSocketFactory, url, signer, 5_000, (data) =>
    received.push(String(data)),
  );
  try {
    // both frames were in the first read: they are delivered by the time the caller runs
    expect(received).toEqual(messages);
  } finally {
    socket.onclose = null;
    socket.onerror = () => undefined;
    socket.close();
  }
});

describe('webSocketUrl', () => {
  it('maps http(s) to ws(s) and takes any job by default', () => {
    expect(webSocketUrl('https://sentinel.example/').href).toBe('wss://sentinel.example/nodes/ws');
    expect(webSocketUrl('http://127.0.0.1:8080').href).toBe('ws://127.0.0.1:8080/nodes/ws');
  });

  it('asks for its owner’s own jobs only with scope=own (part of the signed path)', () => {
    const url = webSocketUrl('http://127.0.0.1:8080', true);
    expect(url.pathname + url.search).toBe('/nodes/ws?scope=own');
  });
});
