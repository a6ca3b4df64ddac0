// Brings a database up to the checked-in migrations at start-up, for SQLite or
// PostgreSQL, keeping Prisma Migrate's `_prisma_migrations` bookkeeping exactly as
// Prisma keeps it (see prisma-migrations-table.ts), so that `prisma migrate deploy`
// would find nothing pending. Safe when several processes start at once (see
// migrate-sqlite.ts and migrate-postgres.ts for how each provider locks).
//
// It stops with a MigrationError (naming the migration and how to fix it) when a
// checked-in migration was edited after it was applied, when a migration is
// recorded as failed, or when the database has migrations this build lacks.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url.ts";
import { migratePostgres } from "./migrate-postgres.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { defaultMigrationsDir, readMigrationsFromDisk } from "./migrations-on-disk.ts";

export { MigrationError } from "./migration-plan.ts";

export interface MigrateOptions {
  /** Where the migration folders are; default: the checked-in ones of the provider. */
  readonly migrationsDir?: string;
  /** How long to wait for another process that is migrating; default 60 s. */
  readonly lockTimeoutMs?: number;
}

/**
 * Applies every checked-in migration the database lacks, in order, each in its
 * own transaction with its _prisma_migrations row.
 * @param database a DATABASE_URL or an already parsed target
 * @returns the names of the migrations applied now (empty when up to date)
 */
export async function migrate(
  database: string | DatabaseTarget,
  options: MigrateOptions = {},
): Promise<string[]> {
  const target = typeof database === "string" ? parseDatabaseUrl(database) : database;
  const migrations = readMigrationsFromDisk(
    options.migrationsDir ?? defaultMigrationsDir(target.provider),
  );
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  if (target.provider === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    return migrateSqlite(target.file, migrations, { lockTimeoutMs });
  }
  return migratePostgres(target.url, migrations, { lockTimeoutMs, schema: target.schema });
}
