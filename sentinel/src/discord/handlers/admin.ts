// Admin-only: /wlab drain <node>, /wlab pause-scheduling, /wlab resume-scheduling.
// The router refuses non-admins before these run; they check again so a handler called
// directly can never act for a non-admin.
import type { CommandHandler, Queryable } from '../context.ts';
import { adminOnlyReply, clip, colors, escapeText, isUuid, notice, shortId } from '../format.ts';

interface NodeRef {
  id: string;
  name: string;
  status: string;
}

/** Finds a node by id or by exact name; more than one name match is ambiguous. */
export async function findNode(db: Queryable, ref: string): Promise<NodeRef[]> {
  const { rows } = await db.query<NodeRef>(
    isUuid(ref)
      ? `select id::text as id, name, status from nodes where id = $1::uuid`
      : `select id::text as id, name, status from nodes where name = $1::text order by created_at desc limit 5`,
    [ref],
  );
  return rows;
}

export const drain: CommandHandler = async (ctx, options) => {
  if (!ctx.isAdmin) return adminOnlyReply('drain');
  const ref = typeof options.node === 'string' ? options.node.trim() : '';
  if (ref === '' || ref.length > 100)
    return notice('Invalid node', 'Give a node id or its exact name.', colors.error);
  const matches = await findNode(ctx.db, ref);
  const node = matches[0];
  if (!node) return notice('Node not found', `No node \`${clip(escapeText(ref), 100)}\`.`, colors.error);
  if (matches.length > 1) {
    return notice(
      'Several nodes have that name',
      `Use the node id instead:\n${matches.map((m) => `\`${m.id}\` (${m.status})`).join('\n')}`,
      colors.warn,
    );
  }
  const label = `${clip(escapeText(node.name || 'unnamed'), 100)} (\`${shortId(node.id)}\`)`;
  // false: the node was deleted between the lookup and the drain.
  const drained = await ctx.scheduler.drain(node.id);
  return drained
    ? notice('Node draining', `${label} gets no new chunks; its running chunks finish.`, colors.warn)
    : notice('Node not found', `${label} no longer exists.`, colors.error);
};

export const pauseScheduling: CommandHandler = async (ctx) => {
  if (!ctx.isAdmin) return adminOnlyReply('pause-scheduling');
  if (ctx.scheduler.isPaused())
    return notice('Already paused', 'Scheduling was already paused.', colors.muted);
  await ctx.scheduler.pause();
  return notice(
    'Scheduling paused',
    'No sentinel instance assigns a chunk until `/wlab resume-scheduling`. Running chunks finish normally.',
    colors.warn,
  );
};

export const resumeScheduling: CommandHandler = async (ctx) => {
  if (!ctx.isAdmin) return adminOnlyReply('resume-scheduling');
  if (!ctx.scheduler.isPaused()) return notice('Not paused', 'Scheduling is already running.', colors.muted);
  await ctx.scheduler.resume();
  return notice('Scheduling resumed', 'Pending chunks are being assigned again.', colors.ok);
};
