// GET /configs/:hash — only to a node holding a running chunk with that config, or late on one
// (reclaimed past its deadline, not answered yet: its late answer may still count).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ConfigParamsSchema, ConfigResponseSchema, ErrorResponseSchema } from 'wowlab-node/protocol';
import { fetchConfigForNode } from '../db/configs.ts';
import { Errors } from '../errors.ts';

const configRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/configs/:hash',
    {
      config: { signed: 'known' },
      schema: {
        params: ConfigParamsSchema,
        response: {
          200: ConfigResponseSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const nodeId = request.nodeIdentity!.nodeId!;
      const { hash } = request.params;
      // a node late on a chunk may still answer it (routes/chunks.ts): without the config it could
      // not, and the chunk would take one of its slots for an hour (scheduler/late-chunks.ts)
      const config = await fetchConfigForNode(app.db, hash, nodeId, app.scheduler.lateOnConfig(nodeId, hash));
      if (config === undefined) throw new Errors.ConfigNotAvailable();
      return { hash, config };
    },
  );
};

export default configRoutes;
