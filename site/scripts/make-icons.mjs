#!/usr/bin/env node
// Writes the PWA icons (static/icons/*.png + icon.svg) without any image library: each pixel
// is computed (dark tile, gold ring, three DPS bars), 4x4 supersampled, and encoded as PNG
// with node:zlib. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';

const out = new URL('../static/icons/', import.meta.url).pathname;
const BG = [0x0f, 0x11, 0x15];
const GOLD = [0xf0, 0xb2, 0x32];
const BLUE = [0x5a, 0xa9, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at (u, v) in [0,1]² of the symbol scaled by `scale` around the centre; null = background. */
function symbol(u, v, scale) {
  const x = (u - 0.5) / scale;
  const y = (v - 0.5) / scale;
  const r = Math.hypot(x, y);
  if (r > 0.4 && r < 0.47) return GOLD;
  const bars = [
    [-0.2, 0.1],
    [-0.04, -0.06],
    [0.12, -0.2],
  ];
  for (const [left, top] of bars) {
    if (x >= left && x <= left + 0.11 && y >= top && y <= 0.22) return left > 0.1 ? GOLD : BLUE;
  }
  return null;
}

function render(size, { scale, rounded }) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (px + (sx + 0.5) / S) / size;
          const v = (py + (sy + 0.5) / S) / size;
          if (rounded) {
            const cx = Math.max(0, Math.abs(u - 0.5) - 0.32);
            const cy = Math.max(0, Math.abs(v - 0.5) - 0.32);
            if (Math.hypot(cx, cy) > 0.18) continue; // transparent corner
          }
          const c = symbol(u, v, scale) ?? BG;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const n = S * S;
      const i = (py * size + px) * 4;
      const cover = a / 255;
      rgba[i] = cover ? Math.round(r / cover) : 0;
      rgba[i + 1] = cover ? Math.round(g / cover) : 0;
      rgba[i + 2] = cover ? Math.round(b / cover) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return png(size, rgba);
}

mkdirSync(out, { recursive: true });
const files = {
  'icon-192.png': render(192, { scale: 1, rounded: true }),
  'icon-512.png': render(512, { scale: 1, rounded: true }),
  // maskable: full bleed, the symbol inside the 80 % safe zone
  'icon-maskable-512.png': render(512, { scale: 0.78, rounded: false }),
  'apple-touch-icon.png': render(180, { scale: 0.9, rounded: false }),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(join(out, name), data);
  console.log(`${name}: ${data.length} bytes`);
}
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="18" fill="#0f1115"/>
  <circle cx="50" cy="50" r="43.5" fill="none" stroke="#f0b232" stroke-width="7"/>
  <rect x="30" y="60" width="11" height="12" fill="#5aa9ff"/>
  <rect x="46" y="44" width="11" height="28" fill="#5aa9ff"/>
  <rect x="62" y="30" width="11" height="42" fill="#f0b232"/>
</svg>
`;
writeFileSync(join(out, 'icon.svg'), svg);
console.log('icon.svg');
