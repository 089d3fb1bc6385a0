// Routes a /wlab subcommand to its handler. Admin-only subcommands are refused here, before
// any handler code or query runs; handler errors become a generic reply (details are logged).
import type { SubcommandName } from './commands.ts';
import { getSubcommand, isSubcommandName } from './commands.ts';
import type { BotReply, CommandContext, CommandHandler, CommandOptions } from './context.ts';
import { adminOnlyReply, colors, notice } from './format.ts';
import { drain, pauseScheduling, resumeScheduling } from './handlers/admin.ts';
import { about, ping } from './handlers/basic.ts';
import { job, jobs } from './handlers/jobs.ts';
import { nodes } from './handlers/nodes.ts';
import { stats } from './handlers/stats.ts';

export const handlers: Record<SubcommandName, CommandHandler> = {
  ping,
  about,
  stats,
  nodes,
  jobs,
  job,
  drain,
  'pause-scheduling': pauseScheduling,
  'resume-scheduling': resumeScheduling,
};

export interface RouteLogger {
  error(obj: object, msg: string): void;
}

export async function runCommand(
  ctx: CommandContext,
  name: string,
  options: CommandOptions,
  log?: RouteLogger,
): Promise<BotReply> {
  if (!isSubcommandName(name))
    return notice('Unknown command', `\`/wlab ${name.slice(0, 40)}\` does not exist.`, colors.error);
  const spec = getSubcommand(name);
  if (spec.adminOnly && !ctx.isAdmin) return adminOnlyReply(name);
  try {
    return await handlers[name](ctx, options);
  } catch (err) {
    log?.error({ err, command: name, discordUserId: ctx.callerDiscordId }, 'discord command failed');
    return notice(
      'Something went wrong',
      'The command failed; the error was logged. Try again later.',
      colors.error,
    );
  }
}
