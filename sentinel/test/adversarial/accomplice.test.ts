// Attack: an accomplice that earned trust honestly confirms its partner's lies as a replica. The
// attacker's second account runs a fresh node that lies on the originals it is given and is honest
// on everything else; the trusted node, told out of band which chunks its partner lied on, sends
// the same lie when it is handed their replica, and is honest on everything else, its own
// originals included. Before, that agreement was "independent" evidence (an earned-trusted node of
// a third owner) and published the lie; the trusted node was never sampled on it (the 1-in-10
// floor sampled originals only), so it was never caught and kept its partners' lies published
// for ever (a fresh partner per lie loses nothing when an honest node gets the replica instead).
// Now a confirmation resting on an earned-trusted node's word is sampled at the same floor: the
// sampled family gets one more replica, of a third owner; the truth meets the lie there and the
// arbiter (compute trusted by construction) catches both, and the caught accomplice's other
// confirmations are rechecked.
import type { ChunkAssignment } from 'wowlab-node/protocol';
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { createJob, getJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import {
  chunkRows,
  keyOf,
  lieWhen,
  localJobResult,
  newUsers,
  nodeTrust,
  quickConfig,
} from '../trust/helpers.ts';

// every result of a trusted node re-run, so every confirmation is sampled: a run that does not
// depend on where the 1-in-10 draw falls
const suite = trustSuite({ TRUST_REPLICATION_PERMILLE: '1000' });

it('a trusted accomplice confirming its partner’s lies is sampled like its own results and caught', async () => {
  const config = quickConfig();
  const [victim, accompliceUser, partnerUser, operator] = await newUsers(suite.client, 4);
  const accomplice = await suite.node(accompliceUser!, { trustStreak: 1000, maxParallel: 2 });
  const partner = await suite.node(partnerUser!);
  // who was given each chunk first: the partner lies on its originals, the accomplice echoes it
  const first = new Map<string, string>();
  for (const n of [accomplice, partner])
    n.onAssign = (c) => {
      if (!first.has(keyOf(c))) first.set(keyOf(c), n.nodeId);
    };
  const partnersOriginal = (c: ChunkAssignment) => first.get(keyOf(c)) === partner.nodeId;
  lieWhen(partner, partnersOriginal);
  lieWhen(accomplice, partnersOriginal);

  const seed = 57;
  const iterations = 6000;
  const jobId = await createJob(suite.client, victim!, { iterations, access: 'public', seed, config });
  // the partner's lie and the accomplice's echo agree on at least one chunk...
  await waitFor(
    async () => {
      const { rows } = await suite.client.query(
        `SELECT count(*)::int AS n FROM jobs_chunks p JOIN jobs_chunks r ON r.replica_of = p.id
         WHERE p.job_id = $1 AND p.node_id = $2 AND r.node_id = $3 AND p.digest = r.digest`,
        [jobId, partner.nodeId, accomplice.nodeId],
      );
      return (rows[0] as { n: number }).n > 0;
    },
    60_000,
    'the accomplice to echo a lie of its partner',
  );
  await new Promise((r) => setTimeout(r, 500));
  // ...and it is not accepted: the confirmation was sampled and waits for one more replica, of a
  // third owner (neither of the attacker's accounts may run it)
  const echoed = await suite.client.query(
    `SELECT p.verdict AS original, r.verdict AS echo FROM jobs_chunks p JOIN jobs_chunks r ON r.replica_of = p.id
     WHERE p.job_id = $1 AND p.node_id = $2 AND r.node_id = $3 AND p.digest = r.digest`,
    [jobId, partner.nodeId, accomplice.nodeId],
  );
  for (const row of echoed.rows) expect(row).toEqual({ original: null, echo: null });
  expect((await getJob(suite.client, jobId)).status).not.toBe('completed');
  const audits = (await chunkRows(suite.client, jobId)).filter(
    (r) =>
      r.replica_role === 'replica' &&
      r.status === 'pending' &&
      r.exclude_owners.includes(accompliceUser!) &&
      r.exclude_owners.includes(partnerUser!),
  );
  expect(audits.length).toBeGreaterThan(0);

  // the platform node runs the audits: the true numbers are published, both liars are caught
  await suite.node(operator!, { platform: true, maxParallel: 2 });
  const done = await waitForJob(suite.client, jobId, 'completed', 90_000);
  expect(done.result).toEqual(localJobResult(config, seed, iterations));
  expect((await nodeTrust(suite.client, accomplice.nodeId)).mismatches).toBeGreaterThan(0);
  // its trust is gone (it may earn a little back on the honest results it sends after)
  expect((await nodeTrust(suite.client, accomplice.nodeId)).trust_streak).toBeLessThan(10);
  expect((await nodeTrust(suite.client, partner.nodeId)).mismatches).toBeGreaterThan(0);
  const rows = await chunkRows(suite.client, jobId);
  const lies = rows.filter(
    (r) =>
      (r.verdict === 'trusted' || r.verdict === 'verified') &&
      r.node_id !== null &&
      [accomplice.nodeId, partner.nodeId].includes(r.node_id) &&
      first.get(`${jobId}:${r.seed_offset}`) === partner.nodeId,
  );
  expect(lies).toEqual([]);
}, 180_000);
