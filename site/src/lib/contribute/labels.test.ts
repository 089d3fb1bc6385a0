import { describe, expect, it } from 'vitest';
import { phaseLabel } from './labels';

describe('phaseLabel', () => {
  it('says a rate-limited tab is rate-limited, not just reconnecting', () => {
    expect(phaseLabel('reconnecting', null)).toBe('Reconnecting…');
    expect(
      phaseLabel(
        'reconnecting',
        null,
        false,
        'rate-limited: too many new nodes registered from this address',
      ),
    ).toBe('Rate-limited, retrying soon…');
  });

  it('a tab running only the player’s own sim says so', () => {
    expect(phaseLabel('contributing', null)).toBe('Contributing');
    expect(phaseLabel('contributing', null, true)).toBe('Running your sim');
  });
});
