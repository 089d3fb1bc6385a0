// Variants in one job (profilesets): every variant runs the base's seed offsets on the grid,
// with replication on; the job's result is the base merged exactly plus each variant's DPS and Δ
// from paired iterations. A variant identical to the base has Δ exactly 0.
import { compareVariants, simulate, type SimConfig } from '@wowlab/sim-core';
import { expect, it } from 'vitest';
import { trustSuite } from './helpers/trust-suite.ts';
import { createJob, waitForJob } from './helpers/fixtures.ts';
import { chunkRows, localJobResult, newUsers, quickConfig, registeredNode } from './trust/helpers.ts';

const suite = trustSuite();

/** Per-iteration DPS of a local run of the job's chunks, in seed order. */
function localSamples(config: SimConfig, seed: number, iterations: number): number[] {
  const out: number[] = [];
  for (let offset = 0; offset < iterations; offset += 1000)
    out.push(
      ...simulate(config, { seed, seedOffset: offset, iterations: Math.min(1000, iterations - offset) })
        .samples,
    );
  return out;
}

it('a job with variants runs each on the grid and reports Δ vs the base from paired iterations', async () => {
  const base = quickConfig();
  const agile: SimConfig = {
    ...base,
    player: { ...base.player, stats: { ...base.player.stats, agility: base.player.stats.agility + 2000 } },
  };
  const [owner, volunteer, operator] = await newUsers(suite.client, 3);
  suite.open.push(
    await registeredNode(suite.client, suite.sentinel.baseUrl, operator!, { platform: true, maxParallel: 2 }),
  );
  suite.open.push(await registeredNode(suite.client, suite.sentinel.baseUrl, volunteer!, { maxParallel: 2 }));

  const seed = 5;
  const iterations = 3000;
  const jobId = await createJob(suite.client, owner!, {
    iterations,
    access: 'public',
    seed,
    config: base,
    variants: [
      { name: 'same as base', config: base },
      { name: '+2000 agility', config: agile },
    ],
  });
  const job = await waitForJob(suite.client, jobId, 'completed', 120_000);
  const result = job.result as ReturnType<typeof localJobResult> & {
    variants: Array<{ name: string; dps: number; delta: number; deltaError: number; iterations: number }>;
  };
  // the base is merged exactly as a job without variants would be
  const { variants, ...baseResult } = result;
  expect(baseResult).toEqual(localJobResult(base, seed, iterations));
  // the comparison is what a local run of the same seeds gives
  const expected = compareVariants({ samples: localSamples(base, seed, iterations) }, [
    { name: 'same as base', samples: localSamples(base, seed, iterations) },
    { name: '+2000 agility', samples: localSamples(agile, seed, iterations) },
  ]).map((c) => ({ ...c, iterations }));
  expect(variants).toEqual(expected);
  const same = variants.find((v) => v.name === 'same as base')!;
  expect(same.delta).toBe(0);
  expect(same.deltaError).toBe(0);
  const more = variants.find((v) => v.name === '+2000 agility')!;
  expect(more.delta).toBeGreaterThan(0);
  expect(more.deltaError).toBeLessThan(more.delta);
  expect(variants[0]!.name).toBe('+2000 agility'); // best first

  // every variant ran the base's seed offsets; the volunteer's results were verified per variant
  const rows = await chunkRows(suite.client, jobId);
  const originals = rows.filter((r) => r.replica_of === null);
  expect(originals).toHaveLength(9);
  const { rows: perVariant } = await suite.client.query(
    `SELECT variant, array_agg(seed_offset ORDER BY seed_offset) AS offsets FROM jobs_chunks
     WHERE job_id = $1 AND replica_of IS NULL GROUP BY variant ORDER BY variant`,
    [jobId],
  );
  expect(perVariant).toEqual([0, 1, 2].map((variant) => ({ variant, offsets: [0, 1000, 2000] })));
  const { rows: copies } = await suite.client.query(
    `SELECT count(*)::int AS n FROM jobs_chunks c JOIN jobs_chunks p ON p.id = c.replica_of
     WHERE c.job_id = $1 AND c.variant <> p.variant`,
    [jobId],
  );
  expect(copies[0]).toEqual({ n: 0 });
}, 180_000);
