// Request/response bodies and WebSocket messages of ARCHITECTURE.md §4.
import { Type, type Static } from 'typebox';
import { ChunkResultInputSchema } from './chunk-result.ts';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const CONFIG_HASH_PATTERN = '^[0-9a-f]{64}$';
export const MAX_PARALLEL_LIMIT = 256;
/** Request bodies over this many bytes are refused. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const Uuid = Type.String({ pattern: UUID_PATTERN });
export const ConfigHash = Type.String({ pattern: CONFIG_HASH_PATTERN });
const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const NodeKindSchema = Type.Union([Type.Literal('browser'), Type.Literal('headless')]);
export type NodeKind = Static<typeof NodeKindSchema>;

// POST /nodes/register
export const RegisterRequestSchema = Type.Object(
  {
    kind: NodeKindSchema,
    name: ShortText(64),
    maxParallel: Type.Integer({ minimum: 1, maximum: MAX_PARALLEL_LIMIT }),
    totalCores: Type.Integer({ minimum: 1, maximum: 4096 }),
    platform: ShortText(64),
    version: ShortText(32),
    engineVersion: ShortText(32),
  },
  { additionalProperties: false },
);
export type RegisterRequest = Static<typeof RegisterRequestSchema>;

export const RegisterResponseSchema = Type.Object({
  nodeId: Uuid,
  /** Set while the node has no owner: shown to the user, who enters it on the site (claim_node). */
  claimCode: Type.Union([Type.String(), Type.Null()]),
});
export type RegisterResponse = Static<typeof RegisterResponseSchema>;

// POST /nodes/heartbeat
export const HeartbeatRequestSchema = Type.Object(
  {
    version: Type.Optional(ShortText(32)),
    engineVersion: Type.Optional(ShortText(32)),
    /** Chunk ids the node is working on or holds queued (informational). */
    runningChunks: Type.Optional(Type.Array(Uuid, { maxItems: 2 * MAX_PARALLEL_LIMIT })),
  },
  { additionalProperties: false },
);
export type HeartbeatRequest = Static<typeof HeartbeatRequestSchema>;

export const NodeStatusSchema = Type.Union([
  Type.Literal('online'),
  Type.Literal('offline'),
  Type.Literal('draining'),
]);

/** Settings echo: what the sentinel knows about the node. */
export const HeartbeatResponseSchema = Type.Object({
  nodeId: Uuid,
  name: Type.String(),
  maxParallel: Type.Integer(),
  claimed: Type.Boolean(),
  userId: Type.Union([Uuid, Type.Null()]),
  claimCode: Type.Union([Type.String(), Type.Null()]),
  status: NodeStatusSchema,
});
export type HeartbeatResponse = Static<typeof HeartbeatResponseSchema>;

// GET /configs/:hash
export const ConfigParamsSchema = Type.Object({ hash: ConfigHash });
export const ConfigResponseSchema = Type.Object({ hash: ConfigHash, config: Type.Unknown() });
export type ConfigResponse = Static<typeof ConfigResponseSchema>;

// POST /chunks/complete
export const ChunkCompleteRequestSchema = Type.Object(
  { chunkId: Uuid, result: ChunkResultInputSchema },
  { additionalProperties: false },
);
export type ChunkCompleteRequest = Static<typeof ChunkCompleteRequestSchema>;
export const ChunkCompleteResponseSchema = Type.Object({
  /** True when this call stored the result; false for a repeated or foreign completion. */
  accepted: Type.Boolean(),
  /** True when this completion finished (aggregated) the job. */
  jobCompleted: Type.Boolean(),
});
export type ChunkCompleteResponse = Static<typeof ChunkCompleteResponseSchema>;

// POST /chunks/fail
/** `handed-back`: the node gives the chunk up unrun (stopping, or more than it can hold); it
 * goes back to pending without counting as a failed attempt. */
export const ChunkFailReasonSchema = Type.Union([
  Type.Literal('error'),
  Type.Literal('invalid-config'),
  Type.Literal('handed-back'),
]);
export const ChunkFailRequestSchema = Type.Object(
  {
    chunkId: Uuid,
    error: Type.String({ minLength: 1, maxLength: 4000 }),
    /** `invalid-config` is re-checked by the sentinel before the job is failed. */
    reason: Type.Optional(ChunkFailReasonSchema),
  },
  { additionalProperties: false },
);
export type ChunkFailRequest = Static<typeof ChunkFailRequestSchema>;
export const ChunkFailResponseSchema = Type.Object({
  accepted: Type.Boolean(),
  /** The chunk went back to pending for another node. */
  retried: Type.Boolean(),
  jobFailed: Type.Boolean(),
});
export type ChunkFailResponse = Static<typeof ChunkFailResponseSchema>;

// Errors (every non-2xx JSON answer)
export const ErrorResponseSchema = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  error: Type.String(),
  message: Type.String(),
});
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

// WebSocket GET /nodes/ws — server → node
export const ChunkAssignmentSchema = Type.Object({
  id: Uuid,
  jobId: Uuid,
  configHash: ConfigHash,
  iterations: Type.Integer({ minimum: 1 }),
  seedOffset: Type.Integer({ minimum: 0 }),
  /** Job seed, 0..2^53-1. */
  seed: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
});
export type ChunkAssignment = Static<typeof ChunkAssignmentSchema>;

/**
 * Chunks for the node to run (up to max_parallel running plus as many queued). After every
 * (re)connect the sentinel sends again the chunks the node still holds in the database, so
 * a node ignores ids it is already running or has queued, and runs the ones it forgot.
 */
export const AssignMessageSchema = Type.Object({
  type: Type.Literal('assign'),
  chunks: Type.Array(ChunkAssignmentSchema, { maxItems: 2 * MAX_PARALLEL_LIMIT }),
});
export const ClaimedMessageSchema = Type.Object({
  type: Type.Literal('claimed'),
  userId: Uuid,
  name: Type.String(),
  maxParallel: Type.Integer({ minimum: 1 }),
});
export const CancelMessageSchema = Type.Object({
  type: Type.Literal('cancel'),
  chunkIds: Type.Array(Uuid, { maxItems: 2 * MAX_PARALLEL_LIMIT }),
});
export const ServerMessageSchema = Type.Union([
  AssignMessageSchema,
  ClaimedMessageSchema,
  CancelMessageSchema,
]);
export type AssignMessage = Static<typeof AssignMessageSchema>;
export type ClaimedMessage = Static<typeof ClaimedMessageSchema>;
export type CancelMessage = Static<typeof CancelMessageSchema>;
export type ServerMessage = Static<typeof ServerMessageSchema>;

// WebSocket — node → server
export const SlotsMessageSchema = Type.Object(
  { type: Type.Literal('slots'), free: Type.Integer({ minimum: 0, maximum: 2 * MAX_PARALLEL_LIMIT }) },
  { additionalProperties: false },
);
export const ClientMessageSchema = SlotsMessageSchema;
export type SlotsMessage = Static<typeof SlotsMessageSchema>;
export type ClientMessage = Static<typeof ClientMessageSchema>;

/** WebSocket close codes the sentinel uses. */
/**
 * Query parameter of the socket URL that narrows what the node takes: `scope=own` = only its
 * owner's own jobs (a player's tab running the sim they watch). Part of the signed path.
 */
export const WS_SCOPE_PARAM = 'scope';
export const WS_SCOPE_OWN = 'own';

export const WS_CLOSE = {
  /** Another socket for the same node replaced this one. */
  replaced: 4001,
  /** The node sent a malformed message. */
  protocolError: 4002,
  /** The sentinel is shutting down; reconnect later. */
  shuttingDown: 4003,
  /** The node sent frames faster than allowed (a flood); reconnect with backoff. */
  rateLimited: 4008,
  /** The node was deleted by its owner on the site: stop (a new identity may register again). */
  deleted: 4010,
} as const;
