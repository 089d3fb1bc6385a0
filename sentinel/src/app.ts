// Builds the sentinel from named plugins. Tests load this; server.ts only listens.
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { MAX_BODY_BYTES, MAX_WS_MESSAGE_BYTES } from 'wowlab-node/protocol';
import type { SentinelConfig } from './config.ts';
import { registerErrorHandler } from './errors.ts';
import { SentinelEvents } from './events.ts';
import auth from './plugins/auth.ts';
import cors from './plugins/cors.ts';
import discord from './discord/plugin.ts';
import db from './plugins/db.ts';
import metrics from './plugins/metrics.ts';
import runtime from './plugins/runtime.ts';
import chunkRoutes from './routes/chunks.ts';
import configRoutes from './routes/configs.ts';
import nodeRoutes from './routes/nodes.ts';
import statusRoutes from './routes/status.ts';
import profileRoutes from './routes/profiles.ts';
import wsRoutes from './routes/ws.ts';
import trust from './plugins/trust.ts';
import './types.ts';

export type { SentinelConfig } from './config.ts';
export { parseConfig, loadConfig, ConfigurationError } from './config.ts';
export type { GuildMembership } from './guilds/membership.ts';
export { GuildMembershipSet } from './guilds/membership.ts';
export { SharedGuildMembership } from './guilds/shared-membership.ts';
export type { SchedulerControls } from './scheduler/scheduler.ts';

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(config: SentinelConfig, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? {
      level: config.logLevel,
      redact: ['req.headers["x-node-sig"]', 'req.headers.authorization', 'databaseUrl'],
    },
    bodyLimit: MAX_BODY_BYTES,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  app.decorate('config', config);
  app.decorate('startedAt', Date.now());
  // the one event bus: every plugin may emit and listen
  app.decorate('events', new SentinelEvents());
  registerErrorHandler(app);
  closeConnectionsAsTheyIdle(app);
  await app.register(db);
  await app.register(trust);
  await app.register(runtime);
  await app.register(metrics);
  await app.register(cors);
  await app.register(auth);
  await app.register(websocket, { options: { maxPayload: MAX_WS_MESSAGE_BYTES } });
  await app.register(nodeRoutes);
  await app.register(wsRoutes);
  await app.register(configRoutes);
  await app.register(chunkRoutes);
  await app.register(statusRoutes);
  await app.register(profileRoutes);
  // The Discord bot (issue 9): does nothing without DISCORD_TOKEN.
  await app.register(discord);
  return app;
}

/**
 * A graceful stop waits for the requests in flight, and then for their connections: Fastify
 * closes the connections that are idle when it starts closing, but a keep-alive connection whose
 * request finishes afterwards would hold close() open until the keep-alive timeout (72 s). While
 * closing, idle connections are closed as they become idle.
 */
function closeConnectionsAsTheyIdle(app: FastifyInstance): void {
  let timer: ReturnType<typeof setInterval> | null = null;
  app.addHook('preClose', async () => {
    timer = setInterval(() => app.server.closeIdleConnections(), 50);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
