#!/usr/bin/env node
// Creates a migration for both providers from one change of prisma/schema.prisma.
//
//   node scripts/db-migration.mjs <name>     e.g. `npm run db:migration -- add_task_notes`
//   node scripts/db-migration.mjs --check    exit 1 when the schema changed since the
//                                            last migration (CI)
//   --root <dir>                             project root (tests use a scratch copy)
//
// Why not `prisma migrate dev`: it needs a live database (and a shadow one) of each
// provider and Prisma's engines for PostgreSQL, neither of which Ramp can count on.
// Instead the schema as of the last migration is kept in
// prisma/migrations/schema.snapshot.prisma and each new migration is the offline
// `prisma migrate diff` from that snapshot to the current schema, rendered once per
// provider. Both folders get the same migration name, so both providers share one
// history.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { diffSchemas } from "./lib/prisma-cli.mjs";
import { derivePostgresSchema, PROJECT_ROOT, schemaPaths } from "./lib/schema-files.mjs";

const EMPTY_MIGRATION = "-- This is an empty migration.";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { check: { type: "boolean", default: false }, root: { type: "string" } },
});
const root = path.resolve(values.root ?? PROJECT_ROOT);
const paths = schemaPaths(root);
const rel = (file) => path.relative(process.cwd(), file) || ".";

function fail(message) {
  console.error(`db:migration: ${message}`);
  process.exit(1);
}

/** Migration folder names, sorted as Prisma sorts them (oldest first). */
function migrationNames(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Prisma's own migration folder timestamp: UTC, YYYYMMDDHHMMSS. */
function timestamp(date) {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

const sqliteNames = migrationNames(paths.sqliteMigrations);
const postgresNames = migrationNames(paths.postgresMigrations);
if (sqliteNames.join("\n") !== postgresNames.join("\n")) {
  fail(
    `${rel(paths.sqliteMigrations)} and ${rel(paths.postgresMigrations)} hold different migrations ` +
      `(SQLite: ${sqliteNames.join(", ") || "none"}; PostgreSQL: ${postgresNames.join(", ") || "none"}). ` +
      "Each migration must exist for both providers; restore the missing folder from git.",
  );
}
const lastMigration = sqliteNames.at(-1) ?? null;
const hasSnapshot = existsSync(paths.snapshot);
if (lastMigration !== null && !hasSnapshot) {
  fail(
    `${rel(paths.snapshot)} is missing although migrations exist (last: ${lastMigration}). ` +
      "It records the schema as of the last migration; restore it from git.",
  );
}
if (lastMigration === null && hasSnapshot) {
  fail(
    `${rel(paths.snapshot)} exists but there are no migrations. ` +
      "Delete the snapshot to start the history from an empty database.",
  );
}

// Both sides of both diffs as files: the SQLite ones as they are, the PostgreSQL
// ones derived the same way prisma/postgresql/schema.prisma is.
const scratch = mkdtempSync(path.join(os.tmpdir(), "ramp-db-migration-"));
let diffs;
try {
  const source = readFileSync(paths.source, "utf8");
  const snapshot = hasSnapshot ? readFileSync(paths.snapshot, "utf8") : null;
  const write = (name, text) => {
    const file = path.join(scratch, name);
    writeFileSync(file, text);
    return file;
  };
  // In parallel: each run of the Prisma CLI spends seconds loading its engines.
  const [sqlite, postgresql] = await Promise.all([
    diffSchemas({
      provider: "sqlite",
      from: snapshot === null ? null : paths.snapshot,
      to: paths.source,
    }),
    diffSchemas({
      provider: "postgresql",
      from: snapshot === null ? null : write("from.prisma", derivePostgresSchema(snapshot)),
      to: write("to.prisma", derivePostgresSchema(source)),
    }),
  ]);
  diffs = { sqlite, postgresql };
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The first lines of a diff, enough to see what changed. */
function excerpt(sql, maxLines = 30) {
  if (sql === null) return EMPTY_MIGRATION;
  const lines = sql.trimEnd().split("\n");
  if (lines.length <= maxLines) return lines.join("\n");
  return [...lines.slice(0, maxLines), `… (${lines.length - maxLines} more lines)`].join("\n");
}

const since =
  lastMigration === null ? "an empty database" : `the last migration (${lastMigration})`;

if (values.check) {
  if (diffs.sqlite === null && diffs.postgresql === null) {
    console.log(`db:migration: the migrations match ${rel(paths.source)}.`);
    process.exit(0);
  }
  fail(
    `${rel(paths.source)} differs from ${since}. ` +
      "Create a migration with `npm run db:migration -- <name>` and commit it.\n" +
      `SQLite would need:\n${excerpt(diffs.sqlite)}\n` +
      `PostgreSQL would need:\n${excerpt(diffs.postgresql)}`,
  );
}

const name = positionals[0];
if (positionals.length !== 1 || !name) {
  fail("usage: node scripts/db-migration.mjs <name>   (or --check)");
}
if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) {
  fail(
    `invalid migration name "${name}": use lower case letters, digits and underscores, ` +
      'starting with a letter, e.g. "add_task_notes".',
  );
}
if (diffs.sqlite === null && diffs.postgresql === null) {
  fail(
    `nothing to migrate: ${rel(paths.source)} has not changed since ${since}. ` +
      "Edit the schema first; no migration was written.",
  );
}

const folder = `${timestamp(new Date())}_${name}`;
if (lastMigration !== null && folder.localeCompare(lastMigration) <= 0) {
  fail(
    `the new migration ${folder} would not sort after the last one (${lastMigration}); ` +
      "is the clock behind? Migrations apply in folder-name order.",
  );
}

const targets = [
  { provider: "sqlite", dir: paths.sqliteMigrations, sql: diffs.sqlite },
  { provider: "postgresql", dir: paths.postgresMigrations, sql: diffs.postgresql },
];
for (const { provider, dir, sql } of targets) {
  // Exactly what `prisma migrate dev` writes, so Prisma's tooling accepts the folder.
  const lock = path.join(dir, "migration_lock.toml");
  const lockText = `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
  if (existsSync(lock) && !readFileSync(lock, "utf8").includes(`provider = "${provider}"`)) {
    fail(`${rel(lock)} names another provider than "${provider}"; restore it from git.`);
  }
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), sql ?? `${EMPTY_MIGRATION}\n`);
  writeFileSync(lock, lockText);
  console.log(`db:migration: wrote ${rel(path.join(dir, folder, "migration.sql"))}`);
}
writeFileSync(paths.snapshot, readFileSync(paths.source, "utf8"));
console.log(`db:migration: updated ${rel(paths.snapshot)}`);

// Keep the derived PostgreSQL schema in step with the migration just written.
const derived = derivePostgresSchema(readFileSync(paths.source, "utf8"));
if (!existsSync(paths.postgres) || readFileSync(paths.postgres, "utf8") !== derived) {
  writeFileSync(paths.postgres, derived);
  console.log(`db:migration: updated ${rel(paths.postgres)} (was out of date)`);
}
