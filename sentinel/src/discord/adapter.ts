// The only place that touches discord.js interactions: turns a /wlab chat-input interaction
// into (context, options), runs the router, and sends the reply. Replies that take longer
// than DEFER_AFTER_MS are deferred first, because Discord drops an interaction that gets no
// response within 3 s.
import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction, CommandInteractionOption, Interaction } from 'discord.js';
import { ROOT_COMMAND, getSubcommand, isSubcommandName } from './commands.ts';
import type { BotReply, CommandContext, CommandOptions, Queryable, SchedulerControl } from './context.ts';
import { runCommand } from './router.ts';

export const DEFER_AFTER_MS = 2000;

export interface AdapterLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface AdapterDeps {
  db: Queryable;
  scheduler: SchedulerControl;
  adminIds: ReadonlySet<string>;
  version: string;
  engineVersion?: string;
  startedAt: Date;
  log: AdapterLogger;
  clock?: () => Date;
  deferAfterMs?: number;
}

/** Flattens the chosen subcommand's options; only scalar option types are accepted. */
export function readOptions(interaction: ChatInputCommandInteraction): {
  name: string;
  options: CommandOptions;
} {
  const sub = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const options: Record<string, string | number | boolean> = {};
  for (const opt of (sub?.options ?? []) as readonly CommandInteractionOption[]) {
    const v = opt.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') options[opt.name] = v;
  }
  return { name: sub?.name ?? '', options };
}

function toMessage(reply: BotReply) {
  return { content: reply.content, embeds: reply.embeds, allowedMentions: { parse: [] } };
}

/** Handles one interaction; never throws (failures are logged). Returns whether it was ours. */
export async function handleInteraction(interaction: Interaction, deps: AdapterDeps): Promise<boolean> {
  if (!interaction.isChatInputCommand() || interaction.commandName !== ROOT_COMMAND) return false;
  const { name, options } = readOptions(interaction);
  const ephemeral = isSubcommandName(name) ? getSubcommand(name).ephemeral : true;
  const ctx: CommandContext = {
    db: deps.db,
    scheduler: deps.scheduler,
    now: deps.clock ? deps.clock() : new Date(),
    isAdmin: deps.adminIds.has(interaction.user.id),
    callerDiscordId: interaction.user.id,
    version: deps.version,
    engineVersion: deps.engineVersion,
    startedAt: deps.startedAt,
  };
  const logFields = { command: name, discordUserId: interaction.user.id, guildId: interaction.guildId };
  const started = Date.now();
  try {
    const pending = runCommand(ctx, name, options, deps.log);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deps.deferAfterMs ?? DEFER_AFTER_MS);
    });
    const first = await Promise.race([pending, late]);
    clearTimeout(timer);
    if (first === 'late') {
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      await interaction.editReply(toMessage(await pending));
    } else {
      const flags = ephemeral || first.ephemeral ? MessageFlags.Ephemeral : undefined;
      await interaction.reply({ ...toMessage(first), flags });
    }
    // One line per command: an audit trail for admin actions, latency for the rest.
    deps.log.info({ ...logFields, admin: ctx.isAdmin, ms: Date.now() - started }, 'discord command');
  } catch (err) {
    deps.log.warn({ err, ...logFields }, 'discord reply failed');
  }
  return true;
}
