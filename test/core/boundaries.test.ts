import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CORE = path.resolve("src/core");
const FORBIDDEN = [
  /^@slack\//,
  /^botbuilder/,
  /^@microsoft\//,
  /^@prisma\//,
  /^prisma/,
  /\/store\//,
  /^pg$/,
  /^better-sqlite3$/,
  /^express$/,
  /^node-cron$/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("the core's boundary", () => {
  it("imports no platform SDK, no Prisma, no HTTP server and no store module", () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/^\s*(?:import|export)[^"']*["']([^"']+)["']/gm)) {
        const specifier = match[1]!;
        if (FORBIDDEN.some((pattern) => pattern.test(specifier))) {
          offenders.push(`${path.relative(CORE, file)} imports ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
