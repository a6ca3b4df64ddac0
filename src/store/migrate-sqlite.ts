// Applies migrations to a SQLite file with better-sqlite3 directly, on a connection
// of its own that is closed afterwards.
//
// Locking: each migration is one `BEGIN IMMEDIATE` transaction, which takes
// SQLite's write lock up front; a second process migrating the same file waits for
// it (busy timeout), then re-reads _prisma_migrations inside its own transaction and
// finds the migration done. Each transaction is synchronous from BEGIN to COMMIT, so
// two migrators in one process cannot interleave either.
//
// Foreign keys: Prisma's SQLite scripts rebuild a table to alter it (create new,
// copy, DROP old, rename) between `PRAGMA foreign_keys=OFF/ON`, but that pragma is a
// no-op inside a transaction, and with foreign keys on, DROP TABLE deletes the old
// table's rows first, cascading to every child table. So this connection turns
// foreign keys off before any transaction (what SQLite's documented ALTER TABLE
// procedure does) and runs `PRAGMA foreign_key_check` before each COMMIT instead.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { MigrationError, migrationFailed, planPending } from "./migration-plan.ts";
import type { MigrationFile } from "./migrations-on-disk.ts";
import {
  SELECT_PRISMA_MIGRATIONS,
  SQLITE_CREATE_PRISMA_MIGRATIONS,
  sqliteTimestamp,
  toPrismaMigrationRow,
} from "./prisma-migrations-table.ts";

export interface SqliteMigrateOptions {
  /** How long to wait for another process's migration (SQLite busy timeout). */
  readonly lockTimeoutMs: number;
}

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}

/** Applies the pending migrations to the SQLite file; returns their names. */
export function migrateSqlite(
  file: string,
  migrations: readonly MigrationFile[],
  { lockTimeoutMs }: SqliteMigrateOptions,
): string[] {
  const db = new Database(file, { timeout: lockTimeoutMs });
  try {
    useWriteAheadLog(db, file);
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    const applyNext = db.transaction((): string | null => {
      ensurePrismaMigrationsTable(db);
      const rows = (db.prepare(SELECT_PRISMA_MIGRATIONS).all() as Record<string, unknown>[]).map(
        toPrismaMigrationRow,
      );
      const next = planPending("sqlite", migrations, rows)[0];
      if (!next) return null;
      applyOne(db, next);
      return next.name;
    });
    for (;;) {
      const name = applyNext.immediate();
      if (name === null) return applied;
      applied.push(name);
    }
  } finally {
    db.close();
  }
}

/**
 * WAL lets readers go on while a writer writes (the web UI while the scheduler
 * ticks). The journal mode is stored in the file, so setting it once here holds for
 * every later connection, Prisma's included.
 */
function useWriteAheadLog(db: Database.Database, file: string): void {
  const mode = String(db.pragma("journal_mode = WAL", { simple: true }));
  if (mode.toLowerCase() !== "wal") {
    throw new Error(
      `SQLite database ${file} refused the WAL journal mode (it stays in "${mode}"). ` +
        "WAL needs a local file system with shared memory support; a network share does not " +
        "have it. Put the database on a local disk, or use PostgreSQL.",
    );
  }
}

function ensurePrismaMigrationsTable(db: Database.Database): void {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!exists) db.exec(SQLITE_CREATE_PRISMA_MIGRATIONS);
}

function applyOne(db: Database.Database, migration: MigrationFile): void {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count)
     VALUES (?, ?, ?, ?, 0)`,
  ).run(id, migration.checksum, sqliteTimestamp(new Date()), migration.name);
  try {
    db.exec(migration.sql);
  } catch (error) {
    throw migrationFailed("sqlite", migration, error);
  }
  const violations = db.prepare("PRAGMA foreign_key_check").all() as ForeignKeyViolation[];
  if (violations.length > 0) {
    const shown = violations
      .slice(0, 5)
      .map((v) => `${v.table} row ${v.rowid ?? "?"} → ${v.parent}`)
      .join("; ");
    throw migrationFailed(
      "sqlite",
      migration,
      new MigrationError(
        `it leaves ${violations.length} row(s) whose foreign key points nowhere (${shown})`,
        migration.name,
      ),
    );
  }
  db.prepare(
    `UPDATE _prisma_migrations
     SET finished_at = ?, applied_steps_count = applied_steps_count + 1
     WHERE id = ?`,
  ).run(sqliteTimestamp(new Date()), id);
}
