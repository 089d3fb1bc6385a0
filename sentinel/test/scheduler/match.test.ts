import { describe, expect, it } from 'vitest';
import type { PendingChunk } from '../../src/db/claim-chunks.ts';
import { GuildMembershipSet } from '../../src/guilds/membership.ts';
import { isEligible, matchChunks, type MatchNode } from '../../src/scheduler/match.ts';
import { seededRandom } from '../../src/trust/policy.ts';

const OWNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const GUILD = '111111111111111111';
const GUILD2 = '222222222222222222';
const OWNER_DISCORD = '900000000000000001';
/** The Discord account of the owner of the nodes offered to GUILD / GUILD2 (a member of both). */
const NODE_DISCORD = '900000000000000002';

function node(id: string, patch: Partial<MatchNode> = {}): MatchNode {
  return {
    id,
    userId: OTHER,
    ownerDiscordId: null,
    engineVersion: '0.1.0',
    userTargets: new Set(),
    guildTargets: [],
    allowsPublic: false,
    free: 2,
    ...patch,
  };
}

function chunk(access: PendingChunk['jobAccess'], patch: Partial<PendingChunk> = {}): PendingChunk {
  return {
    id: crypto.randomUUID(),
    jobId: `job-${access}`,
    configHash: 'a'.repeat(64),
    iterations: 1000,
    seedOffset: 0,
    createdMs: 0,
    seed: 1,
    jobPending: false,
    jobUserId: OWNER,
    jobAccess: access,
    jobDiscordServerId: access === 'discord' ? GUILD : null,
    jobEngineVersion: '0.1.0',
    ownerDiscordId: OWNER_DISCORD,
    jobSharedWith: access === 'user' ? [OTHER] : [],
    ...patch,
  };
}

const nodes = {
  own: node('own', { userId: OWNER }),
  userPermitted: node('userPermitted', { userTargets: new Set([OWNER]) }),
  discordPermitted: node('discordPermitted', { guildTargets: [GUILD], ownerDiscordId: NODE_DISCORD }),
  otherGuild: node('otherGuild', { guildTargets: [GUILD2], ownerDiscordId: NODE_DISCORD }),
  publicPermitted: node('publicPermitted', { allowsPublic: true }),
  unrelated: node('unrelated'),
  anonymous: node('anonymous', { userId: null, allowsPublic: true }),
  ownOtherEngine: node('ownOtherEngine', { userId: OWNER, engineVersion: '0.0.9' }),
};

const expected: Record<PendingChunk['jobAccess'], string[]> = {
  private: ['own'],
  user: ['own', 'userPermitted'],
  discord: ['own', 'discordPermitted'],
  public: ['own', 'userPermitted', 'discordPermitted', 'publicPermitted', 'anonymous'],
};

describe('eligibility', () => {
  const membership = new GuildMembershipSet();
  membership.add(GUILD, OWNER_DISCORD);
  membership.add(GUILD, NODE_DISCORD);
  membership.add(GUILD2, NODE_DISCORD);

  for (const access of ['private', 'user', 'discord', 'public'] as const) {
    it(`a ${access} job runs only on ${expected[access].join(', ')}`, () => {
      const eligible = Object.values(nodes)
        .filter((n) => isEligible(chunk(access), n, membership))
        .map((n) => n.id);
      expect(eligible).toEqual(expected[access]);
    });
  }

  it('a node naming the owner runs their user job only when the owner chose its owner', () => {
    const stranger = node('stranger', {
      userId: '00000000-0000-4000-8000-000000000003',
      userTargets: new Set([OWNER]),
    });
    expect(isEligible(chunk('user'), stranger, membership)).toBe(false);
    expect(isEligible(chunk('user', { jobSharedWith: [stranger.userId!] }), stranger, membership)).toBe(true);
    expect(isEligible(chunk('user', { jobSharedWith: [] }), nodes.userPermitted, membership)).toBe(false);
    expect(isEligible(chunk('discord'), stranger, membership)).toBe(false);
    expect(isEligible(chunk('public'), stranger, membership)).toBe(true);
  });

  it('a discord job needs the owner to be a member of the server', () => {
    const outsider = new GuildMembershipSet();
    expect(isEligible(chunk('discord'), nodes.discordPermitted, outsider)).toBe(false);
    expect(isEligible(chunk('discord', { ownerDiscordId: null }), nodes.discordPermitted, membership)).toBe(
      false,
    );
    expect(
      isEligible(chunk('discord', { jobDiscordServerId: GUILD2 }), nodes.discordPermitted, membership),
    ).toBe(false);
  });

  it("a node offered to a server its owner is not in runs none of that server's jobs", () => {
    // no Discord account linked, or one that is not a member: naming the server offers nothing
    const unlinked = node('unlinked', { guildTargets: [GUILD] });
    const stranger = node('stranger', { guildTargets: [GUILD], ownerDiscordId: '900000000000000003' });
    for (const n of [unlinked, stranger]) {
      expect(isEligible(chunk('discord'), n, membership)).toBe(false);
      expect(isEligible(chunk('public'), n, membership)).toBe(false);
    }
    // the same node once its owner joins the server
    const joined = new GuildMembershipSet();
    joined.add(GUILD, OWNER_DISCORD);
    joined.add(GUILD, '900000000000000003');
    expect(isEligible(chunk('discord'), stranger, joined)).toBe(true);
  });

  it('an engine-version mismatch is never eligible, even for the owner', () => {
    for (const access of ['private', 'user', 'discord', 'public'] as const) {
      expect(isEligible(chunk(access), nodes.ownOtherEngine, membership)).toBe(false);
    }
  });
});

describe('matching', () => {
  const membership = new GuildMembershipSet();

  it('gives each chunk to the eligible node with most free slots and respects capacity', () => {
    const a = node('a', { userId: OWNER, free: 1 });
    const b = node('b', { userId: OWNER, free: 3 });
    const c = node('c', { free: 5 }); // not eligible for private work
    const chunks = Array.from({ length: 6 }, () => chunk('private'));
    const out = matchChunks(chunks, [a, b, c], membership);
    expect(out.map((m) => m.nodeId)).toEqual(['b', 'b', 'a', 'b']);
    expect(a.free + b.free).toBe(0);
    expect(c.free).toBe(5);
  });

  it('avoids a node a chunk failed on when another can take it', () => {
    const a = node('a', { userId: OWNER, free: 4 });
    const b = node('b', { userId: OWNER, free: 1 });
    const failed = chunk('private');
    const out = matchChunks([failed], [a, b], membership, (id) =>
      id === failed.id ? new Set(['a']) : undefined,
    );
    expect(out[0]!.nodeId).toBe('b');
    const alone = node('a', { userId: OWNER, free: 4 });
    const again = matchChunks([failed], [alone], membership, () => new Set(['a']));
    expect(again[0]!.nodeId).toBe('a');
  });

  it('avoids the nodes of owners that lost a chunk while another owner’s node may take it', () => {
    const lost = chunk('public', { failedOwners: ['relay-1', 'relay-2'] });
    const relay = [
      node('r1', { userId: 'relay-1', allowsPublic: true, free: 128 }),
      node('r2', { userId: null, id: 'relay-2', allowsPublic: true, free: 128 }),
    ];
    const honest = node('h', { allowsPublic: true, free: 1 });
    expect(matchChunks([lost], [...relay, honest], membership)[0]!.nodeId).toBe('h');
    // alone, a node that lost it runs it again (a volunteer whose connection dropped)
    expect(
      matchChunks([lost], [node('r1', { userId: 'relay-1', allowsPublic: true })], membership),
    ).toHaveLength(1);
  });

  it('keeps an avoided chunk for another node that is full now, and gives it nothing else', () => {
    const late = node('a', { userId: OWNER, free: 4 });
    const full = node('b', { userId: OWNER, free: 0 });
    const avoided = chunk('private');
    const other = chunk('private');
    const out = matchChunks([avoided, other], [late, full], membership, (id) =>
      id === avoided.id ? new Set(['a']) : undefined,
    );
    expect(out).toEqual([{ chunk: other, nodeId: 'a' }]);
    expect(full.free).toBe(0);
  });

  it('draws a copy’s owner uniformly: a node with many slots is not handed most copies', () => {
    const random = seededRandom(7);
    const taken = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const big = node('big', { userId: 'attacker', allowsPublic: true, free: 1024 });
      const honest = ['h1', 'h2', 'h3'].map((id) =>
        node(id, { userId: `user-${id}`, allowsPublic: true, free: 2 }),
      );
      const [m] = matchChunks(
        [chunk('public', { role: 'replica' })],
        [big, ...honest],
        membership,
        undefined,
        undefined,
        random,
      );
      taken.set(m!.nodeId, (taken.get(m!.nodeId) ?? 0) + 1);
    }
    // by slots the 1,024-slot node took every one; per owner each takes about a quarter
    for (const id of ['big', 'h1', 'h2', 'h3']) expect(taken.get(id)! / 3000).toBeGreaterThan(0.2);
    expect(taken.get('big')! / 3000).toBeLessThan(0.3);
    // an original still goes by free slots
    const big = node('big', { userId: 'attacker', allowsPublic: true, free: 1024 });
    const small = node('small', { allowsPublic: true, free: 2 });
    expect(matchChunks([chunk('public')], [small, big], membership)[0]!.nodeId).toBe('big');
  });

  it('an owner’s many nodes count as one owner in the draw', () => {
    const random = seededRandom(3);
    let attacker = 0;
    for (let i = 0; i < 2000; i++) {
      const many = Array.from({ length: 9 }, (_, k) =>
        node(`a${k}`, { userId: 'attacker', allowsPublic: true }),
      );
      const honest = node('h', { userId: 'honest', allowsPublic: true });
      const [m] = matchChunks(
        [chunk('public', { role: 'arbiter' })],
        [...many, honest],
        membership,
        undefined,
        undefined,
        random,
      );
      if (m!.nodeId !== 'h') attacker++;
    }
    expect(attacker / 2000).toBeGreaterThan(0.45);
    expect(attacker / 2000).toBeLessThan(0.55);
  });

  it('keeps a reserved chunk for the nodes it is reserved for, even full, and gives others the rest', () => {
    const anchor = node('anchor', { userId: 'platform', allowsPublic: true, free: 0 });
    const other = node('other', { allowsPublic: true, free: 8 });
    const audit = chunk('public', { role: 'replica', audit: true });
    const replica = chunk('public', { role: 'replica' });
    const gate = {
      allows: () => true,
      reserved: (c: PendingChunk, n: MatchNode) => c.audit === true && n.id === 'anchor',
      taken: () => {},
    };
    expect(matchChunks([audit, replica], [other, anchor], membership, undefined, gate)).toEqual([
      { chunk: replica, nodeId: 'other' },
    ]);
    anchor.free = 1;
    expect(matchChunks([audit], [other, anchor], membership, undefined, gate)).toEqual([
      { chunk: audit, nodeId: 'anchor' },
    ]);
    // with none connected, anyone the gate allows
    expect(matchChunks([audit], [other], membership, undefined, gate)).toEqual([
      { chunk: audit, nodeId: 'other' },
    ]);
  });
});
