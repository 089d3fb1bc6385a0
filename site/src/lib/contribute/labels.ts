// Human wording of the contribution state (shared by the header control and /contribute).
import type { Phase } from './channel';

/** `ownJobsOnly`: the tab runs only the player's own sims (a job page of theirs is open). */
export function phaseLabel(
  phase: Phase,
  pauseReason: 'user' | 'battery' | null,
  ownJobsOnly = false,
  lastError: string | null = null,
): string {
  switch (phase) {
    case 'off':
      return 'Not contributing';
    case 'starting':
      return 'Starting…';
    case 'connecting':
      return 'Connecting…';
    case 'contributing':
      return ownJobsOnly ? 'Running your sim' : 'Contributing';
    case 'reconnecting':
      // the sentinel answered 429: too many requests or new nodes from here; it retries by itself
      return lastError?.startsWith('rate-limited:') ? 'Rate-limited, retrying soon…' : 'Reconnecting…';
    case 'paused':
      return pauseReason === 'battery' ? 'Paused (low battery)' : 'Paused';
    case 'stopping':
      return 'Stopping…';
    case 'unavailable':
      return 'Unavailable';
  }
}

/** "1.2k it/s" style rate. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0 it/s';
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k it/s`;
  return `${Math.round(perSecond)} it/s`;
}
