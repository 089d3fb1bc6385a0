// The result table printed by `wowlab-node sim`.
import type { JobResult, StatWeight, VariantComparison } from '@wowlab/sim-core';

const fmt0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatNumber(n: number, digits: 0 | 1 = 0): string {
  return (digits === 0 ? fmt0 : fmt1).format(n);
}

function pad(text: string, width: number, right = false): string {
  if (text.length >= width) return text;
  return right ? text.padStart(width) : text.padEnd(width);
}

export interface ResultHeader {
  title: string;
  seed: number;
  threads: number;
  elapsedMs: number;
}

export function formatResult(result: JobResult, header: ResultHeader): string {
  const lines: string[] = [];
  const rate = header.elapsedMs > 0 ? (result.iterations * 1000) / header.elapsedMs : 0;
  lines.push(header.title);
  lines.push(
    `${formatNumber(result.iterations)} iterations, seed ${header.seed}, ${header.threads} thread${header.threads === 1 ? '' : 's'}, ` +
      `${(header.elapsedMs / 1000).toFixed(2)} s (${formatNumber(rate)} iterations/s)`,
  );
  lines.push('');
  const errPct = result.mean > 0 ? (result.dpsError / result.mean) * 100 : 0;
  const rows: Array<[string, string]> = [
    [
      'DPS',
      `${formatNumber(result.mean, 1)} ± ${formatNumber(result.dpsError, 1)} (${errPct.toFixed(2)} %, 95 %)`,
    ],
    ['std dev', formatNumber(result.stdDev, 1)],
    ['min / max', `${formatNumber(result.min, 1)} / ${formatNumber(result.max, 1)}`],
    [
      'percentiles',
      `p5 ${formatNumber(result.percentiles.p5)}  p25 ${formatNumber(result.percentiles.p25)}  ` +
        `p50 ${formatNumber(result.percentiles.p50)}  p75 ${formatNumber(result.percentiles.p75)}  ` +
        `p95 ${formatNumber(result.percentiles.p95)}`,
    ],
  ];
  for (const [k, v] of rows) lines.push(`  ${pad(k, 12)} ${v}`);
  lines.push('');
  const abilities = [...result.abilities].sort((a, b) => b.damage - a.damage);
  const nameWidth = Math.max(7, ...abilities.map((a) => a.name.length));
  lines.push(
    `  ${pad('ability', nameWidth)}  ${pad('dps', 10, true)}  ${pad('share', 7, true)}  ${pad('casts', 8, true)}  ` +
      `${pad('hits', 9, true)}  ${pad('crit', 6, true)}`,
  );
  for (const a of abilities) {
    lines.push(
      `  ${pad(a.name, nameWidth)}  ${pad(formatNumber(a.dps, 1), 10, true)}  ${pad(`${(a.share * 100).toFixed(1)}%`, 7, true)}  ` +
        `${pad(formatNumber(a.casts, 1), 8, true)}  ${pad(formatNumber(a.hits, 1), 9, true)}  ${pad(`${a.critPct.toFixed(1)}%`, 6, true)}`,
    );
  }
  return lines.join('\n');
}

/** The comparison of profilesets against the base, best first (same seeds: paired Δ errors). */
export function formatComparison(base: JobResult, variants: readonly VariantComparison[]): string {
  const signed = (x: number, digits: 0 | 1 = 0) =>
    `${x > 0 ? '+' : x < 0 ? '-' : ''}${formatNumber(Math.abs(x), digits)}`;
  const rows: Array<[string, string, string, string]> = [
    ['variant', 'DPS', 'Δ vs base (95 %)', 'Δ %'],
    ['base', `${formatNumber(base.mean, 1)} ± ${formatNumber(base.dpsError, 1)}`, '—', '—'],
    ...variants.map((v): [string, string, string, string] => [
      v.name,
      `${formatNumber(v.dps, 1)} ± ${formatNumber(v.dpsError, 1)}`,
      `${signed(v.delta, 1)} ± ${formatNumber(v.deltaError, 1)}`,
      `${v.deltaFraction > 0 ? '+' : v.deltaFraction < 0 ? '-' : ''}${Math.abs(v.deltaFraction * 100).toFixed(2)} %`,
    ]),
  ];
  const widths = [0, 1, 2, 3].map((k) => Math.max(...rows.map((r) => r[k]!.length)));
  return [
    'Variants (profilesets), same seeds as the base:',
    ...rows.map((r) => r.map((c, k) => pad(c, widths[k]!, k > 0)).join('  ')),
  ].join('\n');
}

/** Stat weights (DPS per point ± 95 % error, normalised to the primary stat) and the Pawn scale. */
export function formatStatWeights(weights: readonly StatWeight[], pawn: string): string {
  const rows: Array<[string, string, string]> = [
    ['stat', 'DPS per point (95 %)', 'normalised'],
    ...weights.map((w): [string, string, string] => [
      w.label,
      `${w.weight.toFixed(3)} ± ${w.error.toFixed(3)}`,
      `${w.normalized.toFixed(2)} ± ${w.normalizedError.toFixed(2)}`,
    ]),
  ];
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => r[k]!.length)));
  return [
    "Stat weights (each stat raised by SimulationCraft's default step, same seeds as the base):",
    ...rows.map((r) => r.map((c, k) => pad(c, widths[k]!, k > 0)).join('  ')),
    '',
    'Pawn scale (Pawn → Import):',
    pawn,
  ].join('\n');
}

/** Where each run of a smart sim stopped and why. */
export function formatSmartStops(
  runs: ReadonlyArray<{ name: string; iterations: number; stopped: 'target' | 'cap' | 'eliminated' }>,
  target: number,
  cap: number,
): string {
  const why = {
    target: `reached ±${+(target * 100).toFixed(3)} %`,
    eliminated: 'clearly below the best: stopped early',
    cap: `ran the cap (${cap.toLocaleString('en-US')})`,
  };
  const width = Math.max(...runs.map((r) => r.name.length));
  return [
    `Smart sim, target error ±${+(target * 100).toFixed(3)} %:`,
    ...runs.map(
      (r) =>
        `  ${r.name.padEnd(width)}  ${r.iterations.toLocaleString('en-US').padStart(9)} iterations  ${why[r.stopped]}`,
    ),
  ].join('\n');
}
