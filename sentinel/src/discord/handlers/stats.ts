// /wlab stats: throughput of the last hour and the nodes online now, in one round trip.
import { EmbedBuilder } from 'discord.js';
import type { CommandHandler, Queryable } from '../context.ts';
import { colors, formatDuration, formatNumber } from '../format.ts';

export interface PlatformStats {
  chunksCompleted: number;
  /** Mean claimed → completed time of the chunks completed in the window; null when none. */
  meanChunkMs: number | null;
  iterations: number;
  iterationsPerSecond: number;
  jobsCompleted: number;
  chunksRunning: number;
  nodesOnline: number;
  coresOnline: number;
}

const WINDOW_SECONDS = 3600;

/** $1 = now, $2 = window in seconds. Served by indexes (test/discord/stats-plan.test.ts). */
export const STATS_SQL = `with win as (select $1::timestamptz - make_interval(secs => $2::int) as since, $1::timestamptz as until),
     c as (
       select count(*)::int as chunks_completed,
              coalesce(sum(ch.iterations), 0)::float8 as iterations,
              (avg(extract(epoch from (ch.completed_at - ch.claimed_at)))
                 filter (where ch.claimed_at is not null) * 1000)::float8 as mean_chunk_ms
         from jobs_chunks ch, win
        where ch.status = 'completed' and ch.completed_at > win.since and ch.completed_at <= win.until
     )
     select c.*,
            (select count(*)::int from jobs j, win
              where j.status = 'completed' and j.completed_at > win.since and j.completed_at <= win.until)
              as jobs_completed,
            (select count(*)::int from jobs_chunks where status = 'running') as chunks_running,
            n.nodes_online, n.cores_online
       from c,
            (select count(*)::int as nodes_online, coalesce(sum(total_cores), 0)::int as cores_online
               from nodes where status = 'online') n`;

export async function queryStats(db: Queryable, now: Date): Promise<PlatformStats> {
  const { rows } = await db.query<{
    chunks_completed: number;
    iterations: number;
    mean_chunk_ms: number | null;
    jobs_completed: number;
    chunks_running: number;
    nodes_online: number;
    cores_online: number;
  }>(STATS_SQL, [now.toISOString(), WINDOW_SECONDS]);
  const r = rows[0];
  if (!r) throw new Error('stats query returned no row');
  return {
    chunksCompleted: r.chunks_completed,
    meanChunkMs: r.mean_chunk_ms,
    iterations: r.iterations,
    iterationsPerSecond: r.iterations / WINDOW_SECONDS,
    jobsCompleted: r.jobs_completed,
    chunksRunning: r.chunks_running,
    nodesOnline: r.nodes_online,
    coresOnline: r.cores_online,
  };
}

export const stats: CommandHandler = async (ctx) => {
  const s = await queryStats(ctx.db, ctx.now);
  const embed = new EmbedBuilder()
    .setTitle('wowlab: last hour')
    .setColor(colors.info)
    .addFields(
      { name: 'Chunks completed', value: formatNumber(s.chunksCompleted), inline: true },
      {
        name: 'Mean chunk time',
        value: s.meanChunkMs === null ? '—' : formatDuration(s.meanChunkMs),
        inline: true,
      },
      { name: 'Iterations/s', value: formatNumber(s.iterationsPerSecond, 1), inline: true },
      { name: 'Jobs completed', value: formatNumber(s.jobsCompleted), inline: true },
      { name: 'Chunks running now', value: formatNumber(s.chunksRunning), inline: true },
      {
        name: 'Nodes online now',
        value: `${formatNumber(s.nodesOnline)} (${formatNumber(s.coresOnline)} cores)`,
        inline: true,
      },
    )
    .setTimestamp(ctx.now);
  return { ephemeral: false, embeds: [embed.toJSON()] };
};
