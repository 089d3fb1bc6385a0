// Whole-number settings from an environment-like object: [variable, default, min, max] per
// field; a bad value adds a problem (the caller lists them all) and keeps the field NaN.
export type Env = Record<string, string | undefined>;
export type IntSpec = readonly [name: string, fallback: number, min: number, max: number];

export function parseIntSettings<K extends string>(
  env: Env,
  specs: Record<K, IntSpec>,
  problems: string[],
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const field of Object.keys(specs) as K[]) {
    const [name, fallback, min, max] = specs[field];
    const raw = env[name];
    let value = fallback;
    if (raw !== undefined && raw.trim() !== '') {
      value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max)
        problems.push(`${name} must be an integer between ${min} and ${max} (got ${JSON.stringify(raw)})`);
    }
    out[field] = value;
  }
  return out;
}
