// Types shared by the Discord command handlers. Handlers are plain async functions of
// (context, options) → reply, so they run (and are tested) without Discord at all.
import type { APIEmbed } from 'discord.js';
import type { QueryResult, QueryResultRow } from 'pg';

/** The part of a pg Pool the handlers use (a Pool, a PoolClient or a test double). */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

/** The scheduler controls the sentinel decorates the app with (`app.scheduler`, SchedulerControls). */
export interface SchedulerControl {
  pause(): void | Promise<void>;
  resume(): void | Promise<void>;
  isPaused(): boolean;
  /** Marks the node draining (no new chunks; running ones finish); false if there is no such node. */
  drain(nodeId: string): Promise<boolean>;
}

export interface CommandContext {
  db: Queryable;
  scheduler: SchedulerControl;
  /** The clock of this invocation (injected so figures are reproducible in tests). */
  now: Date;
  isAdmin: boolean;
  callerDiscordId: string;
  /** Sentinel version. */
  version: string;
  /** Simulation engine version the sentinel schedules for, when known. */
  engineVersion?: string;
  startedAt: Date;
}

/** Parsed slash-command options: name → value, absent options are missing keys. */
export type CommandOptions = Readonly<Record<string, string | number | boolean | undefined>>;

/** What a handler returns; the adapter turns it into an interaction reply. */
export interface BotReply {
  ephemeral: boolean;
  content?: string;
  embeds: APIEmbed[];
}

export type CommandHandler = (ctx: CommandContext, options: CommandOptions) => Promise<BotReply>;
