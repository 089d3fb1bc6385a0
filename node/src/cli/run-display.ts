// The live status line of `wowlab-node run`.
import type { ClientState, ClientStats } from '../client/types.ts';

export function describeStats(state: ClientState, stats: ClientStats, claimCode: string | null): string {
  const parts: string[] = [state];
  if (claimCode) parts.push(`claim code ${claimCode}`);
  parts.push(`${stats.chunksRunning} running`, `${stats.chunksDone} done`);
  if (stats.chunksFailed) parts.push(`${stats.chunksFailed} failed`);
  parts.push(`${Math.round(stats.iterationsPerSecond)} it/s`);
  if (stats.jobs.length) {
    const jobs = stats.jobs.slice(0, 3).map((j) => j.slice(0, 8));
    parts.push(`jobs ${jobs.join(', ')}${stats.jobs.length > 3 ? ` +${stats.jobs.length - 3}` : ''}`);
  }
  return parts.join(' · ');
}
