import { describe, expect, it } from 'vitest';
import { addChunk, addTime, emptyTotals, parseTotals, RECENT_JOBS } from './totals';

const job = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('lifetime totals', () => {
  it('counts chunks and iterations, and each job once', () => {
    let t = emptyTotals();
    t = addChunk(t, job(1), 1000);
    t = addChunk(t, job(1), 500);
    t = addChunk(t, job(2), 1000);
    expect(t).toMatchObject({ chunks: 3, iterations: 2500, jobs: 2 });
  });

  it('keeps a bounded list of recent jobs', () => {
    let t = emptyTotals();
    for (let i = 0; i < RECENT_JOBS + 50; i++) t = addChunk(t, job(i), 1);
    expect(t.recentJobs).toHaveLength(RECENT_JOBS);
    expect(t.jobs).toBe(RECENT_JOBS + 50);
  });

  it('adds contributed time, ignoring nonsense', () => {
    let t = addTime(emptyTotals(), 1500.4);
    t = addTime(t, -5);
    t = addTime(t, Number.NaN);
    expect(t.contributedMs).toBe(1500);
  });

  it('parses stored totals defensively', () => {
    const t = addChunk(addTime(emptyTotals(), 10), job(1), 7);
    expect(parseTotals(JSON.stringify(t))).toEqual(t);
    expect(parseTotals('nope')).toEqual(emptyTotals());
    expect(parseTotals(null)).toEqual(emptyTotals());
    expect(parseTotals('{"chunks":-1,"iterations":1.5,"jobs":"x","recentJobs":["bad",1]}')).toEqual(
      emptyTotals(),
    );
  });
});
