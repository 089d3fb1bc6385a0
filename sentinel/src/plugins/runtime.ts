// Scheduler runtime: connected-node hub, assignment loop, liveness, maintenance and the
// LISTEN connection. Started when the app is ready; on close it stops assigning first.
import fp from 'fastify-plugin';
import { WS_CLOSE } from 'wowlab-node/protocol';
import { PgListener } from '../db/listener.ts';
import { loadNodes } from '../db/nodes.ts';
import { parsePausedPayload, SENTINEL_STATE_CHANNEL } from '../db/sentinel-state.ts';
import { GUILD_MEMBERS_CHANNEL, SharedGuildMembership } from '../guilds/shared-membership.ts';
import { Liveness } from '../scheduler/liveness.ts';
import { Maintenance } from '../scheduler/maintenance.ts';
import { NodeHub } from '../scheduler/node-hub.ts';
import { Scheduler } from '../scheduler/scheduler.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default fp(
  async (app) => {
    const log = app.log.child({ component: 'scheduler' });
    const { events } = app;
    const hub = new NodeHub();
    app.decorate('hub', hub);
    const membership = new SharedGuildMembership(app.db, log);
    app.decorate('guildMembership', membership);
    const scheduler = new Scheduler({
      db: app.db,
      hub,
      events,
      log,
      config: app.config,
      membership: () => app.guildMembership,
    });
    const wake = () => scheduler.wake();
    const liveness = new Liveness({ db: app.db, config: app.config, events, log, wake });
    const maintenance = new Maintenance({
      db: app.db,
      config: app.config,
      events,
      log,
      wake,
      overdue: (chunks) => scheduler.noteOverdue(chunks),
      configs: scheduler.configs,
      speeds: scheduler.speeds,
    });
    // a smart stop dropped chunks nodes still run: they stop computing them and take other work
    events.on('chunksDropped', ({ chunks }) => {
      const byNode = new Map<string, string[]>();
      for (const c of chunks) {
        if (!hub.get(c.nodeId)) continue; // on another instance: its resync frees the slot
        hub.release(c.nodeId, c.chunkId);
        scheduler.forgetChunk(c.chunkId);
        byNode.set(c.nodeId, [...(byNode.get(c.nodeId) ?? []), c.chunkId]);
      }
      for (const [nodeId, chunkIds] of byNode) hub.send(nodeId, { type: 'cancel', chunkIds });
      if (byNode.size > 0) wake();
    });
    app.decorate('scheduler', scheduler);
    app.decorate('liveness', liveness);
    app.decorate('maintenance', maintenance);

    const listener = new PgListener({
      connectionString: app.config.databaseUrl,
      channels: [
        'pending_chunk',
        'node_claimed',
        'node_deleted',
        SENTINEL_STATE_CHANNEL,
        GUILD_MEMBERS_CHANNEL,
      ],
      onNotify: (channel, payload) => {
        if (channel === 'pending_chunk') wake();
        else if (channel === SENTINEL_STATE_CHANNEL) {
          const state = parsePausedPayload(payload);
          if (state) scheduler.applyPaused(state);
        } else if (channel === GUILD_MEMBERS_CHANNEL)
          void membership.apply(payload).catch((err) => log.error({ err }, 'guild membership change failed'));
        else if (channel === 'node_deleted' && UUID.test(payload)) {
          hub.get(payload)?.socket.close(WS_CLOSE.deleted, 'node deleted by its owner');
          // what it left accepted on trust is recomputed now rather than at the next sweep
          void maintenance.recomputeDeletedNow();
        } else if (channel === 'node_claimed' && UUID.test(payload) && hub.get(payload)) {
          void notifyClaimed(payload).catch((err) => log.error({ err }, 'claimed push failed'));
        }
      },
      onReconnect: () => {
        log.info('listen connection restored');
        // a pause, a resume or membership changes may have been NOTIFYed while the connection was down
        void loadSharedState().catch((err) => log.error({ err }, 'reloading the shared state failed'));
        wake();
      },
      onError: (err, attempt) => log.warn({ err, attempt }, 'listen connection lost; reconnecting'),
    });

    app.decorate('listenerConnected', () => listener.connected);

    /** What instances share through the database and NOTIFY: the scheduling pause, guild members. */
    async function loadSharedState(): Promise<void> {
      await Promise.all([scheduler.loadPaused(), membership.load()]);
    }

    async function notifyClaimed(nodeId: string): Promise<void> {
      const [row] = await loadNodes(app.db, [nodeId]);
      const node = hub.get(nodeId);
      if (!row || !node || !row.userId) return;
      node.info = row;
      hub.send(nodeId, { type: 'claimed', userId: row.userId, name: row.name, maxParallel: row.maxParallel });
      wake();
    }

    let pingTimer: ReturnType<typeof setInterval> | null = null;
    app.addHook('onReady', async () => {
      await listener.start();
      await loadSharedState(); // after LISTEN: a change from now on is not missed
      scheduler.start();
      maintenance.start();
      pingTimer = setInterval(() => {
        for (const node of hub.all()) {
          if (!node.alive) {
            node.socket.terminate();
            continue;
          }
          node.alive = false;
          node.socket.ping();
        }
      }, app.config.wsPingIntervalMs);
      pingTimer.unref();
    });

    app.addHook('preClose', async () => {
      // Stop assigning, then close the sockets (nodes reconnect to another instance or
      // to this one after a restart); in-flight requests finish before onClose.
      liveness.stop();
      await scheduler.stop();
      if (pingTimer) clearInterval(pingTimer);
      for (const node of hub.all()) node.socket.close(WS_CLOSE.shuttingDown, 'sentinel shutting down');
    });
    app.addHook('onClose', async () => {
      await membership.flush();
      await maintenance.stop();
      await listener.stop();
    });
  },
  { name: 'sentinel-runtime', dependencies: ['sentinel-db'], decorators: { fastify: ['config', 'events'] } },
);
