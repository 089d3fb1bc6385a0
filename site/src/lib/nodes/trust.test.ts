import { describe, expect, it } from 'vitest';
import { DEFAULT_TRUST_THRESHOLD, nodeTrust } from './trust';

describe('node trust', () => {
  it('says a quarantined node gets no work, whatever its streak', () => {
    const t = nodeTrust({ trust_streak: 50, mismatches: 3, quarantined_at: '2026-11-27T08:00:00Z' });
    expect(t.state).toBe('quarantined');
    expect(t.label).toBe('quarantined');
    expect(t.explanation).toContain('disagreed');
    expect(t.explanation).toContain('no more work');
  });

  it('counts the confirmed results left before a node is trusted', () => {
    expect(nodeTrust({ trust_streak: 0, mismatches: 0, quarantined_at: null })).toMatchObject({
      state: 'unverified',
      explanation: expect.stringContaining(`${DEFAULT_TRUST_THRESHOLD} more results are confirmed`),
    });
    const one = nodeTrust({ trust_streak: DEFAULT_TRUST_THRESHOLD - 1, mismatches: 1, quarantined_at: null });
    expect(one.explanation).toMatch(/A result of this node disagreed.*1 more result is confirmed/);
  });

  it('never reads as untrusted for the owner’s own sims, and names a platform node', () => {
    const fresh = nodeTrust({ trust_streak: 0, mismatches: 0, quarantined_at: null });
    expect(fresh.label).toBe('trusted for your sims');
    expect(fresh.explanation).toMatch(/^Your own sims trust it by construction/);
    const platform = nodeTrust({ trust_streak: 0, mismatches: 0, quarantined_at: null, platform_node: true });
    expect(platform).toMatchObject({ state: 'trusted', label: 'platform node' });
  });

  it('is trusted at the threshold (configurable)', () => {
    expect(
      nodeTrust({ trust_streak: DEFAULT_TRUST_THRESHOLD, mismatches: 0, quarantined_at: null }).state,
    ).toBe('trusted');
    expect(nodeTrust({ trust_streak: 3, mismatches: 0, quarantined_at: null }, 3).state).toBe('trusted');
    expect(nodeTrust({ trust_streak: 2, mismatches: 0, quarantined_at: null }, 3).state).toBe('unverified');
  });
});
