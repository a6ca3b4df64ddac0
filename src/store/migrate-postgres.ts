// Applies migrations to PostgreSQL with pg directly, on a connection of its own
// that is closed afterwards. (Prisma's own migrate commands cannot run here: the
// pg driver adapter of Prisma 6.19 fails on the catalog's `name` type.)
//
// Locking: the session holds Prisma Migrate's own advisory lock while it works, so
// two Ramp replicas starting together, or Ramp and `prisma migrate deploy`, never
// migrate at once; whoever comes second re-reads _prisma_migrations and finds the
// work done. Each migration is one transaction with its bookkeeping row:
// PostgreSQL's DDL is transactional, so a failure leaves nothing behind.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrationFailed, planPending } from "./migration-plan.ts";
import type { MigrationFile } from "./migrations-on-disk.ts";
import {
  POSTGRES_CREATE_PRISMA_MIGRATIONS,
  SELECT_PRISMA_MIGRATIONS,
  toPrismaMigrationRow,
} from "./prisma-migrations-table.ts";

/** The key Prisma Migrate locks with `pg_advisory_lock` (its schema engine, 6.x). */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface PostgresMigrateOptions {
  /** How long to wait for another process's migration to release the lock. */
  readonly lockTimeoutMs: number;
  /** Prisma's `?schema=` URL parameter: where the tables live (default: search_path). */
  readonly schema?: string | undefined;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies the pending migrations to the PostgreSQL database; returns their names. */
export async function migratePostgres(
  connectionString: string,
  migrations: readonly MigrationFile[],
  { lockTimeoutMs, schema }: PostgresMigrateOptions,
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  // A dropped connection surfaces as a failed query; without a listener the
  // 'error' event would also crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await acquireLock(client, lockTimeoutMs);
    try {
      if (schema !== undefined) {
        // Like Prisma, create a missing schema (under the lock: concurrent
        // CREATE SCHEMA IF NOT EXISTS can still collide).
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
        await client.query(`SET search_path TO ${quoteIdent(schema)}`);
      }
      const applied: string[] = [];
      for (;;) {
        const name = await applyNext(client, migrations);
        if (name === null) return applied;
        applied.push(name);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY}) AS locked`,
    );
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the migration lock ` +
          `(pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY}), shared with Prisma Migrate): another ` +
          "process is migrating this database, or hangs holding the lock. Find it with " +
          `\`SELECT pid, state, query FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks ` +
          `WHERE locktype = 'advisory' AND objid = ${PRISMA_ADVISORY_LOCK_KEY})\` and let it finish ` +
          "or end it with pg_terminate_backend(pid).",
      );
    }
    await sleep(100);
  }
}

/** One transaction: the first pending migration and its row; null when none is left. */
async function applyNext(
  client: pg.Client,
  migrations: readonly MigrationFile[],
): Promise<string | null> {
  await client.query("BEGIN");
  try {
    const { rows: table } = await client.query<{ found: string | null }>(
      "SELECT to_regclass('_prisma_migrations')::text AS found",
    );
    if (!table[0]?.found) await client.query(POSTGRES_CREATE_PRISMA_MIGRATIONS);
    const { rows } = await client.query(SELECT_PRISMA_MIGRATIONS);
    const next = planPending("postgresql", migrations, rows.map(toPrismaMigrationRow))[0];
    if (next) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count)
         VALUES ($1, $2, $3, $4, 0)`,
        [id, next.checksum, new Date(), next.name],
      );
      try {
        await client.query(next.sql);
      } catch (error) {
        throw migrationFailed("postgresql", next, error);
      }
      await client.query(
        `UPDATE _prisma_migrations
         SET finished_at = $2, applied_steps_count = applied_steps_count + 1
         WHERE id = $1`,
        [id, new Date()],
      );
    }
    await client.query("COMMIT");
    return next?.name ?? null;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
