#!/usr/bin/env node
// `npm run build`: compiles src/ to plain JavaScript in dist/ for production (`npm run start:prod`,
// i.e. `node dist/main.js`: no tsx, no TypeScript compiler in the running process).
//
// tsc emits with rewritten import extensions (./x.ts → ./x.js) and keeps src/'s layout, so the
// few files that find things next to themselves still do: dist/plan/load.js the sample plan in
// plans/, dist/store/migrations-on-disk.js the migrations in prisma/ (both one level above dist/),
// the board's static files copied next to their route. Types are checked by `npm run typecheck`,
// not here (noCheck), so a build takes seconds. The Prisma clients generated at install
// (src/store/generated/) are compiled with the rest.
//
// `--out-dir <name>`: another directory directly inside the project (the build test uses one).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "./lib/schema-files.mjs";

const args = process.argv.slice(2);
const flag = args.indexOf("--out-dir");
const outName = flag >= 0 ? args[flag + 1] : "dist";
if (!outName || outName.includes("/") || outName.includes("\\") || outName.startsWith(".."))
  fail("--out-dir takes the name of a directory directly inside the project, e.g. `dist`.");
const outDir = path.join(PROJECT_ROOT, outName);

if (!existsSync(path.join(PROJECT_ROOT, "src", "store", "generated", "sqlite", "client.ts")))
  fail("the Prisma clients are not generated (src/store/generated/): run `npm run db:generate`.");

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(
  process.execPath,
  [tsc, "-p", path.join(PROJECT_ROOT, "tsconfig.build.json"), "--outDir", outDir],
  { cwd: PROJECT_ROOT, stdio: "inherit" },
);
if (result.status !== 0) fail("tsc could not compile src/ (see above).");
cpSync(
  path.join(PROJECT_ROOT, "src", "adapters", "web", "static"),
  path.join(outDir, "adapters", "web", "static"),
  { recursive: true },
);
process.stdout.write(
  `build: ${path.relative(PROJECT_ROOT, outDir)}/main.js is ready (node ${path.relative(PROJECT_ROOT, outDir)}/main.js).\n`,
);

/** @param {string} message */
function fail(message) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}
