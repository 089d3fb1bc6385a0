// Variants in the sim builder: the list, and which one the form holds while it is edited
// (the base form is kept aside meanwhile). The page owns the form; this edits through `io`.
import { statWeightVariants, type SimConfig } from '@wowlab/sim-core';
import { formFromConfig, type BuilderForm } from './builder';

export interface VariantEditorIO {
  getForm(): BuilderForm;
  setForm(form: BuilderForm): void;
  /** The form's config when valid, else null. */
  config(): SimConfig | null;
}

export class VariantEditor {
  variants = $state<Array<{ name: string; config: SimConfig }>>([]);
  editing = $state<{ index: number; base: BuilderForm } | null>(null);

  constructor(private readonly io: VariantEditorIO) {}

  /** A new variant: a copy of the (valid) base, opened for editing. */
  add(): void {
    const config = this.editing ? null : this.io.config();
    if (!config) return;
    let n = this.variants.length + 1;
    while (this.variants.some((v) => v.name === `Variant ${n}`)) n++;
    this.variants.push({ name: `Variant ${n}`, config });
    this.edit(this.variants.length - 1);
  }

  edit(index: number): void {
    if (this.editing) this.finish();
    if (this.editing) return; // the variant being edited is not valid yet
    const v = this.variants[index];
    if (!v) return;
    const form = $state.snapshot(this.io.getForm()) as BuilderForm;
    this.editing = { index, base: form };
    this.io.setForm(formFromConfig(v.config, { ...form, rotationSource: 'custom' }));
  }

  /** Keeps the edited variant (when valid) and brings the base back into the form. */
  finish(): void {
    const config = this.io.config();
    if (!this.editing || !config) return;
    this.variants[this.editing.index]!.config = config;
    this.io.setForm(this.editing.base);
    this.editing = null;
  }

  remove(index: number): void {
    if (this.editing?.index === index) {
      this.io.setForm(this.editing.base);
      this.editing = null;
    } else if (this.editing && this.editing.index > index) this.editing.index--;
    this.variants.splice(index, 1);
  }

  /** Stat weights: the variants become the base with each stat raised by SimC's step. */
  weigh(): void {
    if (this.editing) this.finish();
    const config = this.editing ? null : this.io.config();
    if (!config) return;
    this.variants = statWeightVariants(config);
  }

  /** A loaded profile's variants replace the list. */
  replace(variants: Array<{ name: string; config: SimConfig }>): void {
    this.variants = variants;
    this.editing = null;
  }
}
