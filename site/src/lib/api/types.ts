// Row types of the tables and views the portal reads (supabase/migrations is the source of truth).
import type { JobResult, SimConfig, SpecId, StopReason } from '@wowlab/sim-core';
import type { VariantResult } from '$lib/variants';

export type JobStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type AccessType = 'private' | 'user' | 'discord' | 'public';
export type NodeStatus = 'online' | 'offline' | 'draining';
export type PermissionType = 'public' | 'user' | 'discord';

export interface Job {
  id: string;
  user_id: string;
  config_hash: string;
  engine_version: string;
  seed: number;
  total_iterations: number;
  completed_iterations: number;
  chunks_total: number;
  chunks_completed: number;
  status: JobStatus;
  /** The base config's merged result; with variants, their comparison too. */
  /** A smart sim's result also says why the base stopped (and each variant, in `variants`). */
  result: (JobResult & { variants?: VariantResult[]; stopped?: StopReason }) | null;
  error: string | null;
  access_type: AccessType;
  discord_server_id: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  /** Set when a published result was recomputed after a cheating volunteer was caught. */
  corrected_at?: string | null;
  /** `user` sims: the node owners the job owner shared it with. */
  shared_with?: string[];
  /** The name the player gave the sim. */
  name?: string | null;
  /** Smart sim: the 95 % error it stops at, a fraction of the mean DPS. */
  target_error?: number | null;
  /** Variants compared against the base config (profilesets), in the order given. */
  variants?: Array<{ name: string; configHash: string }> | null;
}

export interface JobConfigRow {
  hash: string;
  config: SimConfig;
}

export interface JobChunkSummary {
  node_id: string | null;
  status: 'pending' | 'running' | 'completed' | 'failed';
  iterations: number;
  /** An original chunk, or a copy checking a volunteer's result (absent: original). */
  replica_role?: 'primary' | 'replica' | 'arbiter';
  /** 0 for the base config, k for the job's k-th variant (absent: 0). */
  variant?: number;
  /**
   * A running chunk whose node's connection closed: when (the sentinel gives it back to the
   * queue after its reconnect grace unless the node returns). Null or absent otherwise.
   */
  node_disconnected_at?: string | null;
  /** Owners whose nodes reported it failing (it waits for the owner's tab or a platform node to confirm). */
  failed_by?: number;
}

/**
 * What a job's unfinished chunks are doing: the job page counts it from the chunk rows it reads
 * (job-status.ts chunkActivity), My jobs reads it per job from the jobs_activity view in one query.
 */
export interface JobActivity {
  /** Distinct connected nodes running them. */
  nodes: number;
  /**
   * Distinct nodes running them whose connection closed: they keep their chunks for the
   * sentinel's reconnect grace, and then their chunks go back to the queue.
   */
  disconnectedNodes: number;
  /** Original chunks waiting for a node. */
  waitingOriginals: number;
  /** Copies checking a volunteer's result, waiting for a node. */
  waitingChecks: number;
  /**
   * Waiting chunks that volunteers' nodes reported failing: a failure counts only once the
   * owner's tab or node or a platform node confirms it (or runs the chunk).
   */
  failing: number;
}

export interface NodeRow {
  id: string;
  user_id: string | null;
  name: string;
  kind: 'browser' | 'headless';
  max_parallel: number;
  total_cores: number;
  platform: string | null;
  version: string | null;
  engine_version: string | null;
  status: NodeStatus;
  last_seen_at: string | null;
  created_at: string;
  /** Consecutive results confirmed by another node (reset to 0 by an invalid result). */
  trust_streak: number;
  /** An operator's platform node: trusted by construction for every job. */
  platform_node?: boolean;
  /** Results judged invalid, ever. */
  mismatches: number;
  /** Set after repeated mismatches: the node gets no more work. */
  quarantined_at: string | null;
  /** Iterations of this node's results that were trusted or verified. */
  credited_iterations: number;
}

export interface NodePermission {
  id?: string;
  node_id: string;
  access_type: PermissionType;
  target_id: string | null;
}

export interface Rotation {
  id: string;
  user_id: string;
  name: string;
  spec: SpecId;
  description: string | null;
  script: string;
  checksum: string | null;
  is_public: boolean;
  current_version: number | null;
  created_at: string;
  updated_at: string;
}

export interface RotationVersion {
  rotation_id: string;
  version: number;
  script: string;
  checksum: string | null;
  created_at: string;
}

export interface Profile {
  id: string;
  handle: string | null;
  avatar_url: string | null;
}

/** A public profile with the compute the user contributed (trusted or verified iterations). */
export interface ProfileWithCredit extends Profile {
  credited_iterations: number;
}

/** A row of the `contributors_leaderboard` view (users with credited work, ranked). */
export interface Contributor {
  user_id: string;
  handle: string | null;
  avatar_url: string | null;
  credited_iterations: number;
  rank: number;
}

export interface SpellRow {
  id: number;
  name: string;
  description?: string | null;
  icon?: string | null;
  [key: string]: unknown;
}

export interface ItemRow {
  id: number;
  name: string;
  description?: string | null;
  icon?: string | null;
  quality?: number | null;
  item_level?: number | null;
  [key: string]: unknown;
}

export interface SpecRanking {
  spec: string;
  jobs: number;
  top_dps: number;
  median_dps: number;
  last_completed_at: string | null;
  refreshed_at: string;
}

export interface TopSim {
  job_id: string;
  user_id: string;
  handle: string | null;
  spec: string;
  dps: number;
  dps_error: number | null;
  iterations: number;
  completed_at: string;
  rank: number;
}
