// CORS for browser nodes: a tab on the site's origin calls the node API with signed headers
// (X-Node-*), which makes the browser send a preflight. Authentication is the Ed25519
// signature, never a cookie, so any origin may call (`*`, no credentials).
import fp from 'fastify-plugin';
import { HEADER_KEY, HEADER_SIG, HEADER_TS } from 'wowlab-node/protocol';

const ALLOW_HEADERS = ['content-type', HEADER_KEY, HEADER_TS, HEADER_SIG].join(', ');

export default fp(
  async (app) => {
    // Root-level onRequest hooks also run for unmatched routes, so a preflight to any path is answered here.
    app.addHook('onRequest', async (request, reply) => {
      reply.header('access-control-allow-origin', '*');
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        reply
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', ALLOW_HEADERS)
          .header('access-control-max-age', '600');
        return reply.code(204).send();
      }
    });
  },
  { name: 'sentinel-cors' },
);
