// Bench nodes: real keys, signed HTTP and WebSocket, results precomputed (sent instantly).
import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import {
  generateSeed,
  parseServerMessage,
  signerFromSeed,
  signRequest,
  type NodeSigner,
} from 'wowlab-node/protocol';

const agent = new Agent({ keepAlive: true, maxSockets: 2048 });

export interface HttpAnswer {
  status: number;
  body: string;
}

export function post(
  baseUrl: URL,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        path,
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface FleetHooks {
  /** Called once per chunk id when its assign message arrives. */
  onAssigned(chunkId: string, jobId: string): void;
  onCompleted(): void;
  onError(err: unknown): void;
}

/** `resultFor(seedOffset)` returns the JSON text of a plausible ChunkResult for that chunk. */
export class BenchNode {
  nodeId = '';
  socket: WebSocket | null = null;
  private readonly held = new Set<string>();

  private constructor(
    private readonly baseUrl: URL,
    private readonly signer: NodeSigner,
    private readonly engineVersion: string,
    private readonly maxParallel: number,
  ) {}

  static async create(baseUrl: string, engineVersion: string, maxParallel: number): Promise<BenchNode> {
    const node = new BenchNode(
      new URL(baseUrl),
      await signerFromSeed(generateSeed()),
      engineVersion,
      maxParallel,
    );
    const body = JSON.stringify({
      kind: 'headless',
      name: 'bench',
      maxParallel,
      totalCores: maxParallel,
      platform: 'bench',
      version: '0.1.0',
      engineVersion,
    });
    const res = await post(
      node.baseUrl,
      '/nodes/register',
      await signRequest(node.signer, 'POST', '/nodes/register', body),
      body,
    );
    if (res.status !== 200) throw new Error(`register: ${res.status} ${res.body}`);
    node.nodeId = (JSON.parse(res.body) as { nodeId: string }).nodeId;
    return node;
  }

  async connect(hooks: FleetHooks, resultFor: ((seedOffset: number) => string) | null): Promise<void> {
    const headers = await signRequest(this.signer, 'GET', '/nodes/ws', '');
    const ws = new WebSocket(`ws://${this.baseUrl.host}/nodes/ws`, { headers });
    this.socket = ws;
    ws.on('message', (data) => {
      const msg = parseServerMessage(data.toString());
      if (msg?.type !== 'assign') return;
      for (const chunk of msg.chunks) {
        if (this.held.has(chunk.id)) continue;
        this.held.add(chunk.id);
        hooks.onAssigned(chunk.id, chunk.jobId);
        if (resultFor) this.complete(chunk.id, resultFor(chunk.seedOffset), hooks);
      }
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  }

  private complete(chunkId: string, resultJson: string, hooks: FleetHooks): void {
    const body = `{"chunkId":"${chunkId}","result":${resultJson}}`;
    signRequest(this.signer, 'POST', '/chunks/complete', body)
      .then((headers) => post(this.baseUrl, '/chunks/complete', headers, body))
      .then((res) => {
        this.held.delete(chunkId);
        if (res.status !== 200) throw new Error(`complete: ${res.status} ${res.body}`);
        hooks.onCompleted();
      })
      .catch(hooks.onError);
  }

  close(): void {
    this.socket?.terminate();
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export { agent };
