// The pg Pool, closed last.
import fp from 'fastify-plugin';
import { createPool } from '../db/pool.ts';

export default fp(
  async (app) => {
    const db = createPool(app.config.databaseUrl, app.config.pgPoolSize);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await db.end();
    });
  },
  { name: 'sentinel-db' },
);
