import { describe, expect, it } from 'vitest';
import type { NodePermission } from '$lib/api/types';
import {
  checkNodeEdit,
  claimRequest,
  formFromRows,
  parseForm,
  rowsFromParsed,
  splitList,
  summarize,
} from './permissions';

const NODE = '11111111-1111-4111-8111-111111111111';
const U1 = '22222222-2222-4222-8222-222222222222';

describe('node permissions form', () => {
  it('splits lists on commas, spaces and new lines, dropping @ and duplicates', () => {
    expect(splitList(' @alice, bob\nalice ;carol ')).toEqual(['alice', 'bob', 'carol']);
  });

  it('turns rows into a form, showing handles where known', () => {
    const rows: NodePermission[] = [
      { node_id: NODE, access_type: 'public', target_id: null },
      { node_id: NODE, access_type: 'user', target_id: U1 },
      { node_id: NODE, access_type: 'discord', target_id: '123456789012345678' },
    ];
    expect(formFromRows(rows, new Map([[U1, 'alice']]))).toEqual({
      public: true,
      users: 'alice',
      discord: '123456789012345678',
    });
  });

  it('validates handles and Discord ids and lists every problem', () => {
    const p = parseForm({ public: false, users: 'alice, not a handle!', discord: '123, 123456789012345678' });
    expect(p.handles).toEqual(['alice', 'not']);
    expect(p.problems.some((x) => x.includes('"a"'))).toBe(true);
    expect(p.problems.some((x) => x.includes('handle!'))).toBe(true);
    expect(p.problems.some((x) => x.includes('"123"'))).toBe(true);
    expect(p.discordIds).toEqual(['123456789012345678']);
  });

  it('builds rows after resolving handles and reports unknown handles', () => {
    const parsed = parseForm({ public: true, users: `alice, ghost, ${U1}`, discord: '123456789012345678' });
    const { rows, problems } = rowsFromParsed(NODE, parsed, new Map([['alice', U1]]));
    expect(problems).toEqual(['No user with the handle "ghost".']);
    expect(rows).toEqual([
      { node_id: NODE, access_type: 'public', target_id: null },
      { node_id: NODE, access_type: 'user', target_id: U1 },
      { node_id: NODE, access_type: 'discord', target_id: '123456789012345678' },
    ]);
    expect(summarize(rows)).toBe('public, 1 user, 1 Discord server');
    expect(summarize([])).toBe('only me');
  });

  it('checks node name and max parallel against the core count', () => {
    expect(checkNodeEdit('box', 4, 8)).toEqual([]);
    expect(checkNodeEdit('', 4, 8)).toHaveLength(1);
    expect(checkNodeEdit('box', 9, 8)[0]).toMatch(/1 to 8/);
    expect(checkNodeEdit('box', 2.5, null)).toHaveLength(1);
  });
});

describe('claimRequest', () => {
  it('leaves name and max parallel to the node when the form leaves them blank', () => {
    expect(claimRequest(' k7q 2xw ', '', '')).toEqual({
      problems: [],
      request: { code: 'k7q2xw', name: null, maxParallel: null },
    });
  });

  it('passes what the player typed, checked', () => {
    expect(claimRequest('ABCDEF', ' Alice box ', '3').request).toEqual({
      code: 'ABCDEF',
      name: 'Alice box',
      maxParallel: 3,
    });
    expect(claimRequest('ABC', 'x', 0).problems).toEqual([
      'Max parallel must be a whole number from 1 to 256.',
      'Enter the claim code shown by the node.',
    ]);
  });
});

describe('splitStaleTabs', () => {
  it('folds away browser tabs offline for over a week, never headless nodes or recent tabs', async () => {
    const { splitStaleTabs, STALE_TAB_MS } = await import('./permissions');
    const now = Date.parse('2026-12-05T00:00:00Z');
    const old = new Date(now - STALE_TAB_MS - 1000).toISOString();
    const recent = new Date(now - 1000).toISOString();
    const nodes = [
      { id: 'a', kind: 'browser', status: 'offline', last_seen_at: old },
      { id: 'b', kind: 'browser', status: 'offline', last_seen_at: recent },
      { id: 'c', kind: 'headless', status: 'offline', last_seen_at: old },
      { id: 'd', kind: 'browser', status: 'online', last_seen_at: old },
    ];
    const { current, staleTabs } = splitStaleTabs(nodes, now);
    expect(staleTabs.map((n) => n.id)).toEqual(['a']);
    expect(current.map((n) => n.id)).toEqual(['b', 'c', 'd']);
  });
});
