// Bench nodes: real keys, signed HTTP and WebSocket, results precomputed (sent instantly).
import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { HEADER_KEY, HEADER_SIG, HEADER_TS, parseServerMessage, signedText } from 'wowlab-node/protocol';
import { sha256HexOfText } from '../src/auth/crypto.ts';

/**
 * A node key signing with node:crypto synchronously: the fleet shares the machine with the
 * sentinel, so it signs as cheaply as it can (the wire format is the protocol's, see signedText).
 */
class FastSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: string;

  constructor() {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey.export({ format: 'jwk' }).x!;
  }

  headers(method: string, path: string, body: string): Record<string, string> {
    const ts = String(Date.now());
    const text = signedText(ts, method, path, sha256HexOfText(body));
    const sig = sign(null, Buffer.from(text, 'utf8'), this.privateKey);
    return { [HEADER_KEY]: this.publicKey, [HEADER_TS]: ts, [HEADER_SIG]: sig.toString('base64url') };
  }
}

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
    private readonly signer: FastSigner,
    private readonly engineVersion: string,
    private readonly maxParallel: number,
  ) {}

  static async create(baseUrl: string, engineVersion: string, maxParallel: number): Promise<BenchNode> {
    const node = new BenchNode(new URL(baseUrl), new FastSigner(), engineVersion, maxParallel);
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
      node.signer.headers('POST', '/nodes/register', body),
      body,
    );
    if (res.status !== 200) throw new Error(`register: ${res.status} ${res.body}`);
    node.nodeId = (JSON.parse(res.body) as { nodeId: string }).nodeId;
    return node;
  }

  async connect(hooks: FleetHooks, resultFor: ((seedOffset: number) => string) | null): Promise<void> {
    const headers = this.signer.headers('GET', '/nodes/ws', '');
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
    post(this.baseUrl, '/chunks/complete', this.signer.headers('POST', '/chunks/complete', body), body)
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
