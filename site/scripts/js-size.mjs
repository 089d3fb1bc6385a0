#!/usr/bin/env node
// Measures the JavaScript a first load of a route downloads: the client entries (start, app),
// the root layout and the route's nodes, plus every chunk they import statically, from the
// Vite manifest of the last `vite build`. Prints raw and gzip sizes; exits 1 over the budget.
// Usage: node scripts/js-size.mjs [route=/] [budgetKB=200] [--forbid=<substring>]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const args = process.argv.slice(2);
const forbid = args.filter((a) => a.startsWith('--forbid=')).map((a) => a.slice(9));
const [route = '/', budgetArg = '200'] = args.filter((a) => !a.startsWith('--'));
const budget = Number(budgetArg) * 1024;

const root = new URL('..', import.meta.url).pathname;
const client = join(root, '.svelte-kit/output/client');
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8'));
const appSrc = readFileSync(join(root, '.svelte-kit/generated/client-optimized/app.js'), 'utf8');

// dictionary: "route": [leaf, [layouts], [errors]] — leaf/layout indexes; root layout is node 0.
const m = appSrc.match(
  new RegExp(
    `"${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}":\\s*\\[([^\\]]*(?:\\[[^\\]]*\\])?[^\\]]*)\\]`,
  ),
);
if (!m) {
  console.error(`route ${route} not found in the client dictionary`);
  process.exit(2);
}
const nums = (m[1].match(/-?\d+/g) ?? []).map(Number);
// leaf is first; the layouts list (if any) follows; errors are only loaded on error.
const leaf = Math.abs(nums[0]);
const layoutsMatch = m[1].match(/\[([^\]]*)\]/);
const layouts = layoutsMatch ? (layoutsMatch[1].match(/\d+/g) ?? []).map(Number) : [];
const nodeIds = [0, ...layouts, leaf];

const keys = Object.keys(manifest);
const entryKeys = [
  keys.find((k) => k.endsWith('kit/src/runtime/client/entry.js')),
  keys.find((k) => k.endsWith('generated/client-optimized/app.js')),
  ...nodeIds.map((n) => keys.find((k) => k.endsWith(`generated/client-optimized/nodes/${n}.js`))),
].filter(Boolean);

const files = new Map();
function walk(key) {
  const e = manifest[key];
  if (!e || files.has(e.file)) return;
  files.set(e.file, key);
  for (const i of e.imports ?? []) walk(i);
}
entryKeys.forEach(walk);

let raw = 0;
let gz = 0;
const rows = [];
for (const [file, key] of files) {
  const buf = readFileSync(join(client, file));
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  rows.push({ file, key, raw: buf.length, gzip: g });
}
rows.sort((a, b) => b.gzip - a.gzip);
for (const r of rows)
  console.log(
    `${(r.gzip / 1024).toFixed(1).padStart(7)} KB gz  ${(r.raw / 1024).toFixed(1).padStart(7)} KB  ${r.file}`,
  );
console.log(
  `route ${route}: ${files.size} JS files, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (budget ${budget / 1024} KB)`,
);

let failed = gz > budget;
for (const f of forbid) {
  const hit = rows.filter((r) => r.key.includes(f) || readFileSync(join(client, r.file), 'utf8').includes(f));
  if (hit.length) {
    console.error(`forbidden "${f}" found in: ${hit.map((h) => h.file).join(', ')}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
