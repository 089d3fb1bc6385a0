// GET /configs/:hash — only to a node holding a running chunk with that config.
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
      const config = await fetchConfigForNode(app.db, hash, nodeId);
      if (config === undefined) throw new Errors.ConfigNotAvailable();
      return { hash, config };
    },
  );
};

export default configRoutes;
