/**
 * Shadow Hounds (430707) and Phantom Pain (467941), each a choice node of the Dark Ranger tree
 * (against Soul Drinker and Ebon Bowstring), are modelled: a pasted loadout with them maps them to
 * their keys instead of listing them as not modelled, for both specs.
 */
import { describe, expect, it } from 'vitest';
import { encodeLoadout } from '../../talents/loadout.ts';
import { talentsFromLoadout } from '../../talents/resolve.ts';

describe('Dark Ranger choice talents in a pasted loadout', () => {
  for (const specId of [253, 254]) {
    it(`spec ${specId}: Shadow Hounds and Phantom Pain are modelled, not ignored`, () => {
      const s = encodeLoadout({
        specId,
        heroTree: 'Dark Ranger',
        talents: [
          { nodeId: 94987 }, // Black Arrow
          { nodeId: 94983, spellId: 430707 }, // Shadow Hounds (choice with Soul Drinker)
          { nodeId: 94986, spellId: 467941 }, // Phantom Pain (choice with Ebon Bowstring)
        ],
      });
      const r = talentsFromLoadout(s);
      expect(r.modelled.map((t) => [t.key, t.spellId])).toEqual(
        expect.arrayContaining([
          ['shadow_hounds', 430707],
          ['phantom_pain', 467941],
        ]),
      );
      expect(r.ignored.map((t) => t.name)).not.toContain('Shadow Hounds');
      expect(r.ignored.map((t) => t.name)).not.toContain('Phantom Pain');
      expect(r.keys).toEqual(expect.arrayContaining(['shadow_hounds', 'phantom_pain']));
    });
  }
});
