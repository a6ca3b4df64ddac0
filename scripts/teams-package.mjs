#!/usr/bin/env node
// `npm run teams:package`: the Teams app package to upload (Teams admin center → Manage apps →
// Upload new app, or Developer Portal): a zip with manifest.json, color.png and outline.png at
// its root. MICROSOFT_APP_ID (the bot's app registration) replaces the example app id of
// manifests/teams/manifest.json, and the host of RAMP_PUBLIC_URL its example valid domain.
// A `.env` file in the working directory is read, as Ramp does.
//   node scripts/teams-package.mjs [--out dist/ramp-teams.zip]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { crc32 } from "./lib/crc32.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = path.join(ROOT, "manifests", "teams");
/** The app id manifest.json carries until a real one is substituted. */
export const EXAMPLE_APP_ID = "3f6c9a1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";
const EXAMPLE_DOMAIN = "ramp.zonnebeke-heide.be";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(message) {
  console.error(`teams:package: ${message}`);
  process.exit(1);
}

function readDotEnv() {
  const file = path.join(process.cwd(), ".env");
  if (!existsSync(file) || typeof process.loadEnvFile !== "function") return;
  // Variables already set win, as with Ramp itself.
  process.loadEnvFile(file);
}

function outputPath(argv) {
  const i = argv.indexOf("--out");
  if (i >= 0) {
    if (!argv[i + 1]) fail("--out needs a file name");
    return path.resolve(argv[i + 1]);
  }
  return path.join(ROOT, "dist", "ramp-teams.zip");
}

// --- A minimal zip writer (stored central directory, deflated entries) -----------------------

/** MS-DOS date and time of a fixed moment, so the same inputs give the same zip. */
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01

export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, nameBytes, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42); // offset of the local header
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, directory, end]);
}

// --- The package -----------------------------------------------------------------------------

function manifestFor(env) {
  const manifest = JSON.parse(readFileSync(path.join(SOURCE, "manifest.json"), "utf8"));
  const appId = env.MICROSOFT_APP_ID?.trim();
  if (appId) {
    if (!GUID.test(appId))
      fail(`MICROSOFT_APP_ID must be the bot's app id, a GUID (got "${appId}")`);
    manifest.id = appId;
    for (const bot of manifest.bots ?? []) bot.botId = appId;
  } else {
    console.warn(
      `teams:package: MICROSOFT_APP_ID is not set; the package carries the example app id ${EXAMPLE_APP_ID} and only suits a local test.`,
    );
  }
  const publicUrl = env.RAMP_PUBLIC_URL?.trim();
  if (publicUrl) {
    let host;
    try {
      host = new URL(publicUrl).host;
    } catch {
      fail(`RAMP_PUBLIC_URL must be a URL such as https://ramp.example.be (got "${publicUrl}")`);
    }
    manifest.validDomains = (manifest.validDomains ?? []).map((d) =>
      d === EXAMPLE_DOMAIN ? host : d,
    );
  }
  return manifest;
}

function main() {
  readDotEnv();
  const out = outputPath(process.argv.slice(2));
  const manifest = manifestFor(process.env);
  const entries = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    { name: manifest.icons.color, data: readFileSync(path.join(SOURCE, manifest.icons.color)) },
    {
      name: manifest.icons.outline,
      data: readFileSync(path.join(SOURCE, manifest.icons.outline)),
    },
  ];
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip(entries));
  console.log(
    `${path.relative(process.cwd(), out) || out}: ${entries.map((e) => e.name).join(", ")} (app id ${manifest.id})`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
