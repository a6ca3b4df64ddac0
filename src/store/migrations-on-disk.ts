// The checked-in migrations of one provider, read the way Prisma Migrate reads
// them: every folder of the migrations directory is one migration, named after the
// folder, applied in folder-name order, its script in migration.sql.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Provider } from "./provider.ts";

export interface MigrationFile {
  /** The folder name, e.g. 20260101120000_init; `migration_name` in _prisma_migrations. */
  readonly name: string;
  /** Absolute path of migration.sql, for error messages. */
  readonly file: string;
  readonly sql: string;
  /** Lower-case hex SHA-256 of migration.sql: Prisma's `checksum`. */
  readonly checksum: string;
}

const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma");

/** The checked-in migrations directory of a provider (see scripts/db-migration.mjs). */
export function defaultMigrationsDir(provider: Provider): string {
  return provider === "sqlite"
    ? path.join(PRISMA_DIR, "migrations")
    : path.join(PRISMA_DIR, "postgresql", "migrations");
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Whether a script still matches the checksum recorded when it was applied. Like
 * Prisma, a checkout that only changed line endings (git autocrlf) still matches.
 */
export function matchesChecksum(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => checksumOf(variant) === checksum.toLowerCase());
}

export function readMigrationsFromDisk(dir: string): MigrationFile[] {
  if (!existsSync(dir)) {
    throw new Error(
      `Migrations directory ${dir} does not exist. It is part of the source tree ` +
        "(created by `npm run db:migration -- <name>`); restore it from git.",
    );
  }
  // localeCompare, as Prisma's CLI sorts them; names start with a UTC timestamp.
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return folders.map((name) => {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) {
      throw new Error(
        `Migration folder ${path.join(dir, name)} has no migration.sql. Every folder in ` +
          `${dir} is a migration: restore the file from git or remove the stray folder.`,
      );
    }
    const sql = readFileSync(file, "utf8");
    return { name, file, sql, checksum: checksumOf(sql) };
  });
}
