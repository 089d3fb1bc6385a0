// /wlab ping and /wlab about: no database access.
import { EmbedBuilder } from 'discord.js';
import type { CommandHandler } from '../context.ts';
import { colors, formatUptime } from '../format.ts';

export const ping: CommandHandler = async (ctx) => ({
  ephemeral: true,
  embeds: [
    new EmbedBuilder()
      .setTitle('Pong')
      .setDescription(`The sentinel is up (${formatUptime(ctx.now.getTime() - ctx.startedAt.getTime())}).`)
      .setColor(colors.ok)
      .toJSON(),
  ],
});

export const about: CommandHandler = async (ctx) => {
  const embed = new EmbedBuilder()
    .setTitle('wowlab sentinel')
    .setDescription('Schedules World of Warcraft simulations on volunteer nodes and merges their results.')
    .setColor(colors.info)
    .addFields(
      { name: 'Version', value: ctx.version, inline: true },
      { name: 'Uptime', value: formatUptime(ctx.now.getTime() - ctx.startedAt.getTime()), inline: true },
      { name: 'Started', value: `<t:${Math.floor(ctx.startedAt.getTime() / 1000)}:f>`, inline: true },
    );
  if (ctx.engineVersion) embed.addFields({ name: 'Engine', value: ctx.engineVersion, inline: true });
  return { ephemeral: false, embeds: [embed.toJSON()] };
};
