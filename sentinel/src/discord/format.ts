// Small, pure formatting helpers for embed text.
import { EmbedBuilder } from 'discord.js';
import type { BotReply } from './context.ts';

export const colors = {
  ok: 0x2ecc71,
  info: 0x3498db,
  warn: 0xf1c40f,
  error: 0xe74c3c,
  muted: 0x95a5a6,
} as const;

export const statusColor: Record<string, number> = {
  completed: colors.ok,
  online: colors.ok,
  running: colors.info,
  pending: colors.muted,
  draining: colors.warn,
  offline: colors.muted,
  cancelled: colors.muted,
  failed: colors.error,
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

/** "3d 4h 5m", "4h 5m 6s", "12s"; always at least one unit. */
export function formatUptime(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts: string[] = [];
  if (d) parts.push(`${d}d`);
  if (h || d) parts.push(`${h}h`);
  if (m || h || d) parts.push(`${m}m`);
  if (!d) parts.push(`${s}s`);
  return parts.join(' ');
}

/** A chunk duration: "850 ms", "12.4 s", "3.5 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

export function formatNumber(n: number, fractionDigits = 0): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}

export function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

/** "▰▰▰▱▱▱▱▱▱▱ 30%" */
export function progressBar(done: number, total: number, width = 10): string {
  const pct = percent(done, total);
  const filled = Math.round((pct / 100) * width);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${pct}%`;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** Discord relative timestamp markup (rendered in the reader's locale). */
export function relativeTime(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:R>`;
}

/** Truncates user-controlled text to a field-safe length. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Markdown-escapes names that users chose (node names) so they cannot format the embed. */
export function escapeText(text: string): string {
  return text.replace(/([\\`*_~|>[\]#])/g, '\\$1');
}

export function notice(
  title: string,
  description: string,
  color: number = colors.info,
  ephemeral = true,
): BotReply {
  return {
    ephemeral,
    embeds: [new EmbedBuilder().setTitle(title).setDescription(description).setColor(color).toJSON()],
  };
}

export const LINK_ACCOUNT_MESSAGE =
  'Your Discord account is not linked to a wowlab account. ' +
  'Link your Discord account on the site (Account → Linked accounts), then try again.';

export function linkAccountReply(): BotReply {
  return notice('Link your Discord account on the site', LINK_ACCOUNT_MESSAGE, colors.warn);
}

export function adminOnlyReply(command: string): BotReply {
  return notice('Admins only', `\`/wlab ${command}\` is reserved for wowlab admins.`, colors.error);
}
