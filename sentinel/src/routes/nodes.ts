// POST /nodes/register, POST /nodes/heartbeat.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  ErrorResponseSchema,
  HeartbeatRequestSchema,
  HeartbeatResponseSchema,
  RegisterRequestSchema,
  RegisterResponseSchema,
} from 'wowlab-node/protocol';
import { registerNode } from '../db/register-node.ts';
import { touchNode } from '../db/nodes.ts';
import { repushLost } from '../scheduler/lost-pushes.ts';
import { Errors } from '../errors.ts';
import { clientAddress, RegisterRateLimited } from '../plugins/register-limit.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 429: ErrorResponseSchema };

const nodeRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/nodes/register',
    {
      config: { signed: 'register' },
      schema: { body: RegisterRequestSchema, response: { 200: RegisterResponseSchema, ...errors } },
    },
    async (request) => {
      const identity = request.nodeIdentity!;
      // Trust: new keys per client address are rate-limited (a flood of fake nodes cannot hoard work).
      if (
        identity.nodeId === null &&
        !(await app.trust.registrations.allow(app.db, clientAddress(request, app.config.trust)))
      )
        throw new RegisterRateLimited();
      const node = await registerNode(app.db, identity.publicKey, request.body);
      request.log.info(
        { nodeId: node.id, kind: request.body.kind, claimed: node.userId !== null },
        'node registered',
      );
      return { nodeId: node.id, claimCode: node.claimCode };
    },
  );

  app.post(
    '/nodes/heartbeat',
    {
      config: { signed: 'known' },
      schema: { body: HeartbeatRequestSchema, response: { 200: HeartbeatResponseSchema, ...errors } },
    },
    async (request) => {
      const nodeId = request.nodeIdentity!.nodeId!;
      const row = await touchNode(app.db, nodeId, {
        version: request.body.version,
        engineVersion: request.body.engineVersion,
      });
      if (!row) throw new Errors.UnknownNode();
      const connected = app.hub.get(nodeId);
      if (connected) {
        connected.info = row;
        const { runningChunks } = request.body;
        if (runningChunks) {
          const repushed = await repushLost(app.db, app.hub, nodeId, runningChunks, app.config.repushAfterMs);
          if (repushed > 0) {
            request.log.warn({ nodeId, repushed }, 'node lacked chunks pushed to it; pushed them again');
            app.events.emit('chunksRepushed', { nodeId, count: repushed });
          }
        }
      }
      return {
        nodeId,
        name: row.name,
        maxParallel: row.maxParallel,
        claimed: row.userId !== null,
        userId: row.userId,
        claimCode: row.claimCode,
        status: row.status,
      };
    },
  );
};

export default nodeRoutes;
