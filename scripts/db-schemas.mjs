#!/usr/bin/env node
// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma (the source of
// truth): same models, provider "postgresql", client generated into
// src/store/generated/postgresql.
//
//   node scripts/db-schemas.mjs            write the derived schema
//   node scripts/db-schemas.mjs --check    exit 1 when it is out of date (CI)
//   --root <dir>                           project root (tests use a scratch copy)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { derivePostgresSchema, PROJECT_ROOT, schemaPaths } from "./lib/schema-files.mjs";

const { values } = parseArgs({
  options: { check: { type: "boolean", default: false }, root: { type: "string" } },
});
const paths = schemaPaths(path.resolve(values.root ?? PROJECT_ROOT));

let expected;
try {
  expected = derivePostgresSchema(readFileSync(paths.source, "utf8"));
} catch (error) {
  console.error(`db:schemas: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let current = null;
try {
  current = readFileSync(paths.postgres, "utf8");
} catch {
  // Missing: out of date in --check mode, written otherwise.
}

if (values.check) {
  if (current !== expected) {
    console.error(
      `db:schemas: ${path.relative(process.cwd(), paths.postgres)} is out of date with ` +
        `${path.relative(process.cwd(), paths.source)}. Run \`npm run db:schemas\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log("db:schemas: the PostgreSQL schema is up to date.");
} else if (current === expected) {
  console.log("db:schemas: the PostgreSQL schema is already up to date.");
} else {
  mkdirSync(path.dirname(paths.postgres), { recursive: true });
  writeFileSync(paths.postgres, expected);
  console.log(`db:schemas: wrote ${path.relative(process.cwd(), paths.postgres)}.`);
}
