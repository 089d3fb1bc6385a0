// Attack: a fresh account's node lies on every chunk of another user's jobs. Nothing it sends is
// published; it is quarantined at its third proven lie (TRUST_QUARANTINE_MISMATCHES, default 3);
// every lie that is proven counts (results still waiting for their judge when it is caught are
// judged, not dropped); the honest volunteer beside it is never penalised.
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { createJob, waitForJob } from '../helpers/fixtures.ts';
import { DEFAULT_TRUST_SETTINGS } from '../../src/trust/settings.ts';
import {
  chunkRows,
  localJobResult,
  newUsers,
  nodeTrust,
  quickConfig,
  registeredNode,
} from '../trust/helpers.ts';

const suite = trustSuite();

it('a node lying on every chunk is quarantined at its third proven lie and every proven lie counts', async () => {
  const config = quickConfig();
  const [victim, liarUser, honestUser, operator] = await newUsers(suite.client, 4);
  const liar = await registeredNode(suite.client, suite.sentinel.baseUrl, liarUser!, {
    maxParallel: 2,
    mode: 'random',
  });
  suite.open.push(liar);
  const honest = await registeredNode(suite.client, suite.sentinel.baseUrl, honestUser!);
  suite.open.push(honest);
  const platform = await registeredNode(suite.client, suite.sentinel.baseUrl, operator!, { platform: true });
  suite.open.push(platform);

  // jobs of the victim keep coming until the liar is quarantined
  let rounds = 0;
  for (; rounds < 8 && !(await nodeTrust(suite.client, liar.nodeId)).quarantined; rounds++) {
    const seed = 40 + rounds;
    const jobId = await createJob(suite.client, victim!, {
      iterations: 12_000,
      access: 'public',
      seed,
      config,
    });
    const done = await waitForJob(suite.client, jobId, 'completed', 120_000);
    // what the victim reads is the exact local result
    expect(done.result).toEqual(localJobResult(config, seed, 12_000));
    const rows = await chunkRows(suite.client, jobId);
    expect(
      rows.filter((r) => r.node_id === liar.nodeId && r.verdict !== null && r.verdict !== 'invalid'),
    ).toEqual([]);
  }

  const trust = await nodeTrust(suite.client, liar.nodeId);
  expect(trust.quarantined).toBe(true);
  expect(trust.credited_iterations).toBe(0);
  const { rows } = await suite.client.query(
    `SELECT count(*) FILTER (WHERE c.verdict = 'invalid')::int AS invalid,
            count(*) FILTER (WHERE c.status = 'completed' AND c.completed_at <= n.quarantined_at)::int AS before_quarantine,
            count(*) FILTER (WHERE c.status = 'completed' AND c.verdict IS NULL)::int AS unjudged
     FROM jobs_chunks c JOIN nodes n ON n.id = c.node_id WHERE c.node_id = $1`,
    [liar.nodeId],
  );
  const counts = rows[0] as { invalid: number; before_quarantine: number; unjudged: number };
  // every proven lie counted, none left without a verdict
  expect(trust.mismatches).toBe(counts.invalid);
  expect(counts.unjudged).toBe(0);
  expect(trust.mismatches).toBeGreaterThanOrEqual(DEFAULT_TRUST_SETTINGS.quarantineAfter);
  // quarantined at the third proven lie: it sent at most a few more results than that before
  // (slow start: one chunk of others' jobs at a time; each lie is proven within one copy's run)
  expect(counts.before_quarantine).toBeGreaterThanOrEqual(DEFAULT_TRUST_SETTINGS.quarantineAfter);
  expect(counts.before_quarantine).toBeLessThanOrEqual(2 * DEFAULT_TRUST_SETTINGS.quarantineAfter);
  // the honest volunteer was verified, never penalised
  const h = await nodeTrust(suite.client, honest.nodeId);
  expect(h).toMatchObject({ mismatches: 0, quarantined: false });
  expect(h.trust_streak).toBeGreaterThan(0);
  for (const n of suite.open) expect(n.errors).toEqual([]);
}, 240_000);
