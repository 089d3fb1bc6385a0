// Geometry of the DPS distribution chart (pure): bars, value→x mapping and axis ticks.

export interface HistogramData {
  min: number;
  max: number;
  binWidth: number;
  counts: number[];
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  from: number;
  to: number;
  count: number;
}

export interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Room on the left for the iterations axis, at the bottom for the DPS ticks and title. */
export const DEFAULT_LAYOUT: Layout = { width: 640, height: 260, left: 52, right: 8, top: 12, bottom: 44 };

export function plotWidth(l: Layout): number {
  return Math.max(1, l.width - l.left - l.right);
}

export function plotHeight(l: Layout): number {
  return Math.max(1, l.height - l.top - l.bottom);
}

/** Bars scaled so the tallest bin fills the plot height; empty bins have zero height. */
export function histogramBars(h: HistogramData, l: Layout = DEFAULT_LAYOUT): Bar[] {
  const n = h.counts.length;
  if (n === 0) return [];
  const peak = Math.max(...h.counts);
  const pw = plotWidth(l);
  const ph = plotHeight(l);
  const w = pw / n;
  return h.counts.map((count, i) => {
    const height = peak > 0 ? (count / peak) * ph : 0;
    return {
      x: l.left + i * w,
      y: l.top + ph - height,
      width: w,
      height,
      from: h.min + i * h.binWidth,
      to: h.min + (i + 1) * h.binWidth,
      count,
    };
  });
}

/** x coordinate of a DPS value (clamped to the plot). */
export function xOf(value: number, h: HistogramData, l: Layout = DEFAULT_LAYOUT): number {
  const span = h.binWidth * h.counts.length || h.max - h.min;
  const f = span > 0 ? (value - h.min) / span : 0.5;
  return l.left + Math.min(1, Math.max(0, f)) * plotWidth(l);
}

/** About `count` evenly spaced round tick values across [min, max]. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min) || count < 2) return [min];
  const raw = (max - min) / (count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const first = Math.ceil(min / step) * step;
  const out: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}
