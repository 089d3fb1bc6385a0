// Display formatting shared by pages (pure).

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatInt(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? int.format(n) : '—';
}

export function formatDps(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? int.format(Math.round(n)) : '—';
}

export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatOne(n: number): string {
  return one.format(n);
}

/** "3 s", "2 min 5 s", "1 h 4 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

/** Relative time like "5 min ago" from an ISO date; `now` is injectable for tests. */
export function formatAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const diff = Math.max(0, (now - t) / 1000);
  if (diff < 10) return 'just now';
  return `${formatDuration(diff)} ago`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
