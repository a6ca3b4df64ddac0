// Opens Ramp's database from DATABASE_URL: decides the provider, applies the
// checked-in migrations, and builds the generated Prisma client with the driver
// adapter of that provider. Only src/store/ imports Prisma or the generated client;
// the core sees the `Db` type through the store's own modules.
import { parseDatabaseUrl } from "./database-url.ts";
import type { Db } from "./db.ts";
import { type MigrateOptions, migrate } from "./migrate.ts";
import { connectPostgres } from "./postgres-client.ts";
import type { Provider } from "./provider.ts";
import { leaseSqliteClient } from "./sqlite-client.ts";
import { databaseUnavailable } from "./unavailable.ts";

export type { Db } from "./db.ts";
export { MigrationError } from "./migrate.ts";
export type { Provider } from "./provider.ts";

export interface DatabaseHealth {
  readonly ok: boolean;
  readonly provider: Provider;
  /** Round trip of the check; 0 when it did not reach the database. */
  readonly latencyMs: number;
  /** Migrations recorded as applied; the last known count when the check failed. */
  readonly migrations: number;
  readonly error?: string;
}

export interface Database {
  readonly provider: Provider;
  /**
   * The Prisma client. SQLite: every Database open on one file in this process
   * shares one client (one connection, see sqlite-client.ts for why).
   */
  readonly client: Db;
  /** The migrations applied while opening (empty when up to date or skipped). */
  readonly appliedMigrations: readonly string[];
  health(): Promise<DatabaseHealth>;
  /** Idempotent. A shared SQLite client disconnects when its last Database closes. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions extends MigrateOptions {
  /** Apply pending migrations before building the client; default true. */
  readonly migrate?: boolean;
}

/**
 * @param url DATABASE_URL: `file:./data/ramp.db` (SQLite, relative to the working
 *   directory, parent directory created; WAL, busy timeout 2 s, foreign keys on) or
 *   `postgresql://…` / `postgres://…` (Prisma's `?schema=` honoured)
 * @throws Error naming DATABASE_URL when the URL is neither; MigrationError when the
 *   migration history does not allow starting
 */
export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const wantsMigrations = options.migrate !== false;

  let client: Db;
  let appliedMigrations: string[];
  let release: () => Promise<void>;
  if (target.provider === "sqlite") {
    const lease = await leaseSqliteClient(target.file, { ...options, migrate: wantsMigrations });
    ({ client, appliedMigrations } = lease);
    release = lease.release;
  } else {
    appliedMigrations = wantsMigrations ? await migrate(target, options) : [];
    const own = await connectPostgres(target);
    client = own;
    release = () => own.$disconnect();
  }

  const migrationsTable =
    target.provider === "postgresql" && target.schema !== undefined
      ? `"${target.schema.replaceAll('"', '""')}"._prisma_migrations`
      : "_prisma_migrations";
  let migrations = 0;
  let closed = false;

  return {
    provider: target.provider,
    client,
    appliedMigrations,
    async health() {
      // Prisma reconnects lazily: a query after close() would open a new connection.
      if (closed) {
        return {
          ok: false,
          provider: target.provider,
          latencyMs: 0,
          migrations,
          error: "the database was closed",
        };
      }
      const started = performance.now();
      try {
        const rows = await client.$queryRawUnsafe<{ n: number | bigint | string }[]>(
          `SELECT COUNT(*) AS n FROM ${migrationsTable} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        );
        migrations = Number(rows[0]?.n ?? 0);
        // A write that changes nothing: SQLite in WAL mode still reads while another process
        // holds the write lock, yet no command could be stored.
        await client.$executeRawUnsafe(
          `UPDATE ${migrationsTable} SET finished_at = finished_at WHERE 1 = 0`,
        );
        return {
          ok: true,
          provider: target.provider,
          latencyMs: Math.round(performance.now() - started),
          migrations,
        };
      } catch (error) {
        return {
          ok: false,
          provider: target.provider,
          latencyMs: Math.round(performance.now() - started),
          migrations,
          error: describeFailure(error),
        };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await boundedRelease(release);
    },
  };
}

/**
 * A PostgreSQL pool ends only when every client is back; a client still held by a request cut
 * off at shutdown would hold the shutdown up indefinitely (seen in the board tests). Waiting
 * longer than this tells nothing more: the connection ends with the process.
 */
async function boundedRelease(release: () => Promise<void>, waitMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), waitMs);
    timer.unref();
  });
  const outcome = await Promise.race([release().then(() => "released" as const), gaveUp]);
  clearTimeout(timer);
  if (outcome === "timeout")
    process.emitWarning(
      `Ramp: the database did not close within ${waitMs / 1000} s (a connection is still in use); going on without it.`,
    );
}

/** The driver's words for an unreachable database; otherwise the error's own message. */
function describeFailure(error: unknown): string {
  const unavailable = databaseUnavailable(error);
  if (unavailable) return `cannot be reached or is locked: ${unavailable.detail}`;
  return error instanceof Error ? error.message : String(error);
}
