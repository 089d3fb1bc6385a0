// A small stand-in for the sentinel, for client tests: real HTTP + real WebSocket (ws), every
// request's Ed25519 signature verified with wowlab-node/protocol. Behaviour is scriptable.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import { parseClientMessage, verifyRequest } from '../../src/protocol/index.ts';
import type { ChunkAssignment, ClientMessage, ServerMessage } from '../../src/protocol/index.ts';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  key: string;
}

type Reply = { status: number; body: unknown } | undefined;
/** A custom answer for a route (may be late: a promise); `undefined` falls through to the default. */
type Handler = (call: Call) => Reply | Promise<Reply>;

export class FakeSentinel {
  readonly calls: Call[] = [];
  readonly clientMessages: ClientMessage[] = [];
  readonly sockets = new Set<WebSocket>();
  readonly configs = new Map<string, unknown>();
  /** Per-route overrides; return undefined to fall through to the default behaviour. */
  readonly handlers = new Map<string, Handler>();
  claimCode: string | null = 'ABCD-1234';
  nodeId = '6f1c2a9e-0000-4000-8000-000000000001';
  userId: string | null = null;
  /** What heartbeats echo as the node's settings (set from its registration). */
  nodeName = 'fake';
  nodeMaxParallel = 2;
  upgrades = 0;
  rejectedRequests = 0;
  /** When false, WebSocket upgrades hang (connect-timeout tests). */
  acceptUpgrades = true;
  private server: Server;
  private wss = new WebSocketServer({ noServer: true });
  private hanging: Duplex[] = [];
  port = 0;

  constructor() {
    this.server = this.makeServer();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private makeServer(): Server {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => void this.onUpgrade(req, socket, head));
    return server;
  }

  async start(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Closes every socket and the listener (a sentinel going away). */
  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    for (const s of this.hanging) s.destroy();
    this.hanging = [];
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Stops and listens again on the same port (a sentinel restart). */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs) await new Promise((r) => setTimeout(r, downMs));
    this.server = this.makeServer();
    await this.start(this.port);
  }

  send(msg: ServerMessage): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(msg));
  }

  assign(chunks: ChunkAssignment[]): void {
    this.send({ type: 'assign', chunks });
  }

  callsTo(route: string): Call[] {
    const [method, path] = route.split(' ') as [string, string];
    return this.calls.filter(
      (c) => c.method === method && (c.path === path || c.path.startsWith(path + '/')),
    );
  }

  slotsSent(): number[] {
    return this.clientMessages.filter((m) => m.type === 'slots').map((m) => m.free);
  }

  private async verify(req: IncomingMessage, body: string): Promise<string | null> {
    const key = String(req.headers['x-node-key'] ?? '');
    const result = await verifyRequest({
      publicKey: key,
      ts: String(req.headers['x-node-ts'] ?? ''),
      sig: String(req.headers['x-node-sig'] ?? ''),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      body,
      now: Date.now(),
    });
    return result.ok ? key : null;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const key = await this.verify(req, text);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string) =>
      reply(status, { statusCode: status, code, error: 'error', message });
    if (!key) {
      this.rejectedRequests++;
      return error(401, 'WL_ERR_BAD_SIGNATURE', 'bad signature');
    }
    const call: Call = {
      method: req.method ?? '',
      path: req.url ?? '',
      body: text ? JSON.parse(text) : undefined,
      key,
    };
    this.calls.push(call);
    const route = `${call.method} ${call.path.startsWith('/configs/') ? '/configs' : call.path}`;
    const custom = await this.handlers.get(route)?.(call);
    if (custom) return reply(custom.status, custom.body);
    switch (route) {
      case 'POST /nodes/register': {
        // like the sentinel, echo what the node registered with until an owner changes it
        const body = call.body as { name?: string; maxParallel?: number };
        if (body.name) this.nodeName = body.name;
        if (body.maxParallel) this.nodeMaxParallel = body.maxParallel;
        return reply(200, { nodeId: this.nodeId, claimCode: this.claimCode });
      }
      case 'POST /nodes/heartbeat':
        return reply(200, {
          nodeId: this.nodeId,
          name: this.nodeName,
          maxParallel: this.nodeMaxParallel,
          claimed: this.claimCode === null,
          userId: this.userId,
          claimCode: this.claimCode,
          status: 'online',
        });
      case 'GET /configs': {
        const hash = call.path.slice('/configs/'.length);
        const config = this.configs.get(hash);
        if (config === undefined) return error(404, 'WL_ERR_NOT_FOUND', 'no such config');
        return reply(200, { hash, config });
      }
      case 'POST /chunks/complete':
        return reply(200, { accepted: true, jobCompleted: false });
      case 'POST /chunks/fail':
        return reply(200, { accepted: true, retried: true, jobFailed: false });
      default:
        return error(404, 'WL_ERR_NOT_FOUND', route);
    }
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    this.upgrades++;
    if (!this.acceptUpgrades) {
      this.hanging.push(socket);
      return;
    }
    const key = req.url === '/nodes/ws' ? await this.verify(req, '') : null;
    if (!key) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = parseClientMessage(String(data));
        if (msg) this.clientMessages.push(msg);
      });
    });
  }
}
