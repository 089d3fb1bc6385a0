// /wlab jobs (the caller's recent jobs) and /wlab job <id> (one job's progress or result).
import { EmbedBuilder } from 'discord.js';
import type { CommandHandler, Queryable } from '../context.ts';
import {
  clip,
  colors,
  escapeText,
  formatDuration,
  formatNumber,
  isUuid,
  linkAccountReply,
  notice,
  progressBar,
  relativeTime,
  shortId,
  statusColor,
} from '../format.ts';
import { resolveUserId } from '../resolve-user.ts';
import { readJobResult, stopReasonText, type JobSummary } from './job-result.ts';

export const JOBS_LIMIT = 10;

export interface JobRow {
  id: string;
  user_id: string;
  status: string;
  access_type: string;
  spec: string | null;
  total_iterations: number;
  completed_iterations: number;
  chunks_total: number;
  chunks_completed: number;
  chunks_running: number;
  chunks_pending: number;
  chunks_failed: number;
  result: unknown;
  error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

const JOB_COLUMNS = `j.id::text as id, j.user_id::text as user_id, j.status, j.access_type, cfg.config->>'spec' as spec,
  j.total_iterations, j.completed_iterations, j.chunks_total, j.chunks_completed,
  coalesce(ch.running, 0) as chunks_running, coalesce(ch.pending, 0) as chunks_pending,
  coalesce(ch.failed, 0) as chunks_failed, j.result, j.error, j.created_at, j.completed_at`;

const CHUNK_COUNTS = `left join lateral (
    select count(*) filter (where c.status = 'running')::int as running,
           count(*) filter (where c.status = 'pending')::int as pending,
           count(*) filter (where c.status = 'failed')::int as failed
      from jobs_chunks c where c.job_id = j.id
  ) ch on j.status in ('pending', 'running')
  left join jobs_configs cfg on cfg.hash = j.config_hash`;

export async function queryRecentJobs(db: Queryable, userId: string, limit = JOBS_LIMIT): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select ${JOB_COLUMNS}
       from (select * from jobs where user_id = $1::uuid order by created_at desc, id limit $2::int) j
       ${CHUNK_COUNTS}
      order by j.created_at desc, j.id`,
    [userId, limit],
  );
  return rows;
}

export async function queryJob(db: Queryable, jobId: string): Promise<JobRow | null> {
  const { rows } = await db.query<JobRow>(
    `select ${JOB_COLUMNS} from jobs j ${CHUNK_COUNTS} where j.id = $1::uuid`,
    [jobId],
  );
  return rows[0] ?? null;
}

/** The config's spec id (validated by sim-core on the way in; clipped and escaped anyway). */
function specLabel(spec: string | null): string {
  return spec ? clip(escapeText(spec), 32) : 'sim';
}

function dpsText(row: JobRow): string | null {
  const r = readJobResult(row.result);
  return r ? `${formatNumber(r.mean)} ± ${formatNumber(r.dpsError)} DPS` : null;
}

function progressText(row: JobRow): string {
  return `${progressBar(row.completed_iterations, row.total_iterations)} · ${formatNumber(row.completed_iterations)}/${formatNumber(row.total_iterations)} iterations`;
}

export const jobs: CommandHandler = async (ctx) => {
  const userId = await resolveUserId(ctx.db, ctx.callerDiscordId);
  if (!userId) return linkAccountReply();
  const rows = await queryRecentJobs(ctx.db, userId);
  const embed = new EmbedBuilder().setTitle('Your recent jobs').setColor(colors.info);
  if (rows.length === 0) {
    embed.setDescription('You have not run any simulation yet.');
  } else {
    embed.addFields(
      rows.map((row) => {
        const lines = [
          row.status === 'completed' ? (dpsText(row) ?? 'completed') : progressText(row),
          `created ${relativeTime(row.created_at)}`,
        ];
        if (row.status === 'failed' && row.error) lines.push(`error: ${clip(escapeText(row.error), 200)}`);
        return {
          name: `\`${shortId(row.id)}\` ${specLabel(row.spec)} · ${row.status}`,
          value: lines.join('\n'),
        };
      }),
    );
    embed.setFooter({ text: 'Details: /wlab job id:<job id>' });
  }
  return { ephemeral: true, embeds: [embed.toJSON()] };
};

/** A smart sim's per-variant iterations and stop reason; nothing for a fixed-iteration job. */
function variantRunText(v: JobSummary['variants'][number], baseIterations: number): string {
  if (!v.stopped && (v.iterations === null || v.iterations === baseIterations)) return '';
  const parts = [
    v.iterations === null ? null : `${formatNumber(v.iterations)} it.`,
    v.stopped && stopReasonText[v.stopped],
  ];
  return ` · ${parts.filter(Boolean).join(', ')}`;
}

function jobEmbed(row: JobRow): EmbedBuilder {
  const embed = new EmbedBuilder()
    .setTitle(`Job ${shortId(row.id)} · ${specLabel(row.spec)}`)
    .setDescription(`\`${row.id}\``)
    .setColor(statusColor[row.status] ?? colors.muted)
    .addFields(
      { name: 'Status', value: row.status, inline: true },
      { name: 'Access', value: row.access_type, inline: true },
      { name: 'Created', value: relativeTime(row.created_at), inline: true },
    );
  const result = row.status === 'completed' ? readJobResult(row.result) : null;
  if (result) {
    embed.addFields(
      {
        name: 'Mean DPS',
        value: `${formatNumber(result.mean)} ± ${formatNumber(result.dpsError)} (95 %)`,
        inline: true,
      },
      { name: 'Min / Max', value: `${formatNumber(result.min)} / ${formatNumber(result.max)}`, inline: true },
      { name: 'Iterations', value: formatNumber(result.iterations), inline: true },
    );
    if (result.stopped)
      embed.addFields({ name: 'Stopped', value: stopReasonText[result.stopped], inline: true });
    if (result.p5 !== null && result.p50 !== null && result.p95 !== null) {
      embed.addFields({
        name: 'Percentiles',
        value: `p5 ${formatNumber(result.p5)} · p50 ${formatNumber(result.p50)} · p95 ${formatNumber(result.p95)}`,
      });
    }
    if (result.variants.length > 0) {
      const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
      embed.addFields({
        name: `Top variants (of ${result.variants.length})`,
        value: result.variants
          .slice(0, 5)
          .map(
            (v) =>
              `${clip(escapeText(v.name), 60)}: ${formatNumber(v.dps)} DPS, ` +
              `${sign(v.delta)}${formatNumber(Math.abs(v.deltaFraction) * 100, 2)} % ` +
              `(± ${formatNumber(v.deltaError)})` +
              variantRunText(v, result.iterations),
          )
          .join('\n'),
      });
    }
    const top = result.abilities.slice(0, 5);
    if (top.length > 0) {
      embed.addFields({
        name: 'Top abilities',
        value: top
          .map((a) => `${clip(a.name, 60)}: ${formatNumber(a.share * 100, 1)} % (${formatNumber(a.dps)} DPS)`)
          .join('\n'),
      });
    }
    if (row.completed_at) {
      embed.addFields({
        name: 'Wall time',
        value: formatDuration(row.completed_at.getTime() - row.created_at.getTime()),
        inline: true,
      });
    }
  } else {
    embed.addFields(
      { name: 'Progress', value: progressText(row) },
      {
        name: 'Chunks',
        value:
          `${formatNumber(row.chunks_completed)}/${formatNumber(row.chunks_total)} done` +
          (row.status === 'pending' || row.status === 'running'
            ? ` · ${formatNumber(row.chunks_running)} running · ${formatNumber(row.chunks_pending)} pending`
            : ''),
      },
    );
    if (row.error) embed.addFields({ name: 'Error', value: clip(escapeText(row.error), 1000) });
  }
  return embed;
}

export const job: CommandHandler = async (ctx, options) => {
  const id = typeof options.id === 'string' ? options.id.trim() : '';
  if (!isUuid(id))
    return notice('Invalid job id', 'Give the full job id (a uuid), as shown on the site.', colors.error);

  const userId = ctx.isAdmin ? null : await resolveUserId(ctx.db, ctx.callerDiscordId);
  const row = await queryJob(ctx.db, id);
  const visible = row !== null && (ctx.isAdmin || row.access_type === 'public' || row.user_id === userId);
  if (!visible) {
    // Same reply for "absent" and "not yours": the bot does not confirm that a private job exists.
    if (!ctx.isAdmin && !userId) return linkAccountReply();
    return notice('Job not found', `No job \`${id}\` that you can see.`, colors.error);
  }
  return { ephemeral: true, embeds: [jobEmbed(row).toJSON()] };
};
