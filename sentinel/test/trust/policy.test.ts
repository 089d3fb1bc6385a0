// The trust policy, pure: sampling, who is replicated, who may run what.
import { describe, expect, it } from 'vitest';
import {
  confirmsFailure,
  FAIL_CONFIRMATIONS,
  isTrusted,
  isAnchor,
  mayRun,
  ownerKey,
  SampleStream,
  seededRandom,
  TrustPolicy,
  type GateChunk,
  type GateNode,
} from '../../src/trust/policy.ts';
import { DEFAULT_TRUST_SETTINGS, parseTrustSettings, type TrustSettings } from '../../src/trust/settings.ts';

const S: TrustSettings = { ...DEFAULT_TRUST_SETTINGS, threshold: 10, replicationPermille: 100 };
const JOB_OWNER = '00000000-0000-4000-8000-00000000000a';
const ALICE = '00000000-0000-4000-8000-0000000000a1';
const BOB = '00000000-0000-4000-8000-0000000000b0';

function node(id: string, over: Partial<GateNode> = {}): GateNode {
  return {
    id,
    userId: null,
    guest: true,
    trustStreak: 0,
    quarantined: false,
    admin: false,
    platform: false,
    foreignHeld: 0,
    ...over,
  };
}
const registered = (id: string, userId: string, over: Partial<GateNode> = {}) =>
  node(id, { userId, guest: false, ...over });
const chunk = (role: GateChunk['role'], excludeOwners: string[] = []): GateChunk => ({
  jobUserId: JOB_OWNER,
  role,
  excludeOwners,
});

describe('SampleStream', () => {
  it('picks exactly one draw per block, at a random position', () => {
    const stream = new SampleStream(50, seededRandom(7));
    expect(stream.block).toBe(20);
    const positions: number[] = [];
    for (let b = 0; b < 200; b++) {
      let hits = 0;
      for (let i = 0; i < 20; i++) {
        if (stream.next()) {
          hits++;
          positions.push(i);
        }
      }
      expect(hits).toBe(1);
    }
    // every position of the block is used, none dominates (marginal probability 1/20)
    const counts = new Array<number>(20).fill(0);
    for (const p of positions) counts[p]!++;
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(Math.max(...counts)).toBeLessThan(30);
  });

  it('keeps any prefix within one of the configured share', () => {
    const stream = new SampleStream(100, seededRandom(99));
    let hits = 0;
    for (let n = 1; n <= 1000; n++) {
      if (stream.next()) hits++;
      expect(Math.abs(hits - n / 10)).toBeLessThanOrEqual(1);
    }
  });

  it('takes back a draw given back before any other draw, so the same result comes again', () => {
    const a = new SampleStream(50, seededRandom(5));
    const b = new SampleStream(50, seededRandom(5));
    const seq: boolean[] = [];
    for (let i = 0; i < 400; i++) {
      // on `a`, every third draw is made ahead, then turns out not to be needed
      if (i % 3 === 0) {
        const position = a.position;
        a.next();
        a.giveBack(position);
      }
      seq.push(a.next());
    }
    const plain = Array.from({ length: 400 }, () => b.next());
    expect(seq.filter(Boolean).length).toBe(plain.filter(Boolean).length);
    expect(seq.filter(Boolean)).toHaveLength(20);
  });

  it('keeps a draw that was followed by another one', () => {
    const stream = new SampleStream(500, seededRandom(8));
    const early = stream.position;
    stream.next();
    stream.next();
    stream.giveBack(early); // too late: ignored
    expect(stream.position).toBe(2);
  });

  it('never samples at 0 ‰ and always at 1000 ‰', () => {
    const never = new SampleStream(0, seededRandom(1));
    const always = new SampleStream(1000, seededRandom(1));
    for (let i = 0; i < 100; i++) {
      expect(never.next()).toBe(false);
      expect(always.next()).toBe(true);
    }
  });
});

describe('TrustPolicy.shouldReplicate', () => {
  it('never re-runs the job owner’s own nodes, always re-runs untrusted ones', () => {
    const policy = new TrustPolicy(S, seededRandom(3));
    for (let i = 0; i < 50; i++) {
      expect(policy.shouldReplicate(registered('n1', JOB_OWNER), JOB_OWNER)).toBe(false);
      expect(policy.shouldReplicate(registered('n2', ALICE, { trustStreak: 9 }), JOB_OWNER)).toBe(true);
      expect(policy.shouldReplicate(node('n3'), JOB_OWNER)).toBe(true);
    }
  });

  it('samples trusted registered nodes at the configured rate and guests’ nodes at the guest rate', () => {
    const policy = new TrustPolicy(S, seededRandom(5));
    const trusted = registered('n1', ALICE, { trustStreak: 10 });
    const guest = node('n2', { trustStreak: 500 });
    let replicated = 0;
    for (let i = 0; i < 400; i++) if (policy.shouldReplicate(trusted, JOB_OWNER)) replicated++;
    expect(replicated).toBe(40);
    for (let i = 0; i < 50; i++) expect(policy.shouldReplicate(guest, JOB_OWNER)).toBe(true);
  });

  it('replicates every trusted volunteer result on a smart sim, never the owner’s or a platform node’s', () => {
    const policy = new TrustPolicy(S, seededRandom(5));
    const trusted = registered('n1', ALICE, { trustStreak: 1000 });
    for (let i = 0; i < 50; i++)
      expect(policy.shouldReplicate(trusted, JOB_OWNER, null, [], true)).toBe(true);
    expect(policy.shouldReplicate(registered('n2', JOB_OWNER), JOB_OWNER, null, [], true)).toBe(false);
    expect(policy.shouldReplicate(node('n3', { platform: true }), JOB_OWNER, null, [], true)).toBe(false);
  });

  it('replicates nothing when replication is off', () => {
    const policy = new TrustPolicy({ ...S, replication: false });
    expect(policy.shouldReplicate(node('n'), JOB_OWNER)).toBe(false);
    expect(policy.drawAhead(false)).toBeNull();
    expect(policy.auditConfirmation()).toBe(false);
  });

  it('audits an earned-trusted node’s confirmations at the floor, as its results', () => {
    const policy = new TrustPolicy(S, seededRandom(8));
    let audited = 0;
    for (let i = 0; i < 400; i++) if (policy.auditConfirmation()) audited++;
    expect(audited).toBe(40);
    const all = new TrustPolicy({ ...S, replicationPermille: 1000 }, seededRandom(8));
    for (let i = 0; i < 20; i++) expect(all.auditConfirmation()).toBe(true);
  });

  it('uses a draw made ahead for a trusted node; an unused one goes back to the stream', () => {
    const policy = new TrustPolicy(S, seededRandom(5));
    const trusted = registered('n1', ALICE, { trustStreak: 10 });
    let replicated = 0;
    for (let i = 0; i < 400; i++) {
      const ahead = policy.drawAhead(false)!;
      // every other one turns out to be the owner's own job: the draw is not needed
      const node = i % 2 ? registered('n2', JOB_OWNER, { trustStreak: 10 }) : trusted;
      if (policy.shouldReplicate(node, JOB_OWNER, ahead)) replicated++;
      expect(ahead.used).toBe(node === trusted);
      policy.release(ahead);
    }
    // 200 results needed a draw: one in ten re-run, as without drawing ahead
    expect(replicated).toBe(20);
  });

  it('never re-runs a platform node, on anyone’s job', () => {
    const policy = new TrustPolicy(S, seededRandom(6));
    const platform = registered('p', ALICE, { platform: true });
    for (let i = 0; i < 50; i++) expect(policy.shouldReplicate(platform, JOB_OWNER)).toBe(false);
    expect(isAnchor(platform, JOB_OWNER)).toBe(true);
    expect(isAnchor(registered('n', ALICE, { trustStreak: 1000 }), JOB_OWNER)).toBe(false);
  });

  it('trusts the nodes of the users a sim is shared with, for that sim only', () => {
    const policy = new TrustPolicy(S, seededRandom(7));
    const friends = registered('f', ALICE);
    expect(policy.shouldReplicate(friends, JOB_OWNER, null, [ALICE])).toBe(false);
    expect(policy.shouldReplicate(friends, JOB_OWNER, null, [BOB])).toBe(true);
    expect(policy.shouldReplicate(friends, JOB_OWNER)).toBe(true);
    expect(
      mayRun(
        { jobUserId: JOB_OWNER, role: 'arbiter', excludeOwners: [], grantees: [ALICE] },
        { ...friends, foreignHeld: 5 },
        S,
      ),
    ).toBe(true);
    // a guest node never is one (no user to grant)
    expect(isAnchor(node('g'), JOB_OWNER, [ALICE])).toBe(false);
  });
});

describe('mayRun', () => {
  const alice1 = registered('a1', ALICE, { trustStreak: 20 });
  const alice2 = registered('a2', ALICE, { trustStreak: 20 });
  const bob = registered('b', BOB);
  const owners = registered('o', JOB_OWNER);

  it('keeps a replica away from the node whose result it checks and from that owner’s other nodes', () => {
    const replica = chunk('replica', [ownerKey(alice1)]);
    expect(mayRun(replica, alice1, S)).toBe(false);
    expect(mayRun(replica, alice2, S)).toBe(false);
    expect(mayRun(replica, bob, S)).toBe(true);
    expect(mayRun(replica, owners, S)).toBe(true);
  });

  it('never gives a replica to a guest’s node, even a trusted one', () => {
    const guestReplica = chunk('replica', ['ffffffff-0000-4000-8000-000000000001']);
    expect(mayRun(guestReplica, node('g', { trustStreak: 100 }), S)).toBe(false);
    expect(mayRun(guestReplica, node('g', { userId: BOB, guest: true, trustStreak: 100 }), S)).toBe(false);
    expect(mayRun(guestReplica, bob, S)).toBe(true);
  });

  it('lets a platform node verify and arbitrate any job, fresh and unclaimed as it may be', () => {
    const platform = node('p', { platform: true, admin: true });
    expect(mayRun(chunk('replica'), platform, S)).toBe(true);
    expect(mayRun(chunk('arbiter'), platform, S)).toBe(true);
    expect(mayRun(chunk('arbiter', ['p']), platform, S)).toBe(false);
    expect(mayRun(chunk('primary'), { ...platform, quarantined: true }, S)).toBe(false);
  });

  it('gives an arbiter copy only to compute trusted by construction: the job owner’s node or an admin node', () => {
    const arbiter = chunk('arbiter', [ALICE, BOB]);
    expect(mayRun(arbiter, owners, S)).toBe(true);
    expect(mayRun(arbiter, registered('x', '00000000-0000-4000-8000-0000000000c0'), S)).toBe(false);
    // earned trust is not enough: a sleeper must not have the last word in a dispute
    expect(
      mayRun(arbiter, registered('x', '00000000-0000-4000-8000-0000000000c0', { trustStreak: 10 }), S),
    ).toBe(false);
    expect(
      mayRun(arbiter, node('adm', { admin: true, userId: '00000000-0000-4000-8000-0000000000d0' }), S),
    ).toBe(true);
    expect(mayRun(arbiter, alice1, S)).toBe(false); // a party of the dispute
    expect(mayRun(chunk('arbiter', [JOB_OWNER]), owners, S)).toBe(false);
  });

  it('slow start: an untrusted node holds one chunk of others’ jobs at a time, any number of its owner’s', () => {
    expect(mayRun(chunk('primary'), bob, S)).toBe(true);
    expect(mayRun(chunk('primary'), { ...bob, foreignHeld: 1 }, S)).toBe(false);
    expect(mayRun(chunk('primary'), { ...alice1, foreignHeld: 7 }, S)).toBe(true);
    expect(mayRun(chunk('primary'), { ...owners, foreignHeld: 5 }, S)).toBe(true);
  });

  it('gives a quarantined node nothing', () => {
    const q = { ...alice1, quarantined: true };
    expect(isTrusted(q, S)).toBe(false);
    for (const role of ['primary', 'replica', 'arbiter'] as const)
      expect(mayRun(chunk(role), q, S)).toBe(false);
    expect(mayRun(chunk('primary'), q, { ...S, replication: false })).toBe(false);
  });
});

describe('parseTrustSettings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_TRUST_SETTINGS).toMatchObject({
      replication: true,
      threshold: 10,
      replicationPermille: 100,
      guestReplicationPermille: 1000,
      quarantineAfter: 3,
      registerPerHour: 10,
      adminNodeIds: [],
      clientIpHeader: null,
    });
  });

  it('lists every problem, and never lets guests’ rate be 0', () => {
    const problems: string[] = [];
    parseTrustSettings(
      {
        TRUST_GUEST_REPLICATION_PERMILLE: '0',
        TRUST_REPLICATION_PERMILLE: '1001',
        TRUST_ADMIN_NODE_IDS: 'not-a-uuid',
        TRUST_REPLICATION: 'maybe',
        CLIENT_IP_HEADER: 'bad header',
      },
      problems,
    );
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(
      /TRUST_GUEST_REPLICATION_PERMILLE must be an integer between 1 and 1000/,
    );
  });

  it('never lets trusted nodes be re-verified less than 1 in 10', () => {
    const problems: string[] = [];
    parseTrustSettings({ TRUST_REPLICATION_PERMILLE: '50' }, problems);
    expect(problems.join('\n')).toMatch(/TRUST_REPLICATION_PERMILLE must be an integer between 100 and 1000/);
  });
});

describe('confirmsFailure', () => {
  it('compute trusted by construction confirms at once', () => {
    expect(confirmsFailure(true, 1, S)).toBe(true);
  });

  it('with replication on nothing else does, however many owners failed it', () => {
    expect(confirmsFailure(false, FAIL_CONFIRMATIONS, S)).toBe(false);
    expect(confirmsFailure(false, 16, S)).toBe(false);
  });

  it('without replication any two owners confirm', () => {
    const off = { ...S, replication: false };
    expect(confirmsFailure(false, FAIL_CONFIRMATIONS, off)).toBe(true);
    expect(confirmsFailure(false, FAIL_CONFIRMATIONS - 1, off)).toBe(false);
  });
});
