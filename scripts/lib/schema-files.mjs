// Where the Prisma schemas and migrations live, and how the PostgreSQL schema is
// derived from the SQLite one. Shared by db-schemas.mjs, db-migration.mjs and
// postinstall.mjs. Every path hangs off a project root so that tests can point the
// scripts at a scratch copy of prisma/ (`--root <dir>`).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** @param {string} root */
export function schemaPaths(root) {
  const prisma = path.join(root, "prisma");
  return {
    source: path.join(prisma, "schema.prisma"),
    postgres: path.join(prisma, "postgresql", "schema.prisma"),
    sqliteMigrations: path.join(prisma, "migrations"),
    postgresMigrations: path.join(prisma, "postgresql", "migrations"),
    snapshot: path.join(prisma, "migrations", "schema.snapshot.prisma"),
  };
}

const HEADER = [
  "// GENERATED FILE, DO NOT EDIT. Derived from prisma/schema.prisma by",
  "// scripts/db-schemas.mjs (`npm run db:schemas`): only the datasource provider and",
  "// the generator output differ. Edit prisma/schema.prisma instead.",
  "",
  "",
].join("\n");

/**
 * Replaces exactly one match of `pattern` or throws: a silent no-op would produce a
 * "PostgreSQL" schema that is still SQLite.
 * @param {string} text @param {RegExp} pattern @param {string} replacement @param {string} what
 */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(
      `prisma/schema.prisma: expected exactly one ${what}, found ${matches.length}. ` +
        "scripts/lib/schema-files.mjs derives the PostgreSQL schema by rewriting that line; " +
        "keep it in the form shown in the pattern " +
        String(pattern),
    );
  }
  return text.replace(pattern, replacement);
}

/**
 * The PostgreSQL variant of the source schema text.
 * @param {string} source the text of prisma/schema.prisma (provider "sqlite")
 * @returns {string}
 */
export function derivePostgresSchema(source) {
  let text = replaceOnce(
    source,
    /^(\s*provider\s*=\s*)"sqlite"/m,
    '$1"postgresql"',
    'datasource line `provider = "sqlite"`',
  );
  text = replaceOnce(
    text,
    /^(\s*output\s*=\s*)"\.\.\/src\/store\/generated\/sqlite"/m,
    '$1"../../src/store/generated/postgresql"',
    'generator line `output = "../src/store/generated/sqlite"`',
  );
  return HEADER + text;
}
