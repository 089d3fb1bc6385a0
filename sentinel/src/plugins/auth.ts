// Node authentication: raw JSON body kept for the signature, Ed25519 verification of
// X-Node-Key/-Ts/-Sig on every route with `config.signed`, replay and rate limits.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HEADER_KEY, HEADER_SIG, HEADER_TS, MAX_BODY_BYTES, verifyRequest } from 'wowlab-node/protocol';
import { findNodeIdByKey, isDeletedNodeKey } from '../db/nodes.ts';
import { Errors } from '../errors.ts';
import { sha256HexOfText, verifyEd25519 } from '../auth/crypto.ts';
import { queryAuth } from '../auth/query-auth.ts';
import { RateLimiter, ReplayCache } from '../auth/replay-guard.ts';

const KEY_CACHE_TTL_MS = 30_000;

export default fp(
  async (app) => {
    const replay = new ReplayCache(2 * app.config.maxClockSkewMs + 1000);
    const limiter = new RateLimiter(app.config.rateLimitPerSecond, app.config.rateLimitBurst);
    const keyCache = new Map<string, { nodeId: string; until: number }>();

    app.decorateRequest('rawBody', '');
    app.decorateRequest('nodeIdentity', null);

    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
      (request, body, done) => {
        const text = body as string;
        request.rawBody = text;
        try {
          done(null, JSON.parse(text));
        } catch {
          const err = new Error('body is not valid JSON') as Error & { statusCode: number; code: string };
          err.statusCode = 400;
          err.code = 'WL_ERR_BAD_JSON';
          done(err, undefined);
        }
      },
    );

    async function nodeIdFor(publicKey: string): Promise<string | null> {
      const now = Date.now();
      const cached = keyCache.get(publicKey);
      if (cached && cached.until > now) return cached.nodeId;
      const nodeId = await findNodeIdByKey(app.db, publicKey);
      if (nodeId) {
        if (keyCache.size > 100_000) keyCache.clear();
        keyCache.set(publicKey, { nodeId, until: now + KEY_CACHE_TTL_MS });
      } else keyCache.delete(publicKey);
      return nodeId;
    }

    async function verify(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
      const mode = request.routeOptions.config.signed;
      if (!mode) return;
      const header = (name: string) => {
        const v = request.headers[name];
        return typeof v === 'string' ? v : '';
      };
      let publicKey = header(HEADER_KEY);
      let sig = header(HEADER_SIG);
      let ts = header(HEADER_TS);
      let path = request.url;
      // Browser WebSocket upgrades carry the signature in the query (no custom headers possible).
      const fromQuery = !publicKey && request.method === 'GET' ? queryAuth(request.url) : null;
      if (fromQuery) ({ publicKey, sig, ts, signedPath: path } = fromQuery);
      const now = Date.now();
      const checked = await verifyRequest({
        publicKey,
        ts,
        sig,
        method: request.method,
        path,
        body: request.rawBody,
        bodyHash: sha256HexOfText(request.rawBody),
        verifier: verifyEd25519,
        now,
        maxSkewMs: app.config.maxClockSkewMs,
      });
      if (!checked.ok) throw new Errors.Unauthorized(checked.reason);
      if (!replay.use(sig, now)) throw new Errors.Replayed();
      if (!limiter.take(publicKey, now)) throw new Errors.RateLimited();
      const nodeId = await nodeIdFor(publicKey);
      // a key whose node its owner deleted: tell the process to stop, never re-register it
      // (registrations always look: the key cache may still hold the deleted node's id)
      if ((!nodeId || mode === 'register') && (await isDeletedNodeKey(app.db, publicKey)))
        throw new Errors.NodeDeleted();
      if (!nodeId && mode === 'known') throw new Errors.UnknownNode();
      request.nodeIdentity = { publicKey, nodeId };
    }

    app.addHook('preValidation', verify);
  },
  { name: 'sentinel-auth', dependencies: ['sentinel-db'] },
);
