import { describe, expect, it } from 'vitest';
import { mergeResults, simulate, specs } from '@wowlab/sim-core';
import { Logger, progressBar, StatusLine } from '../../src/cli/terminal.ts';
import { describeStats } from '../../src/cli/run-display.ts';
import { formatResult } from '../../src/cli/format-result.ts';

function sink(isTTY: boolean) {
  const out = { text: '', isTTY, columns: 60, write: (s: string) => (out.text += s) };
  return out;
}

describe('terminal output', () => {
  it('the status line rewrites one line on a TTY and stays silent elsewhere', () => {
    const tty = sink(true);
    const line = new StatusLine(tty);
    line.update('contributing · 2 running', true);
    line.update('x'.repeat(200), true);
    line.clear();
    expect(tty.text).toBe(`\r\x1b[2Kcontributing · 2 running\r\x1b[2K${'x'.repeat(58)}…\r\x1b[2K`);
    const pipe = sink(false);
    const quiet = new StatusLine(pipe);
    quiet.update('anything', true);
    quiet.clear();
    expect(pipe.text).toBe('');
    expect(quiet.active).toBe(false);
  });

  it('logs plain lines, or JSON lines with --json', () => {
    const plain = sink(false);
    new Logger(plain, false).warn('reconnecting', { attempt: 2 });
    expect(plain.text).toMatch(/^\d\d:\d\d:\d\d WARN reconnecting attempt=2\n$/);
    const json = sink(false);
    new Logger(json, true).info('registered', { nodeId: 'n1' });
    expect(JSON.parse(json.text)).toMatchObject({ level: 'info', msg: 'registered', nodeId: 'n1' });
  });

  it('progress bar and run status', () => {
    expect(progressBar(25, 100, 10)).toBe('[###.......]  25%');
    expect(progressBar(100, 100, 4)).toBe('[####] 100%');
    expect(
      describeStats(
        'contributing',
        {
          chunksRunning: 2,
          chunksDone: 14,
          chunksFailed: 0,
          iterationsDone: 14_000,
          iterationsPerSecond: 3456.7,
          jobs: ['abcdef0123', 'bbbbbbbb99'],
        },
        null,
      ),
    ).toBe('contributing · 2 running · 14 done · 3457 it/s · jobs abcdef01, bbbbbbbb');
    expect(
      describeStats(
        'waiting-for-claim',
        {
          chunksRunning: 0,
          chunksDone: 0,
          chunksFailed: 1,
          iterationsDone: 0,
          iterationsPerSecond: 0,
          jobs: [],
        },
        'K3Y',
      ),
    ).toBe('waiting-for-claim · claim code K3Y · 0 running · 0 done · 1 failed · 0 it/s');
  });

  it('the result table shows mean ± error, std, min/max, percentiles and every ability', () => {
    const config = specs[0]!.defaultConfig();
    const result = mergeResults([simulate(config, { seed: 1, seedOffset: 0, iterations: 40 })]);
    const text = formatResult(result, { title: 'bm', seed: 1, threads: 2, elapsedMs: 2000 });
    expect(text).toContain('40 iterations, seed 1, 2 threads, 2.00 s (20 iterations/s)');
    expect(text).toMatch(/DPS {10}[\d,]+\.\d ± [\d,]+\.\d \(\d+\.\d\d %, 95 %\)/);
    for (const label of ['std dev', 'min / max', 'p5 ', 'p25 ', 'p50 ', 'p75 ', 'p95 '])
      expect(text).toContain(label);
    for (const a of result.abilities) expect(text).toContain(a.name);
  });
});
