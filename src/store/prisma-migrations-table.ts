// Prisma Migrate's bookkeeping table, `_prisma_migrations`, kept exactly as Prisma
// keeps it so that a deployment with Prisma's own engines could take over: to
// `prisma migrate deploy` or `prisma migrate status` a database migrated by Ramp
// looks like one migrated by Prisma (test/store/migrate.test.ts proves it for
// SQLite). The DDL is copied verbatim from Prisma 6.19's schema engine
// (node_modules/prisma/build/schema_engine_bg.wasm); do not reformat it: SQLite keeps
// the text in sqlite_master, where a test compares it with what Prisma creates.
//
// Semantics, per row (one row per attempt to apply a migration):
// - id: a random UUID; migration_name: the migration's folder name;
// - checksum: lower-case hex SHA-256 of migration.sql;
// - started_at / finished_at: when applying began and ended; finished_at NULL with
//   rolled_back_at NULL means the migration failed (or is running), and Prisma
//   refuses to go on until someone resolves it;
// - rolled_back_at: set by `prisma migrate resolve --rolled-back`; such a row is
//   ignored, as if the migration had never been applied;
// - logs: the error of a failed migration; applied_steps_count: 1 once the script
//   (Prisma's one "step") ran.

export const PRISMA_MIGRATIONS_TABLE = "_prisma_migrations";

export const SQLITE_CREATE_PRISMA_MIGRATIONS = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export const POSTGRES_CREATE_PRISMA_MIGRATIONS = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** One row of _prisma_migrations, as read back by either provider. */
export interface PrismaMigrationRow {
  readonly id: string;
  readonly migrationName: string;
  readonly checksum: string;
  /** As stored: text on SQLite, a Date on PostgreSQL; only shown in messages. */
  readonly startedAt: string | Date;
  readonly finishedAt: string | Date | null;
  readonly rolledBackAt: string | Date | null;
}

export const SELECT_PRISMA_MIGRATIONS = `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at
FROM _prisma_migrations ORDER BY started_at ASC`;

/** A database row (snake_case columns) as a PrismaMigrationRow. */
export function toPrismaMigrationRow(row: Record<string, unknown>): PrismaMigrationRow {
  return {
    id: String(row.id),
    migrationName: String(row.migration_name),
    checksum: String(row.checksum),
    startedAt: row.started_at as string | Date,
    finishedAt: (row.finished_at ?? null) as string | Date | null,
    rolledBackAt: (row.rolled_back_at ?? null) as string | Date | null,
  };
}

/**
 * A timestamp the way Prisma's SQLite driver adapter writes it into
 * _prisma_migrations: ISO 8601 with an explicit +00:00 offset.
 */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
