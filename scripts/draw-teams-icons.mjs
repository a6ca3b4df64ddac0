#!/usr/bin/env node
// Draws Ramp's two Teams app icons and writes them as PNG with nothing but node:zlib:
//   manifests/teams/color.png    192×192, full colour: a white shield with an orange ramp on red
//   manifests/teams/outline.png   32×32, white on transparent: the shield's outline and the ramp
// Shapes are described in unit coordinates and sampled 8×8 times per pixel for smooth edges.
//   node scripts/draw-teams-icons.mjs [output directory]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { crc32 } from "./lib/crc32.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, "manifests", "teams"));

const RED = [185, 28, 28]; // #B91C1C
const WHITE = [255, 255, 255];
const ORANGE = [249, 115, 22]; // #F97316

// --- Shapes (x, y in [0, 1], y downwards) ----------------------------------------------------

/** The shield: straight sides from the top edge, then a rounded point at the bottom. */
function shieldHalfWidth(y, s) {
  const top = 0.5 - 0.34 * s;
  const shoulder = 0.5 + 0.04 * s;
  const tip = 0.5 + 0.38 * s;
  const half = 0.3 * s;
  if (y < top || y > tip) return -1;
  if (y <= shoulder) return half;
  const t = (y - shoulder) / (tip - shoulder);
  return half * Math.sqrt(Math.max(0, 1 - t * t));
}

function inShield(x, y, s = 1) {
  const w = shieldHalfWidth(y, s);
  return w >= 0 && Math.abs(x - 0.5) <= w;
}

/** The ramp: a wedge rising from left to right, sitting on a base line inside the shield. */
function inRamp(x, y) {
  const left = 0.33;
  const right = 0.67;
  const base = 0.66;
  const top = 0.36;
  if (x < left || x > right || y > base) return false;
  const rise = (x - left) / (right - left);
  return y >= base - rise * (base - top);
}

// --- Rendering -------------------------------------------------------------------------------

const SAMPLES = 8;

/** Renders `paint(x, y)` → [r, g, b, a] (a in 0..1) with supersampling into RGBA bytes. */
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const [cr, cg, cb, ca] = paint(x, y);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = SAMPLES * SAMPLES;
      // Colour un-premultiplied, so edges keep their hue over any background.
      pixels[i] = a > 0 ? Math.round(r / a) : 0;
      pixels[i + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[i + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

function colorIcon(x, y) {
  if (inRamp(x, y)) return [...ORANGE, 1];
  if (inShield(x, y)) return [...WHITE, 1];
  return [...RED, 1];
}

function outlineIcon(x, y) {
  // 32 px: a 2.5 px stroke for the shield, the ramp filled; everything else transparent.
  const stroke = 2.5 / 32;
  if (inRamp(x, y)) return [...WHITE, 1];
  const outer = inShield(x, y, 1.12);
  const inner = inShield(x, y, 1.12 - (stroke * 2) / 0.68);
  return outer && !inner ? [...WHITE, 1] : [...WHITE, 0];
}

// --- PNG -------------------------------------------------------------------------------------

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), each row with filter 0. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
const files = [
  ["color.png", 192, colorIcon],
  ["outline.png", 32, outlineIcon],
];
for (const [name, size, paint] of files) {
  const file = path.join(OUT, name);
  writeFileSync(file, encodePng(size, render(size, paint)));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
