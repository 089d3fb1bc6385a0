import { describe, expect, it } from 'vitest';
import { specs, talentsFromLoadout } from '@wowlab/sim-core';
import { REAL } from '@wowlab/sim-core/testing/talent-strings';
import { pasteTalents } from './talent-paste';

const bm = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig().player.talents;

describe('pasteTalents', () => {
  it('turns a real Beast Mastery string into the talents to check and lists every talent of it', () => {
    const r = pasteTalents(`  ${REAL.bmPackLeader}\n`, 'bm-hunter', bm);
    if (!r.ok) throw new Error(r.message);
    const expected = talentsFromLoadout(REAL.bmPackLeader, { expected: 'bm-hunter', base: bm });
    expect(r.talents.keys).toEqual(expected.keys);
    expect(r.talents.switchedSpec).toBe(false);
    expect(r.talents.modelled.length).toBe(expected.modelled.length);
    expect(r.talents.ignored.length).toBe(expected.ignored.length);
    expect(r.talents.ignored.length).toBeGreaterThan(0); // never dropped silently
    expect(r.talents.ignored.every((t) => t.reason.length > 0)).toBe(true);
    expect(r.talents.modelled.length + r.talents.baseline.length + r.talents.ignored.length).toBe(
      expected.decoded.talents.length,
    );
  });

  it('a Marksmanship string in a Beast Mastery form switches the spec', () => {
    const r = pasteTalents(REAL.mmDarkRanger, 'bm-hunter', bm);
    if (!r.ok) throw new Error(r.message);
    expect(r.talents.spec).toBe('mm-hunter');
    expect(r.talents.switchedSpec).toBe(true);
    const mm = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig().player.talents;
    expect(r.talents.keys).toEqual(talentsFromLoadout(REAL.mmDarkRanger, { base: mm }).keys);
  });

  it('answers an empty or damaged paste in words', () => {
    expect(pasteTalents('   ', 'bm-hunter', bm)).toEqual({
      ok: false,
      message: 'Paste the string from the game (Talents → Share → Copy to clipboard).',
    });
    const damaged = pasteTalents(REAL.bmDarkRanger.slice(0, 40), 'bm-hunter', bm);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) {
      expect(damaged.message.length).toBeGreaterThan(10);
      expect(damaged.message).not.toMatch(/Error|undefined|at \w+ \(/);
    }
  });
});
