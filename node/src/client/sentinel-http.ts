// Signed HTTP calls to the sentinel, each with a timeout and a validated response.
import { Value } from 'typebox/value';
import type { TSchema, Static } from 'typebox';
import {
  ChunkCompleteResponseSchema,
  ChunkFailResponseSchema,
  ConfigResponseSchema,
  HeartbeatResponseSchema,
  RegisterResponseSchema,
  signRequest,
} from '../protocol/index.ts';
import type {
  ChunkCompleteResponse,
  ChunkFailRequest,
  ChunkFailResponse,
  ChunkResultWire,
  ConfigResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  NodeSigner,
  RegisterRequest,
  RegisterResponse,
} from '../protocol/index.ts';
import type { FetchLike } from './types.ts';

/** Largest response body the client reads (configs are ≤ 256 KiB). */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** A non-2xx answer, or a network failure / timeout (`status` 0). */
export class SentinelError extends Error {
  override readonly name = 'SentinelError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth retrying: network trouble, timeouts, overload, server errors, clock-related 401. */
  get retryable(): boolean {
    return (
      this.status === 0 ||
      this.status === 401 ||
      this.status === 408 ||
      this.status === 429 ||
      this.status >= 500
    );
  }
}

export class SentinelHttp {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly signer: NodeSigner,
    private readonly fetchImpl: FetchLike,
    private readonly timeoutMs: number,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  register(body: RegisterRequest): Promise<RegisterResponse> {
    return this.call('POST', '/nodes/register', body, RegisterResponseSchema);
  }

  heartbeat(body: HeartbeatRequest): Promise<HeartbeatResponse> {
    return this.call('POST', '/nodes/heartbeat', body, HeartbeatResponseSchema);
  }

  getConfig(hash: string): Promise<ConfigResponse> {
    return this.call('GET', `/configs/${encodeURIComponent(hash)}`, undefined, ConfigResponseSchema);
  }

  complete(chunkId: string, result: ChunkResultWire): Promise<ChunkCompleteResponse> {
    return this.call('POST', '/chunks/complete', { chunkId, result }, ChunkCompleteResponseSchema);
  }

  fail(body: ChunkFailRequest): Promise<ChunkFailResponse> {
    return this.call('POST', '/chunks/fail', body, ChunkFailResponseSchema);
  }

  async call<S extends TSchema>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S,
  ): Promise<Static<S>> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(this.baseUrl + path);
    // Sign the path as the sentinel sees it (a base URL may carry a prefix such as /api).
    const signedPath = url.pathname + url.search;
    const headers: Record<string, string> = {
      ...(await signRequest(this.signer, method, signedPath, text ?? '')),
    };
    if (text !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let res: Response;
    let raw: string;
    try {
      res = await this.fetchImpl(url.href, { method, headers, body: text, signal: controller.signal });
      raw = await readLimited(res);
    } catch (err) {
      const why = controller.signal.aborted ? `timed out after ${this.timeoutMs} ms` : describe(err);
      throw new SentinelError(0, 'NETWORK', `${method} ${path}: ${why}`);
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const e = (json ?? {}) as { code?: unknown; message?: unknown };
      const code = typeof e.code === 'string' ? e.code : `HTTP_${res.status}`;
      const msg = typeof e.message === 'string' ? e.message : res.statusText;
      throw new SentinelError(res.status, code, `${method} ${path}: ${res.status} ${msg}`.slice(0, 500));
    }
    if (!Value.Check(schema, json)) {
      throw new SentinelError(
        502,
        'BAD_RESPONSE',
        `${method} ${path}: unexpected response from the sentinel`,
      );
    }
    return json as Static<S>;
  }
}

async function readLimited(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) throw new Error('response too large');
  if (!res.body) return '';
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new Error('response too large');
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(all);
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? cause.message : '';
    return causeText ? `${err.message} (${causeText})` : err.message;
  }
  return String(err);
}
