import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  parseConfig,
  SCALE_DELTA,
  specs,
  statWeightVariantName,
  WEIGHED_STATS,
} from '@wowlab/sim-core';
import { configFromForm, formFromConfig, type BuilderForm } from './builder';
import { VariantEditor } from './variant-editor.svelte';

function setup() {
  let form: BuilderForm = formFromConfig(specs[0]!.defaultConfig());
  const config = () => {
    try {
      return parseConfig(configFromForm(form, ENGINE_VERSION));
    } catch {
      return null;
    }
  };
  const editor = new VariantEditor({ getForm: () => form, setForm: (f) => (form = f), config });
  return { editor, form: () => form, set: (f: BuilderForm) => (form = f), config };
}

describe('VariantEditor', () => {
  it('adds a copy of the base, edits it in the form, and brings the base back', () => {
    const s = setup();
    const baseAgility = s.form().stats.agility;
    s.editor.add();
    expect(s.editor.variants.map((v) => v.name)).toEqual(['Variant 1']);
    expect(s.editor.editing?.index).toBe(0);
    s.set({ ...s.form(), stats: { ...s.form().stats, agility: baseAgility + 1000 } });
    s.editor.finish();
    expect(s.editor.editing).toBeNull();
    expect(s.form().stats.agility).toBe(baseAgility); // the base is back
    expect(s.editor.variants[0]!.config.player.stats.agility).toBe(baseAgility + 1000);
  });

  it('keeps editing while the variant is invalid, and removing it restores the base', () => {
    const s = setup();
    const base = s.form();
    s.editor.add();
    s.set({ ...s.form(), stats: { ...s.form().stats, agility: -5 } });
    s.editor.finish();
    expect(s.editor.editing).not.toBeNull(); // nothing invalid is kept
    s.editor.remove(0);
    expect(s.editor.variants).toEqual([]);
    expect(s.editor.editing).toBeNull();
    expect(s.form()).toEqual(base);
  });

  it('names new variants uniquely and keeps the edited index right when an earlier one goes', () => {
    const s = setup();
    s.editor.add();
    s.editor.finish();
    s.editor.add();
    s.editor.finish();
    s.editor.remove(0);
    s.editor.add();
    expect(s.editor.variants.map((v) => v.name)).toEqual(['Variant 2', 'Variant 3']);
    s.editor.remove(0);
    expect(s.editor.editing?.index).toBe(0);
  });
});

describe('VariantEditor stat weights', () => {
  it('replaces the variants with the base raised by SimC’s step in each weighed stat', () => {
    const s = setup();
    s.editor.add();
    s.editor.weigh();
    expect(s.editor.editing).toBeNull();
    expect(s.editor.variants.map((v) => v.name)).toEqual(WEIGHED_STATS.map(statWeightVariantName));
    const agility = s.editor.variants[0]!.config.player.stats.agility;
    expect(agility).toBe(s.config()!.player.stats.agility + SCALE_DELTA);
  });
});
