// The Teams app package: manifest.json valid against Microsoft's official JSON schema (the copy
// bundled in @microsoft/app-manifest, offline), icons of the sizes Teams demands, and
// `npm run teams:package` writing a zip with the three files at its root.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { afterAll, describe, expect, it } from "vitest";
import { parseChatCommand } from "../../../src/core/chat/parse.ts";
import { PROJECT_ROOT } from "../../support/node-scripts.ts";

type Json = Record<string, unknown>;

const MANIFEST_DIR = path.join(PROJECT_ROOT, "manifests", "teams");
const EXAMPLE_APP_ID = "3f6c9a1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";
const readManifest = (): Json =>
  JSON.parse(readFileSync(path.join(MANIFEST_DIR, "manifest.json"), "utf8")) as Json;

const require = createRequire(import.meta.url);
const PACKAGE_DIR = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));

/** The bundled copy of one of Microsoft's Teams manifest schemas, by its URL; never fetched. */
function bundledSchema(schemaUrl: string): Json {
  const match =
    /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?(json-schemas\/teams\/v[\d.]+\/MicrosoftTeams\.schema\.json)$/.exec(
      schemaUrl,
    );
  if (!match) throw new Error(`${schemaUrl} is not one of Microsoft's Teams schemas`);
  const file = path.join(PACKAGE_DIR, "build", match[1]!);
  // The package's own workaround for regex escapes that JSON.parse rejects.
  const raw = readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  return JSON.parse(raw) as Json;
}

async function schemaErrors(manifest: Json): Promise<string[]> {
  const schema = bundledSchema(String(manifest.$schema));
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never) as Promise<
    string[]
  >;
}

const bot = (manifest: Json) => (manifest.bots as Json[])[0]!;

describe("manifests/teams/manifest.json", () => {
  it("is valid against the official schema of its manifest version (bundled, offline)", async () => {
    const manifest = readManifest();
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${String(manifest.manifestVersion)}/MicrosoftTeams.schema.json`,
    );
    const [major, minor] = String(manifest.manifestVersion).split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    const schema = bundledSchema(String(manifest.$schema));
    expect((schema.properties as Json).manifestVersion).toMatchObject({
      const: manifest.manifestVersion,
    });
    // The package resolves the URL to the same bundled file by itself (no network here).
    expect(await AppManifestUtils.fetchSchema(String(manifest.$schema))).toEqual(schema);
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it("is checked for real: the same schema rejects a broken manifest", async () => {
    const broken = readManifest();
    bot(broken).scopes = ["personal", "everyone"];
    broken.accentColor = "red";
    delete broken.developer;
    const errors = await schemaErrors(broken);
    expect(errors.some((e) => e.startsWith("/bots/0/scopes/1 "))).toBe(true);
    expect(errors.some((e) => e.startsWith("/accentColor "))).toBe(true);
    expect(errors.some((e) => e.includes("developer"))).toBe(true);
  });

  it("declares one bot for personal chats, teams and group chats, with the example app id as placeholder", () => {
    const manifest = readManifest();
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.id).toBe(EXAMPLE_APP_ID);
    expect(bot(manifest).botId).toBe(EXAMPLE_APP_ID);
    expect([...(bot(manifest).scopes as string[])].sort()).toEqual([
      "groupChat",
      "personal",
      "team",
    ]);
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect(manifest.validDomains).toEqual(["ramp.zonnebeke-heide.be"]);
  });

  it("offers Ramp's chat commands in the command menu, each one Ramp understands, described in Dutch", () => {
    const lists = bot(readManifest()).commandLists as Json[];
    const scopes = lists.flatMap((l) => l.scopes as string[]).sort();
    expect(scopes).toEqual(["groupChat", "personal", "team"]);
    const commands = lists[0]!.commands as Array<{ title: string; description: string }>;
    expect(commands.map((c) => c.title)).toEqual([
      "melding",
      "start",
      "status",
      "taken",
      "besluit",
      "log",
      "stop",
      "help",
    ]);
    for (const command of commands) {
      // Picking a command puts its title in the compose box; Ramp must know the word (some
      // want more words: Ramp then answers with their usage, not "unknown command").
      const parsed = parseChatCommand(command.title);
      expect(parsed.kind === "invalid" ? parsed.problem : "known", command.title).not.toBe(
        "unknown-command",
      );
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeGreaterThan(10);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
    expect(commands.find((c) => c.title === "melding")!.description).toMatch(
      /^Meld wat een incident/,
    );
    expect(commands.find((c) => c.title === "start")!.description).toMatch(/^Start een incident/);
  });
});

// --- PNG ------------------------------------------------------------------------------------

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA, 8 bits per channel. */
  pixels: Buffer;
}

/** Decodes the 8-bit RGB/RGBA, non-interlaced PNGs Teams accepts (all five row filters). */
function decodePng(file: Buffer): Png {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let offset = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("ascii", offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error("no IHDR chunk");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const depth = header[8];
  const colorType = header[9]!;
  const interlace = header[12];
  expect(depth).toBe(8);
  expect(interlace).toBe(0);
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (channels === 0) throw new Error(`colour type ${colorType} is not RGB(A)`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rows.copy(pixels, i * 4, i * channels, i * channels + 3);
    pixels[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return { width, height, colorType, pixels };
}

function rgbaAt(png: Png, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [...png.pixels.subarray(i, i + 4)];
}

describe("the app icons", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("color.png is 192×192, opaque and in colour", () => {
    const png = decodePng(readFileSync(path.join(MANIFEST_DIR, "color.png")));
    expect([png.width, png.height]).toEqual([192, 192]);
    const colours = new Set<string>();
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b, a] = rgbaAt(png, x, y);
        expect(a).toBe(255);
        colours.add(`${r},${g},${b}`);
      }
    }
    expect(rgbaAt(png, 4, 4)).toEqual([185, 28, 28, 255]); // the red background
    expect(rgbaAt(png, 96, 40)).toEqual([255, 255, 255, 255]); // the shield
    expect(rgbaAt(png, 120, 115)).toEqual([249, 115, 22, 255]); // the ramp
    expect(colours.size).toBeGreaterThan(3);
  });

  it("outline.png is 32×32, white on transparent", () => {
    const png = decodePng(readFileSync(path.join(MANIFEST_DIR, "outline.png")));
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    let opaque = 0;
    let transparent = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = rgbaAt(png, x, y);
        if (a === 0) transparent += 1;
        else expect([r, g, b], `pixel ${x},${y}`).toEqual([255, 255, 255]);
        if (a === 255) opaque += 1;
      }
    }
    expect(rgbaAt(png, 0, 0)[3]).toBe(0);
    expect(opaque).toBeGreaterThan(60);
    expect(transparent).toBeGreaterThan(500);
  });

  it("are what scripts/draw-teams-icons.mjs draws", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-icons-"));
    dirs.push(dir);
    const run = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "scripts", "draw-teams-icons.mjs"), dir],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    for (const name of ["color.png", "outline.png"]) {
      expect(
        readFileSync(path.join(dir, name)).equals(readFileSync(path.join(MANIFEST_DIR, name))),
        name,
      ).toBe(true);
    }
  });
});

// --- The package ----------------------------------------------------------------------------

/** Reads a zip's central directory and inflates each entry. */
function unzip(file: Buffer): Map<string, Buffer> {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = file.readUInt16LE(end + 10);
  let offset = file.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(file.readUInt32LE(offset)).toBe(0x02014b50);
    const method = file.readUInt16LE(offset + 10);
    const compressedSize = file.readUInt32LE(offset + 20);
    const size = file.readUInt32LE(offset + 24);
    const nameLength = file.readUInt16LE(offset + 28);
    const extraLength = file.readUInt16LE(offset + 30);
    const commentLength = file.readUInt16LE(offset + 32);
    const local = file.readUInt32LE(offset + 42);
    const name = file.toString("utf8", offset + 46, offset + 46 + nameLength);
    expect(file.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const compressed = file.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(compressed) : Buffer.from(compressed);
    expect(data.length, name).toBe(size);
    entries.set(name, data);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe("npm run teams:package", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function pack(env: Record<string, string>) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-teams-package-"));
    dirs.push(dir);
    const out = path.join(dir, "ramp-teams.zip");
    const inherited = { ...process.env };
    delete inherited.MICROSOFT_APP_ID;
    delete inherited.RAMP_PUBLIC_URL;
    // Run in an empty directory, so no developer's .env leaks in.
    const run = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "scripts", "teams-package.mjs"), "--out", out],
      { cwd: dir, encoding: "utf8", env: { ...inherited, ...env } },
    );
    return { run, out };
  }

  it("is the package script", () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts["teams:package"]).toBe("node scripts/teams-package.mjs");
  });

  it("zips manifest.json (with MICROSOFT_APP_ID and RAMP_PUBLIC_URL's host) and the two icons", async () => {
    const appId = "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a";
    const { run, out } = pack({
      MICROSOFT_APP_ID: appId,
      RAMP_PUBLIC_URL: "https://ramp.zonnebeke-heide.example/",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const entries = unzip(readFileSync(out));
    expect([...entries.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as Json;
    expect(manifest.id).toBe(appId);
    expect(bot(manifest).botId).toBe(appId);
    expect(manifest.validDomains).toEqual(["ramp.zonnebeke-heide.example"]);
    const source = readManifest();
    expect({
      ...manifest,
      id: source.id,
      bots: source.bots,
      validDomains: source.validDomains,
    }).toEqual(source);
    expect(await schemaErrors(manifest)).toEqual([]);
    for (const name of ["color.png", "outline.png"]) {
      expect(entries.get(name)!.equals(readFileSync(path.join(MANIFEST_DIR, name))), name).toBe(
        true,
      );
    }
  });

  it("keeps the example app id, with a warning, when MICROSOFT_APP_ID is not set", () => {
    const { run, out } = pack({});
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("MICROSOFT_APP_ID is not set");
    const manifest = JSON.parse(unzip(readFileSync(out)).get("manifest.json")!.toString()) as Json;
    expect(manifest.id).toBe(EXAMPLE_APP_ID);
  });

  it("refuses an app id that is not a GUID", () => {
    const { run } = pack({ MICROSOFT_APP_ID: "ramp-bot" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("MICROSOFT_APP_ID must be the bot's app id, a GUID");
  });
});
