import { simulate } from './src/engine/run.ts';
import { specs } from './src/specs/registry.ts';
for (const id of ['mm-hunter', 'bm-hunter']) {
  const spec = specs.find((s) => s.id === id)!;
  const r = simulate(spec.defaultConfig(), { seed: 1, seedOffset: 0, iterations: 100 });
  const ab = Object.entries(r.abilities).map(([k, v]) => [k, Math.round(v.damage / 100 / 300)]).sort((a, b) => (b[1] as number) - (a[1] as number)).slice(0, 14);
  console.log(id, r.mean.toFixed(1), JSON.stringify(ab));
}
