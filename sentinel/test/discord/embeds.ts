// Re-validates an embed through the discord.js builders' setters (which check every length
// and count limit) plus the 6000-character total.
import { EmbedBuilder, embedLength } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';

export function assertValidEmbed(e: APIEmbed): void {
  const b = new EmbedBuilder();
  if (e.title !== undefined) b.setTitle(e.title);
  if (e.description !== undefined) b.setDescription(e.description);
  if (e.color !== undefined) b.setColor(e.color);
  if (e.url !== undefined) b.setURL(e.url);
  if (e.fields !== undefined) b.setFields(e.fields);
  if (e.footer !== undefined) b.setFooter({ text: e.footer.text, iconURL: e.footer.icon_url });
  if (e.timestamp !== undefined) b.setTimestamp(new Date(e.timestamp));
  expect(embedLength(e)).toBeLessThanOrEqual(6000);
  expect(b.toJSON()).toEqual(e);
}

export function fieldValue(e: APIEmbed, name: string): string {
  const f = e.fields?.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} in ${JSON.stringify(e.fields?.map((x) => x.name))}`);
  return f.value;
}
