// Human wording of the contribution state (shared by the header control and /contribute).
import type { Phase } from './channel';

export function phaseLabel(phase: Phase, pauseReason: 'user' | 'battery' | null): string {
  switch (phase) {
    case 'off':
      return 'Not contributing';
    case 'starting':
      return 'Starting…';
    case 'connecting':
      return 'Connecting…';
    case 'contributing':
      return 'Contributing';
    case 'reconnecting':
      return 'Reconnecting…';
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
