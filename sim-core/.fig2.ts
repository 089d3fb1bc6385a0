import { simulate } from './src/engine/run.ts';
import { specs } from './src/specs/registry.ts';
const spec = specs.find((s) => s.id === 'mm-hunter')!;
for (const targets of [1, 4]) {
  const c = spec.defaultConfig();
  if (targets > 1) c.fight = { ...c.fight, style: 'cleave', targets };
  const r = simulate(c, { seed: 5, seedOffset: 0, iterations: 1500 });
  const se = Math.sqrt(r.m2 / (r.n - 1) / r.n);
  const ab = Object.fromEntries(Object.entries(r.abilities).map(([k, v]) => [k, Math.round(v.damage / r.n / 300)]));
  console.log(targets, r.mean.toFixed(0), 'se', se.toFixed(0), JSON.stringify(ab));
}
