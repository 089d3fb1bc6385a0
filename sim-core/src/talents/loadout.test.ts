import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter } from './bit-stream.ts';
import { HUNTER_TRAIT_ROWS } from './hunter-tree.ts';
import { decodeLoadout, encodeLoadout, LoadoutError } from './loadout.ts';
import { HUNTER_NODE_BY_ID, HUNTER_NODES } from './tree.ts';
import { REAL } from './test-strings.ts';

/** A header of any spec, as the game writes it, followed by `rest` (0 bits). */
function headerOnly(specId: number, version = 2, restBits = 0): string {
  const w = new BitWriter();
  w.write(8, version);
  w.write(16, specId);
  for (let i = 0; i < 16; i++) w.write(8, 0);
  for (let i = 0; i < restBits; i++) w.write(1, 0);
  return w.finish();
}

function names(s: string): string[] {
  return decodeLoadout(s).talents.map((t) => t.name);
}

describe('the bit stream', () => {
  it('packs values least significant bit first across characters, as ExportUtil.lua does', () => {
    const w = new BitWriter();
    w.write(8, 2); // the version: low 6 bits 000010 → 'C', the high 2 bits start the next char
    w.write(16, 253);
    const s = w.finish();
    expect(s.startsWith('C0P')).toBe(true); // every format-2 BM string starts so (see REAL)
    const r = new BitReader(s);
    expect([r.read(8), r.read(16)]).toEqual([2, 253]);
  });

  it('reports reading past the end instead of inventing bits', () => {
    const r = new BitReader('A');
    r.read(7);
    expect(r.overrun).toBe(true);
  });
});

describe('the Hunter tree', () => {
  it('has 209 nodes in ascending id (a real string then ends within its last character, see below)', () => {
    expect(HUNTER_NODES).toHaveLength(209);
    for (let i = 1; i < HUNTER_NODES.length; i++)
      expect(HUNTER_NODES[i]!.id).toBeGreaterThan(HUNTER_NODES[i - 1]!.id);
  });

  it('never mixes entries with and without a selection index in one node (the order is total)', () => {
    for (const n of HUNTER_NODES) {
      const withIndex = n.entries.filter((e) => e.selectionIndex !== -1).length;
      expect([0, n.entries.length]).toContain(withIndex);
    }
    expect(HUNTER_TRAIT_ROWS).toHaveLength(237);
  });

  it('orders choice entries as SimulationCraft does (selection index, else higher entry id first)', () => {
    expect(HUNTER_NODE_BY_ID.get(102361)!.entries.map((e) => e.name)).toEqual([
      'Animal Companion', // selection_index 100
      'Solitary Companion', // 200
    ]);
    expect(HUNTER_NODE_BY_ID.get(99832)!.entries.map((e) => e.heroTree)).toEqual([
      'Dark Ranger', // entry 123348
      'Pack Leader', // entry 123347
    ]);
  });
});

describe('decodeLoadout on real strings', () => {
  it('reads the SimulationCraft BM Dark Ranger profile: spec, hero tree, ranks, choices, granted talents', () => {
    const d = decodeLoadout(REAL.bmDarkRanger);
    expect(d.version).toBe(2);
    expect(d.specId).toBe(253);
    expect(d.treeHash).toEqual(new Array(16).fill(0));
    expect(d.heroTree).toBe('Dark Ranger');
    expect(d.unknownNodes).toEqual([]);
    const by = new Map(d.talents.map((t) => [t.name, t]));
    expect(by.get('Killer Instinct')).toMatchObject({
      nodeId: 102364,
      spellId: 273887,
      rank: 2,
      maxRanks: 2,
    });
    expect(by.get('Bloody Frenzy')).toMatchObject({ nodeId: 102339, spellId: 407412, rank: 1 });
    expect(by.get('Kill Shot')).toMatchObject({ nodeId: 102378, granted: true, tree: 'class' });
    expect(by.get('Black Arrow')).toMatchObject({ granted: true, active: true, heroTree: 'Dark Ranger' });
    // the game grants both hero keystones; the unused tree's is not the player's talent
    expect(by.get('Howl of the Pack Leader')).toMatchObject({ granted: true, active: false });
    expect(d.talents).toHaveLength(70);
    expect(names(REAL.bmDarkRanger)).not.toContain('Wild Call');
  });

  it('reads the Pack Leader and Marksmanship profiles', () => {
    const pl = decodeLoadout(REAL.bmPackLeader);
    expect(pl.heroTree).toBe('Pack Leader');
    expect(pl.talents.find((t) => t.name === 'Howl of the Pack Leader')).toMatchObject({ active: true });
    expect(pl.talents.find((t) => t.name === 'Black Arrow')).toMatchObject({ active: false });
    const mm = decodeLoadout(REAL.mmDarkRanger);
    expect(mm.specId).toBe(254);
    expect(mm.heroTree).toBe('Dark Ranger');
    expect(names(REAL.mmDarkRanger)).toEqual(
      expect.arrayContaining(['Aimed Shot', 'Trueshot', 'Lock and Load', 'Unmatched Precision', 'Headshot']),
    );
    expect(mm.unknownNodes).toEqual([]);
  });

  it('writes every real string back character for character', () => {
    for (const s of Object.values(REAL)) {
      const d = decodeLoadout(s);
      const again = encodeLoadout({
        specId: d.specId,
        heroTree: d.heroTree,
        treeHash: d.treeHash,
        talents: d.talents.map((t) => ({
          nodeId: t.nodeId,
          spellId: t.spellId,
          rank: t.rank,
          granted: t.granted,
        })),
      });
      expect(again).toBe(s);
    }
  });
});

describe('encodeLoadout → decodeLoadout', () => {
  it('keeps nodes, partial ranks, choice options, granted talents, the hero tree and the tree hash', () => {
    const input = {
      specId: 254,
      heroTree: 'Sentinel',
      treeHash: Array.from({ length: 16 }, (_, i) => i * 16 + 1),
      talents: [
        { nodeId: 102399, spellId: 53351, rank: 1 }, // MM Kill Shot: a starter, granted by default
        { nodeId: 102396, spellId: 459534, rank: 1 }, // Trigger Finger 1 of 2
        { nodeId: 103957, spellId: 470945 }, // Aspect of the Hydra: option 2 of a choice
        { nodeId: 103987, spellId: 378767 }, // Focused Aim: option 3
        { nodeId: 103982, spellId: 19434 }, // Aimed Shot
        { nodeId: 94976, spellId: 450369, granted: true }, // Sentinel keystone
        { nodeId: 94978, spellId: 450385 }, // Lunar Storm
      ],
    };
    const d = decodeLoadout(encodeLoadout(input));
    expect(d.specId).toBe(254);
    expect(d.heroTree).toBe('Sentinel');
    expect(d.treeHash).toEqual(input.treeHash);
    expect(d.talents.map((t) => [t.nodeId, t.spellId, t.rank, t.granted, t.active])).toEqual([
      [94976, 450369, 1, true, true],
      [94978, 450385, 1, false, true],
      [102396, 459534, 1, false, true],
      [102399, 53351, 1, true, true],
      [103957, 470945, 1, false, true],
      [103982, 19434, 1, false, true],
      [103987, 378767, 1, false, true],
    ]);
  });

  it('an empty loadout of each hunter spec is the header and 209 unselected nodes', () => {
    for (const specId of [253, 254, 255]) {
      const s = encodeLoadout({ specId, talents: [] });
      expect(s).toBe(headerOnly(specId, 2, 209));
      expect(decodeLoadout(s)).toMatchObject({ specId, heroTree: null, talents: [], unknownNodes: [] });
    }
  });

  it('refuses nodes, options, ranks and hero trees the spec cannot have', () => {
    const bad = (talents: Parameters<typeof encodeLoadout>[0]['talents'], heroTree?: string) => () =>
      encodeLoadout({ specId: 253, talents, heroTree });
    expect(bad([{ nodeId: 1 }])).toThrow('The Hunter talent tree has no talent node 1');
    expect(bad([{ nodeId: 103982 }])).toThrow(
      'Aimed Shot (node 103982) is not a Beast Mastery Hunter talent',
    );
    expect(bad([{ nodeId: 102364, rank: 3 }])).toThrow('Killer Instinct has 1 to 2 ranks (got 3)');
    expect(bad([{ nodeId: 102361, spellId: 1 }])).toThrow('has no option with spell 1');
    expect(bad([], 'Sentinel')).toThrow('a Beast Mastery Hunter has no hero tree "Sentinel"');
    expect(bad([{ nodeId: 102364 }, { nodeId: 102364 }])).toThrow('listed twice');
  });
});

describe('decodeLoadout errors, in words', () => {
  it('names the class and spec of a string that is not a hunter’s', () => {
    expect(() => decodeLoadout(headerOnly(64, 2, 300))).toThrow(
      'This talent string is for a Frost Mage, not a hunter',
    );
    expect(() => decodeLoadout(headerOnly(71, 2, 300))).toThrow(
      'This talent string is for an Arms Warrior, not a hunter',
    );
  });

  it('says a truncated or padded string is damaged or incomplete', () => {
    expect(() => decodeLoadout(REAL.bmDarkRanger.slice(0, 60))).toThrow(
      /^This string is damaged or incomplete$/,
    );
    expect(() => decodeLoadout(REAL.bmDarkRanger.slice(0, 20))).toThrow(
      /^This string is damaged or incomplete$/,
    );
    expect(() => decodeLoadout(REAL.bmDarkRanger + 'AAB')).toThrow(
      'This string is damaged or incomplete (it has more nodes than the 209 of the Hunter talent tree), or it comes from a game version other than 11.2.5.63796',
    );
  });

  it('refuses other characters, other export formats and empty text', () => {
    expect(() => decodeLoadout('C0P-AAA')).toThrow(
      'This is not a talent string: "-" (character 4) cannot appear in one',
    );
    expect(() => decodeLoadout(headerOnly(253, 1, 300))).toThrow(
      'This talent string has export format 1; only format 2 (The War Within) can be read',
    );
    expect(() => decodeLoadout('  ')).toThrow(LoadoutError);
    expect(() => decodeLoadout('C'.repeat(600))).toThrow('at most 512 characters');
  });

  it('accepts surrounding white space (a pasted line)', () => {
    expect(decodeLoadout(`  ${REAL.bmPackLeader}\n`).heroTree).toBe('Pack Leader');
  });

  it('lists a selected node of another spec as unknown instead of using it', () => {
    // an MM string whose bits for the BM node Kill Command were flipped on: a string of another build
    const s = encodeLoadout({ specId: 254, talents: [{ nodeId: 103982 }] });
    const d = decodeLoadout(s);
    expect(d.unknownNodes).toEqual([]);
    const forged = new BitWriter();
    forged.write(8, 2);
    forged.write(16, 254);
    for (let i = 0; i < 16; i++) forged.write(8, 0);
    for (const n of HUNTER_NODES) {
      const on = n.id === 102346 || n.id === 103982; // BM Kill Command, MM Aimed Shot
      forged.write(1, on ? 1 : 0);
      if (on) forged.write(3, 0b000 | 1); // purchased, full rank, no choice
    }
    const f = decodeLoadout(forged.finish());
    expect(f.unknownNodes).toEqual([
      { nodeId: 102346, reason: 'Kill Command (node 102346) is a Beast Mastery Hunter talent' },
    ]);
    expect(f.talents.map((t) => t.name)).toEqual(['Aimed Shot']);
  });
});

describe('decodeLoadout on arbitrary text', () => {
  /** A small deterministic generator (the test needs variety, not quality). */
  function lcg(seed: number): () => number {
    let x = seed >>> 0;
    return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  }
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  it('either decodes or throws a LoadoutError, for random strings and damaged real ones', () => {
    const rnd = lcg(18);
    const inputs: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const len = Math.floor(rnd() * 140);
      let s = i % 2 === 0 ? 'C0P' : 'C4P'; // valid headers, so the node walk is exercised
      for (let k = 0; k < len; k++) s += ALPHABET[Math.floor(rnd() * 64)];
      inputs.push(s);
    }
    for (const real of Object.values(REAL)) {
      for (let i = 0; i < 300; i++) {
        const at = Math.floor(rnd() * real.length);
        inputs.push(real.slice(0, at) + ALPHABET[Math.floor(rnd() * 64)] + real.slice(at + 1));
      }
    }
    let decoded = 0;
    for (const s of inputs) {
      try {
        const d = decodeLoadout(s);
        decoded++;
        for (const t of d.talents) {
          expect(t.rank).toBeGreaterThanOrEqual(1);
          expect(t.rank).toBeLessThanOrEqual(t.maxRanks);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(LoadoutError);
      }
    }
    expect(decoded).toBeGreaterThan(0); // some one-character changes still make a valid loadout
  });
});
