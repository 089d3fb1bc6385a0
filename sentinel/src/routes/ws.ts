// GET /nodes/ws — signed upgrade (the X-Node-* headers on the upgrade request, empty body).
// One socket per node; on (re)connect the node's running chunks are pushed again (the node
// ignores ids it already holds), so a sentinel restart or a reconnect loses nothing.
import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import {
  ErrorResponseSchema,
  parseClientMessage,
  WS_CLOSE,
  WS_SCOPE_OWN,
  WS_SCOPE_PARAM,
} from 'wowlab-node/protocol';
import { runningChunksOfNodes, toAssignment } from '../db/node-chunks.ts';
import { touchNode } from '../db/nodes.ts';
import { RateLimiter } from '../auth/replay-guard.ts';

const wsRoutes: FastifyPluginAsync = async (app) => {
  // frames per node (all its sockets): a flood is closed before it costs the scheduler anything
  const frames = new RateLimiter(app.config.wsFramesPerSecond, app.config.wsFrameBurst);
  app.get(
    '/nodes/ws',
    {
      websocket: true,
      config: { signed: 'known' },
      schema: { response: { 401: ErrorResponseSchema, 429: ErrorResponseSchema } },
    },
    (socket: WebSocket, request) => {
      const nodeId = request.nodeIdentity!.nodeId!;
      // `scope=own` (signed with the path): only the owner's own jobs on this socket
      const ownJobsOnly =
        new URL(request.url, 'http://sentinel').searchParams.get(WS_SCOPE_PARAM) === WS_SCOPE_OWN;
      const sequence = app.hub.nextSequence();
      const log = request.log.child({ nodeId });
      let ready = false;
      let closed = false;
      let accepting = true;

      socket.on('message', (data, isBinary) => {
        if (closed) return;
        if (!frames.take(nodeId, Date.now())) {
          closed = true;
          log.warn('node flooded its socket; closing');
          socket.close(WS_CLOSE.rateLimited, 'too many messages');
          return;
        }
        const message = isBinary ? null : parseClientMessage(data.toString());
        if (!message) {
          log.warn('malformed node message; closing');
          socket.close(WS_CLOSE.protocolError, 'malformed message');
          return;
        }
        if (message.type === 'slots') {
          // `slots 0` (a node stopping, or full): assign it nothing until it announces free slots
          accepting = message.free > 0;
          const node = app.hub.get(nodeId);
          if (node && node.socket === socket) node.accepting = accepting;
          if (ready && accepting) app.scheduler.wake();
        }
      });
      socket.on('pong', () => {
        const node = app.hub.get(nodeId);
        if (node && node.socket === socket) node.alive = true;
      });
      socket.on('close', () => {
        closed = true;
        if (app.hub.remove(nodeId, socket)) {
          log.info('node socket closed');
          app.liveness
            .disconnected(nodeId)
            .catch((err) => log.error({ err }, 'disconnect bookkeeping failed'));
        }
      });

      (async () => {
        app.liveness.connected(nodeId);
        const row = await touchNode(app.db, nodeId);
        if (closed) return;
        if (!row) {
          socket.close(WS_CLOSE.protocolError, 'unknown node');
          return;
        }
        const running = await runningChunksOfNodes(app.db, [nodeId]);
        if (closed) return;
        const { added, previous } = app.hub.add({
          id: nodeId,
          socket,
          info: row,
          held: new Map(),
          alive: true,
          accepting, // a `slots` message may have come before the node was ready
          sequence,
          ownJobsOnly,
        });
        if (!added) {
          // a newer connection of this node finished its setup first: it stays
          socket.close(WS_CLOSE.replaced, 'replaced by a new connection');
          return;
        }
        if (previous && previous.socket !== socket)
          previous.socket.close(WS_CLOSE.replaced, 'replaced by a new connection');
        app.liveness.connected(nodeId);
        const resend = running.filter((c) => c.jobActive).map(toAssignment);
        if (resend.length > 0) app.hub.assign(nodeId, resend); // also records them as held
        ready = true;
        log.info({ resent: resend.length }, 'node connected');
        app.scheduler.wake();
      })().catch((err) => {
        log.error({ err }, 'node connection setup failed');
        socket.close(1011, 'setup failed');
      });
    },
  );
};

export default wsRoutes;
