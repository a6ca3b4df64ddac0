// Decides, from the checked-in migrations and the rows of _prisma_migrations, which
// migrations are still to apply, and refuses to go on when the history does not add
// up. Pure: both provider migrators call it inside their lock, on fresh rows.
import type { MigrationFile } from "./migrations-on-disk.ts";
import { matchesChecksum } from "./migrations-on-disk.ts";
import type { PrismaMigrationRow } from "./prisma-migrations-table.ts";
import type { Provider } from "./provider.ts";

/** A migration history that Ramp must not touch; the message says what to do. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    message: string,
    readonly migrationName: string | null,
  ) {
    super(message);
  }
}

function when(value: string | Date | null): string {
  if (value === null) return "never";
  return value instanceof Date ? value.toISOString() : value;
}

/** SQL to mark a row rolled back by hand, when the Prisma CLI cannot reach the database. */
function markRolledBackSql(provider: Provider, id: string): string {
  const now = provider === "sqlite" ? "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')" : "now()";
  return `UPDATE _prisma_migrations SET rolled_back_at = ${now} WHERE id = '${id}';`;
}

/**
 * The checked-in migrations not yet applied, in order.
 * @throws MigrationError when a migration failed, was edited after it was applied,
 *   or was applied by a build of Ramp that has migrations this one does not know.
 */
export function planPending(
  provider: Provider,
  local: readonly MigrationFile[],
  rows: readonly PrismaMigrationRow[],
): MigrationFile[] {
  const failed = rows.find((row) => row.finishedAt === null && row.rolledBackAt === null);
  if (failed) {
    throw new MigrationError(
      `Migration "${failed.migrationName}" is recorded as failed in _prisma_migrations ` +
        `(row ${failed.id}: started ${when(failed.startedAt)}, never finished, not rolled back). ` +
        "Ramp applies each migration in one transaction, so this row was left by another tool " +
        "(`prisma migrate deploy`) or by a manual change. No further migration is applied until it is " +
        "resolved. Check whether the migration's changes are in the database, complete or undo them by " +
        "hand, then mark the row: `npx prisma migrate resolve --rolled-back " +
        `${failed.migrationName}\` (or --applied if the changes are complete), or in SQL: ` +
        markRolledBackSql(provider, failed.id),
      failed.migrationName,
    );
  }

  const applied = rows.filter((row) => row.finishedAt !== null && row.rolledBackAt === null);
  const localByName = new Map(local.map((migration) => [migration.name, migration]));

  const unknown = applied.filter((row) => !localByName.has(row.migrationName));
  if (unknown.length > 0) {
    const names = unknown.map((row) => row.migrationName).join(", ");
    throw new MigrationError(
      `The database has migration(s) this build of Ramp does not have: ${names}. ` +
        "It was migrated by a newer Ramp (or from another branch); running an older schema " +
        "against it could corrupt data. Deploy the Ramp version that contains these migrations, " +
        "or restore a backup taken before they were applied.",
      unknown[0]?.migrationName ?? null,
    );
  }

  for (const row of applied) {
    const migration = localByName.get(row.migrationName)!;
    if (!matchesChecksum(migration.sql, row.checksum)) {
      throw new MigrationError(
        `Migration "${row.migrationName}" was changed after it was applied: ${migration.file} ` +
          `has checksum ${migration.checksum} but the database recorded ${row.checksum} ` +
          `when it applied it at ${when(row.finishedAt)}. An applied migration must never be edited. ` +
          "Restore the file from git (`git checkout -- <file>`) and put the change in a new " +
          "migration (`npm run db:migration -- <name>`).",
        row.migrationName,
      );
    }
  }

  const appliedNames = new Set(applied.map((row) => row.migrationName));
  return local.filter((migration) => !appliedNames.has(migration.name));
}

/** The error of a migration script that failed; its transaction was rolled back. */
export function migrationFailed(
  provider: Provider,
  migration: MigrationFile,
  cause: unknown,
): MigrationError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = new MigrationError(
    `Migration "${migration.name}" failed on ${provider}: ${reason}. It ran in a transaction ` +
      "that was rolled back, so none of it was kept and nothing needs resolving. Fix the cause " +
      `(the database error above, e.g. data the migration does not allow for) and start Ramp again. ` +
      `Script: ${migration.file}`,
    migration.name,
  );
  error.cause = cause;
  return error;
}
