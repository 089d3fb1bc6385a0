// What the contribute pages read (runes): settings, this tab's role, the node's phase and
// stats — this tab's own when it contributes, the contributing tab's otherwise. ContributeState
// (contribute.svelte.ts) drives it.
import { session } from '$lib/state/session.svelte';
import type { Phase } from './channel';
import { DEFAULT_SETTINGS, effectiveWorkers, type ContributeSettings } from './settings';

export type Role = 'off' | 'queued' | 'leader' | 'follower';

export class ContributeStatus {
  settings = $state<ContributeSettings>({ ...DEFAULT_SETTINGS });
  cores = $state(1);
  supported = $state(true);
  role = $state<Role>('off');
  phase = $state<Phase>('off');
  pauseReason = $state<'user' | 'battery' | null>(null);
  nodeId = $state<string | null>(null);
  ownerId = $state<string | null>(null);
  /** Workers of the contributing tab's pool. */
  workers = $state(0);
  /** Web Workers running in this very tab (0 unless this tab leads). */
  localWorkers = $state(0);
  chunksRunning = $state(0);
  chunksDone = $state(0);
  iterationsPerSecond = $state(0);
  lastError = $state<string | null>(null);
  /** A reload for an update is waiting for running chunks. */
  finishing = $state(false);
  /** The node runs only the player's own sims (a job page of theirs is open, not contributing). */
  ownJobsOnly = $state(false);

  /** What the slider shows: the requested workers, clamped to this machine. */
  get requestedWorkers(): number {
    return effectiveWorkers(this.settings, this.cores);
  }

  get active(): boolean {
    return this.phase === 'contributing';
  }

  get ownedByMe(): boolean {
    return this.ownerId !== null && this.ownerId === session.user?.id;
  }
}
