// Attack: two earned-trusted accomplices capture the audit. The attacker's first account runs a
// fresh node that lies on the originals it is given; the second, trusted, echoes those lies when
// handed their replica. The echo is sampled (an audit replica, of a third owner): the attacker's
// third account, also trusted, with many more free slots than anyone, echoes the lie once more
// when handed the audit. Before, the matcher gave every copy to the node with the most free slots,
// so the third account took the audits: the agreement then rested on its word, sampled in turn
// (about 1 in 100 echoed lies caught instead of 1 in 10). Now an audit goes to compute trusted by
// construction whenever one is connected — here a platform node that is busy with originals
// while the third account has dozens of free slots — and copies otherwise go to an owner drawn
// at random, not to the biggest node.
import type { ChunkAssignment } from 'wowlab-node/protocol';
import { expect, it } from 'vitest';
import { trustSuite } from '../helpers/trust-suite.ts';
import { createJob, waitFor, waitForJob } from '../helpers/fixtures.ts';
import { keyOf, lieWhen, localJobResult, newUsers, nodeTrust, quickConfig } from '../trust/helpers.ts';

// every confirmation on an earned node's word is audited: a run that does not depend on the draw
const suite = trustSuite({ TRUST_REPLICATION_PERMILLE: '1000' });

interface AuditRow {
  node_id: string | null;
  status: string;
}

it('audits of echoed lies go to the platform node, not to the accomplice with the most free slots', async () => {
  const config = quickConfig();
  const [victim, partnerUser, echoUser, captorUser, operator] = await newUsers(suite.client, 5);
  const partner = await suite.node(partnerUser!);
  const echo = await suite.node(echoUser!, { trustStreak: 1000, maxParallel: 2 });
  // who was given each chunk first: the partner lies on its originals, both accomplices echo it
  const first = new Map<string, string>();
  const record = (nodeId: string) => (c: ChunkAssignment) => {
    if (!first.has(keyOf(c))) first.set(keyOf(c), nodeId);
  };
  partner.onAssign = record(partner.nodeId);
  echo.onAssign = record(echo.nodeId);
  const partnersOriginal = (c: ChunkAssignment) => first.get(keyOf(c)) === partner.nodeId;
  lieWhen(partner, partnersOriginal);
  lieWhen(echo, partnersOriginal);

  const seed = 91;
  const iterations = 8000;
  const jobId = await createJob(suite.client, victim!, { iterations, access: 'public', seed, config });
  const audits = async () =>
    (await suite.client.query(`SELECT node_id, status FROM jobs_chunks WHERE job_id = $1 AND audit`, [jobId]))
      .rows as AuditRow[];
  // an echoed lie was sampled: its audit waits (neither the partner nor the echo may run it)
  await waitFor(
    async () => (await audits()).some((a) => a.status === 'pending'),
    60_000,
    'an audit of an echoed confirmation',
  );

  // the platform node (two slots, soon busy with originals) comes, then the captor: trusted,
  // 64 free slots, ready to echo the partner's lies on any audit it is handed
  const platform = await suite.node(operator!, { platform: true });
  const captor = await suite.node(captorUser!, { trustStreak: 1000, maxParallel: 32 });
  captor.onAssign = record(captor.nodeId);
  lieWhen(captor, partnersOriginal);

  const done = await waitForJob(suite.client, jobId, 'completed', 120_000);
  // the victim reads the true numbers
  expect(done.result).toEqual(localJobResult(config, seed, iterations));
  // every audit that ran, ran on the platform node
  const ran = (await audits()).filter((a) => a.node_id !== null);
  expect(ran.length).toBeGreaterThan(0);
  expect(ran.every((a) => a.node_id === platform.nodeId)).toBe(true);
  // the echo met the truth there and was caught
  expect((await nodeTrust(suite.client, echo.nodeId)).mismatches).toBeGreaterThan(0);
  expect((await nodeTrust(suite.client, partner.nodeId)).mismatches).toBeGreaterThan(0);
  // no lie of the partner's is accepted, whoever confirmed it
  const { rows: accepted } = await suite.client.query(
    `SELECT seed_offset, node_id FROM jobs_chunks
     WHERE job_id = $1 AND verdict IN ('trusted', 'verified') AND node_id = ANY($2::uuid[])`,
    [jobId, [partner.nodeId, echo.nodeId, captor.nodeId]],
  );
  const lies = (accepted as Array<{ seed_offset: number }>).filter(
    (r) => first.get(`${jobId}:${r.seed_offset}`) === partner.nodeId,
  );
  expect(lies).toEqual([]);
}, 240_000);
