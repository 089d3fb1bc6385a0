// POST /chunks/complete, POST /chunks/fail.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  ChunkCompleteRequestSchema,
  ChunkCompleteResponseSchema,
  ChunkFailRequestSchema,
  ChunkFailResponseSchema,
  ErrorResponseSchema,
} from 'wowlab-node/protocol';
import { completeChunk } from '../completion/complete.ts';
import { failChunk } from '../completion/fail.ts';
import { completeLateChunk, judgeRefusedLate } from '../completion/late.ts';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  422: ErrorResponseSchema,
  429: ErrorResponseSchema,
};

const chunkRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/chunks/complete',
    {
      config: { signed: 'known' },
      schema: { body: ChunkCompleteRequestSchema, response: { 200: ChunkCompleteResponseSchema, ...errors } },
    },
    async (request) => {
      const started = performance.now();
      const nodeId = request.nodeIdentity!.nodeId!;
      const { chunkId, result } = request.body;
      try {
        let outcome = await completeChunk(app, { nodeId, chunkId, result });
        // asked once the completion is judged, so a deadline that passed while this answer was on
        // its way (or while it was judged) makes it a late answer too: not lost, and its chunk
        // stops taking a slot of its node
        const late = app.scheduler.answeredLate(nodeId, chunkId);
        if (!outcome.accepted && late !== null)
          outcome = await completeLateChunk(
            {
              db: app.db,
              events: app.events,
              trust: app.trust,
              cancelOn: (other, id) => {
                app.hub.release(other, id);
                app.hub.send(other, { type: 'cancel', chunkIds: [id] });
              },
            },
            { nodeId, chunkId, result },
          );
        if (outcome.accepted) {
          if (outcome.run)
            app.scheduler.noteRun(nodeId, outcome.run, late?.claimedMs ?? outcome.run.claimedMs);
          app.hub.release(nodeId, chunkId);
          app.scheduler.forgetChunk(chunkId);
          app.scheduler.wake();
        } else {
          if (late !== null) {
            // another node was first: the late answer is judged against the accepted result, and
            // measures its node's speed unless it is a lie or not this chunk's
            const verdict = await judgeRefusedLate(app, { nodeId, chunkId, result });
            if (verdict === 'agrees' || verdict === 'unjudged')
              app.scheduler.noteRefusedLate(nodeId, late, result.iterations);
            app.scheduler.wake();
          }
          request.log.info({ chunkId, nodeId }, 'completion for chunk not running on this node: ignored');
        }
        return { accepted: outcome.accepted, jobCompleted: outcome.jobCompleted };
      } finally {
        app.observeCompletionHandling((performance.now() - started) / 1000);
      }
    },
  );

  app.post(
    '/chunks/fail',
    {
      config: { signed: 'known' },
      schema: { body: ChunkFailRequestSchema, response: { 200: ChunkFailResponseSchema, ...errors } },
    },
    async (request) => {
      const nodeId = request.nodeIdentity!.nodeId!;
      const { unconfirmed, ...outcome } = await failChunk(
        { db: app.db, events: app.events, config: app.config, configs: app.scheduler.configs },
        nodeId,
        request.body,
      );
      // answered, even if reclaimed past its deadline while this report was on its way
      app.scheduler.answeredLate(nodeId, request.body.chunkId);
      if (outcome.accepted) {
        app.hub.release(nodeId, request.body.chunkId);
        if (outcome.retried) app.scheduler.noteFailure(request.body.chunkId, nodeId, unconfirmed);
        request.log.warn({ chunkId: request.body.chunkId, nodeId, ...outcome }, 'chunk failed on node');
        app.scheduler.wake();
      }
      return outcome;
    },
  );
};

export default chunkRoutes;
