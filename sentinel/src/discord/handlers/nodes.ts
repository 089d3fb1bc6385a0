// /wlab nodes: the caller's nodes, or (admins) every node, with live chunk counts.
import { EmbedBuilder } from 'discord.js';
import type { CommandHandler, Queryable } from '../context.ts';
import {
  adminOnlyReply,
  clip,
  colors,
  escapeText,
  formatNumber,
  linkAccountReply,
  relativeTime,
  shortId,
} from '../format.ts';
import { resolveUserId } from '../resolve-user.ts';

/** Embeds hold at most 25 fields. */
export const NODES_LIMIT = 25;

export interface NodeRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  total_cores: number;
  max_parallel: number;
  last_seen_at: Date | null;
  chunks_running: number;
  chunks_done: number;
  total: number;
  /** Trust (docs/trust.md): no more work after repeated invalid results. */
  quarantined: boolean;
  trust_streak: number;
  credited_iterations: number;
}

/** Nodes of `userId` (all nodes when null), online first, with running/completed chunk counts. */
export async function queryNodes(db: Queryable, userId: string | null): Promise<NodeRow[]> {
  const { rows } = await db.query<NodeRow>(
    `with picked as (
       select n.id, n.name, n.kind, n.status, n.total_cores, n.max_parallel, n.last_seen_at, n.created_at,
              n.quarantined_at, n.trust_streak, n.credited_iterations, count(*) over ()::int as total
         from nodes n
        where $1::uuid is null or n.user_id = $1::uuid
        order by (n.status = 'online') desc, n.last_seen_at desc nulls last, n.created_at desc, n.id
        limit $2::int
     ),
     counts as (
       select node_id,
              count(*) filter (where status = 'running')::int as running,
              count(*) filter (where status = 'completed')::int as done
         from jobs_chunks
        where node_id in (select id from picked)
        group by node_id
     )
     select p.id::text as id, p.name, p.kind, p.status, p.total_cores, p.max_parallel, p.last_seen_at, p.total,
            coalesce(c.running, 0) as chunks_running, coalesce(c.done, 0) as chunks_done,
            p.quarantined_at is not null as quarantined, p.trust_streak, p.credited_iterations::float8 as credited_iterations
       from picked p left join counts c on c.node_id = p.id
      order by (p.status = 'online') desc, p.last_seen_at desc nulls last, p.created_at desc, p.id`,
    [userId, NODES_LIMIT],
  );
  return rows;
}

const statusIcon: Record<string, string> = { online: '🟢', draining: '🟡', offline: '⚫' };

export const nodes: CommandHandler = async (ctx, options) => {
  const scope =
    options.scope === 'all' || options.scope === 'mine' ? options.scope : ctx.isAdmin ? 'all' : 'mine';
  if (scope === 'all' && !ctx.isAdmin) return adminOnlyReply('nodes scope:all');

  let userId: string | null = null;
  if (scope === 'mine') {
    userId = await resolveUserId(ctx.db, ctx.callerDiscordId);
    if (!userId) return linkAccountReply();
  }
  const rows = await queryNodes(ctx.db, userId);
  const total = rows[0]?.total ?? 0;
  const online = rows.filter((r) => r.status === 'online').length;
  const embed = new EmbedBuilder()
    .setTitle(scope === 'all' ? 'All nodes' : 'Your nodes')
    .setColor(online > 0 ? colors.ok : colors.muted);
  if (rows.length === 0) {
    embed.setDescription(
      scope === 'all'
        ? 'No nodes are registered.'
        : 'You have no nodes yet. Start one on the site or with `npx wowlab-node`.',
    );
  } else {
    embed.addFields(
      rows.map((r) => ({
        name: `${r.quarantined ? '⛔' : (statusIcon[r.status] ?? '⚪')} ${clip(escapeText(r.name || 'unnamed'), 100)}`,
        value: [
          `${r.quarantined ? 'quarantined · ' : ''}${r.status} · ${r.kind} · ${formatNumber(r.total_cores)} cores · max ${formatNumber(r.max_parallel)} parallel`,
          `chunks: ${formatNumber(r.chunks_running)} running, ${formatNumber(r.chunks_done)} done`,
          `trust streak ${formatNumber(r.trust_streak)} · credited ${formatNumber(r.credited_iterations)} iterations`,
          `\`${shortId(r.id)}\`${r.last_seen_at ? ` · seen ${relativeTime(r.last_seen_at)}` : ''}`,
        ].join('\n'),
        inline: false,
      })),
    );
    embed.setFooter({
      text:
        total > rows.length
          ? `Showing ${rows.length} of ${total} nodes`
          : `${total} node${total === 1 ? '' : 's'}`,
    });
  }
  return { ephemeral: true, embeds: [embed.toJSON()] };
};
