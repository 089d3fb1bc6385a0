// Fastify declaration merging for what the sentinel plugins decorate.
import type { SentinelConfig } from './config.ts';
import type { Db } from './db/pool.ts';
import type { SentinelEvents } from './events.ts';
import type { GuildMembership } from './guilds/membership.ts';
import type { Liveness } from './scheduler/liveness.ts';
import type { Maintenance } from './scheduler/maintenance.ts';
import type { NodeHub } from './scheduler/node-hub.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import type { Registry } from 'prom-client';

export interface NodeIdentity {
  /** base64url public key from X-Node-Key. */
  publicKey: string;
  /** null only on /nodes/register for a key not registered yet. */
  nodeId: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: SentinelConfig;
    db: Db;
    events: SentinelEvents;
    hub: NodeHub;
    scheduler: Scheduler;
    liveness: Liveness;
    maintenance: Maintenance;
    guildMembership: GuildMembership;
    metricsRegistry: Registry;
    observeCompletionHandling(seconds: number): void;
    startedAt: number;
    listenerConnected(): boolean;
  }
  interface FastifyRequest {
    rawBody: string;
    nodeIdentity: NodeIdentity | null;
  }
  interface FastifyContextConfig {
    /** 'known': signed by a registered node; 'register': signed by any well-formed key. */
    signed?: 'known' | 'register';
  }
}
