import { describe, expect, it } from 'vitest';
import { decodeLoadout, encodeLoadout, specs } from '@wowlab/sim-core';
import {
  changeSentence,
  ignoredByReason,
  listInWords,
  pasteStatus,
  readTalentString,
  type PastedTalents,
} from './talent-paste';
import { REAL } from '@wowlab/sim-core/testing/talent-strings';

const defaults = (id: 'bm-hunter' | 'mm-hunter') =>
  specs.find((s) => s.id === id)!.defaultConfig().player.talents;

function ok(text: string, spec: 'bm-hunter' | 'mm-hunter', current: readonly string[]): PastedTalents {
  const r = readTalentString(text, spec, current);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.talents;
}

describe('readTalentString', () => {
  it('turns a real Beast Mastery string into its modelled keys and lists every other talent', () => {
    const t = ok(REAL.bmDarkRanger, 'bm-hunter', defaults('bm-hunter'));
    expect(t).toMatchObject({ spec: 'bm-hunter', specName: 'Beast Mastery Hunter', heroTree: 'Dark Ranger' });
    expect(t.modelled.map((m) => m.key).sort()).toEqual(
      [
        'alpha_predator',
        'animal_companion',
        'banshees_mark',
        'barbed_wrath',
        'black_arrow',
        'bleak_arrows',
        'bleak_powder',
        'bloodshed',
        'call_of_the_wild',
        'deathblow',
        'dire_beast',
        'ebon_bowstring',
        'killer_instinct',
        'pack_tactics',
        'soul_drinker',
        'the_bell_tolls',
        'thrill_of_the_hunt',
        'umbral_reach',
        'withering_fire',
        // the spec tree's talents of SimC's default BM profile (sim-core bm-hunter/spec-talents.ts)
        'barbed_scales',
        'dire_command',
        'dire_frenzy',
        'go_for_the_throat',
        'huntmasters_call',
        'laceration',
        'savagery',
        'snakeskin_quiver',
        'stomp',
        'training_expert',
        'war_orders',
        'wildspeaker',
        // and of its Dark Ranger profile (sim-core bm-hunter/spec-talents.ts, bloody-frenzy.ts)
        'bloody_frenzy',
        'hunters_prey',
        'master_handler',
        // the class tree's (sim-core specs/class-tree.ts)
        'blackrock_munitions',
        'harmonize',
        'keen_eyesight',
        'serrated_tips',
        'specialized_arsenal',
        'trigger_finger',
        'unnatural_causes',
      ].sort(),
    );
    // the defaults' Wild Call and Kill Cleave are not in this string, so they are off
    expect(t.keys).not.toContain('wild_call');
    expect(t.keys).not.toContain('kill_cleave');
    expect(t.modelled.find((m) => m.key === 'killer_instinct')).toEqual({
      key: 'killer_instinct',
      name: 'Killer Instinct 2/2',
      note: null,
    });
    expect(t.baseline).toContain('Kill Command');
    expect(t.ignored.map((i) => i.name)).not.toContain('Black Arrow');
    expect(t.ignored).toContainEqual({ name: 'Shadow Dagger', reason: 'not modelled yet' });
    expect(t.ignored).toContainEqual({
      name: 'Howl of the Pack Leader',
      reason: 'a Pack Leader talent, and this loadout uses Dark Ranger',
    });
    expect(t.modelled).toContainEqual({ key: 'dire_frenzy', name: 'Dire Frenzy 2/2', note: null });
    // nothing dropped: every talent of the string is in exactly one list
    expect(t.modelled.length + t.baseline.length + t.ignored.length).toBe(
      decodeLoadout(REAL.bmDarkRanger).talents.length,
    );
    // every BM default is a tree talent (the weapon enchant is the config's gear, not a talent)
    expect(t.kept).toEqual([]);
    expect(t.keys).toEqual(t.modelled.map((m) => m.key));
    expect(t.unknown).toEqual([]);
  });

  it('keeps an option that is no talent of the tree only when the talents it replaces had it', () => {
    expect(ok(REAL.bmDarkRanger, 'bm-hunter', ['wild_call']).kept).toEqual([]);
    // careful_aim is no talent of the 11.2 tree: kept from the base; trick_shots is one the
    // string does not take: off
    const mm = ok(REAL.mmDarkRanger, 'mm-hunter', ['careful_aim', 'trick_shots']);
    const modelled = mm.modelled.map((m) => m.key);
    expect(mm.keys.sort()).toEqual([...modelled, 'careful_aim'].sort());
    expect(mm.keys).not.toContain('trick_shots');
    expect(modelled).toEqual(
      expect.arrayContaining(['black_arrow', 'deathblow', 'explosive_shot', 'lock_and_load', 'streamline']),
    );
  });

  it('reads a SimulationCraft talents= line and surrounding blanks like the bare string', () => {
    const bare = ok(REAL.mmDarkRanger, 'mm-hunter', defaults('mm-hunter'));
    expect(ok(`  talents=${REAL.mmDarkRanger}\n`, 'mm-hunter', defaults('mm-hunter'))).toEqual(bare);
    expect(readTalentString('  \n', 'mm-hunter', [])).toEqual({ kind: 'empty' });
  });

  it('says a string of the other spec is for that spec, and reads it for that spec', () => {
    const r = readTalentString(REAL.mmDarkRanger, 'bm-hunter', defaults('bm-hunter'));
    expect(r.kind).toBe('other-spec');
    if (r.kind !== 'other-spec') return;
    expect(r.message).toBe('This talent string is for a Marksmanship Hunter, but the spec is Beast Mastery.');
    expect(r.talents.spec).toBe('mm-hunter');
    expect(r.talents.specName).toBe('Marksmanship Hunter');
    // read against the other spec's own defaults: its kept options are that spec's (the options
    // of its defaults that are no talents of the tree), the rest is the string's
    const mmDefaults = defaults('mm-hunter');
    const modelled = r.talents.modelled.map((m) => m.key);
    expect(r.talents.kept.map((k) => k.key).sort()).toEqual(['eyes_in_the_sky']);
    for (const k of r.talents.kept) expect(mmDefaults).toContain(k.key);
    expect(r.talents.keys.sort()).toEqual([...modelled, 'eyes_in_the_sky'].sort());
    // the Dark Ranger talents of the string
    expect(modelled).toEqual(expect.arrayContaining(['black_arrow', 'banshees_mark', 'withering_fire']));
  });

  it('refuses damaged strings and a spec that is not simulated in the player’s words', () => {
    const cut = readTalentString(REAL.bmDarkRanger.slice(0, 40), 'bm-hunter', []);
    expect(cut).toMatchObject({ kind: 'error' });
    if (cut.kind === 'error') {
      expect(cut.message).toMatch(/^This string is damaged or incomplete/);
      expect(cut.message).toMatch(/\.$/);
      expect(cut.message).not.toMatch(/Error|at .*\.ts/);
    }
    expect(readTalentString(`C0P-${REAL.bmDarkRanger.slice(4)}`, 'bm-hunter', [])).toEqual({
      kind: 'error',
      message: 'This is not a talent string: "-" (character 4) cannot appear in one.',
    });
    expect(readTalentString(encodeLoadout({ specId: 255, talents: [] }), 'bm-hunter', [])).toEqual({
      kind: 'error',
      message:
        'This talent string is for a Survival Hunter: only Beast Mastery and Marksmanship are simulated here.',
    });
  });

  it('a partial rank of a ranked talent becomes its key:N entry, with no note', () => {
    const s = encodeLoadout({ specId: 253, heroTree: 'Pack Leader', talents: [{ nodeId: 102364, rank: 1 }] });
    const t = ok(s, 'bm-hunter', []);
    expect(t.keys).toContain('killer_instinct:1');
    expect(t.modelled).toEqual([{ key: 'killer_instinct:1', name: 'Killer Instinct 1/2', note: null }]);
  });
});

describe('pasteStatus', () => {
  const pasted = ok(REAL.bmDarkRanger, 'bm-hunter', defaults('bm-hunter'));

  it('follows the talents toggled after the paste, and back', () => {
    expect(pasteStatus(pasted, 'bm-hunter', pasted.keys)).toEqual({ changed: false, added: [], removed: [] });
    const without = pasted.keys.filter((k) => k !== 'dire_beast');
    expect(pasteStatus(pasted, 'bm-hunter', [...without, 'wild_call'])).toEqual({
      changed: true,
      added: ['Wild Call'],
      removed: ['Dire Beast'],
    });
    expect(changeSentence(pasteStatus(pasted, 'bm-hunter', [...without, 'wild_call'])!)).toBe(
      'Changed since the paste: added Wild Call; turned off Dire Beast.',
    );
    expect(changeSentence(pasteStatus(pasted, 'bm-hunter', without)!)).toBe(
      'Changed since the paste: turned off Dire Beast.',
    );
    expect(changeSentence(pasteStatus(pasted, 'bm-hunter', pasted.keys)!)).toBeNull();
    // toggled back in another order: the same talents as the string again
    expect(pasteStatus(pasted, 'bm-hunter', [...without, 'dire_beast'])).toMatchObject({ changed: false });
  });

  it('has nothing to say once the spec is another one', () => {
    expect(pasteStatus(pasted, 'mm-hunter', defaults('mm-hunter'))).toBeNull();
  });
});

describe('words', () => {
  it('joins names as a sentence and groups ignored talents by reason, the largest group first', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['A'])).toBe('A');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(
      ignoredByReason([
        { name: 'X', reason: 'hero' },
        { name: 'A', reason: 'not modelled yet' },
        { name: 'B', reason: 'not modelled yet' },
      ]),
    ).toEqual([
      { reason: 'Not modelled yet', names: ['A', 'B'] },
      { reason: 'Hero', names: ['X'] },
    ]);
  });
});
