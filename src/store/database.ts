// Opens Ramp's database from DATABASE_URL: decides the provider, applies the
// checked-in migrations, and builds the generated Prisma client with the driver
// adapter of that provider. Only src/store/ imports Prisma or the generated client;
// the core sees the `Db` type through the store's own modules.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type DatabaseTarget, parseDatabaseUrl } from "./database-url.ts";
import type { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import { type MigrateOptions, migrate } from "./migrate.ts";
import type { Provider } from "./provider.ts";

export type { Provider } from "./provider.ts";

/**
 * The Prisma client Ramp's store works with. Its type is the one generated from
 * prisma/schema.prisma (SQLite); the PostgreSQL client has the same model API, see
 * postgresClient() below.
 */
export type Db = SqlitePrismaClient;

export interface DatabaseHealth {
  readonly ok: boolean;
  readonly provider: Provider;
  /** Round trip of the check; 0 when it failed before reaching the database. */
  readonly latencyMs: number;
  /** Migrations recorded as applied; the last known count when the check failed. */
  readonly migrations: number;
  readonly error?: string;
}

export interface Database {
  readonly provider: Provider;
  readonly client: Db;
  /** The migrations applied while opening (empty when up to date or skipped). */
  readonly appliedMigrations: readonly string[];
  health(): Promise<DatabaseHealth>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions extends MigrateOptions {
  /** Apply pending migrations before building the client; default true. */
  readonly migrate?: boolean;
}

/** SQLite's wait for a lock held by another connection before SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite files open in this process. better-sqlite3 waits for a lock synchronously,
 * so two handles on one file in one process deadlock as soon as both write: the
 * second blocks the event loop on a lock that only the first, stuck behind it, can
 * release (Prisma then reports "Operation has timed out"). One handle per file per
 * process; other processes are fine, they wait their turn.
 */
const openSqliteFiles = new Set<string>();

/**
 * @param url DATABASE_URL: `file:./data/ramp.db` (SQLite, relative to the working
 *   directory, parent directory created) or `postgresql://…` / `postgres://…`
 * @throws Error naming DATABASE_URL when the URL is neither; MigrationError when the
 *   migration history does not allow starting
 */
export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const target = parseDatabaseUrl(url);
  const sqliteFile = target.provider === "sqlite" ? target.file : null;
  if (sqliteFile !== null) {
    if (openSqliteFiles.has(sqliteFile)) {
      throw new Error(
        `SQLite database ${sqliteFile} is already open in this process. Share that Database ` +
          "instead of opening a second one: two connections to one SQLite file in one process " +
          "deadlock when both write. Close the first one if it is no longer needed.",
      );
    }
    mkdirSync(path.dirname(sqliteFile), { recursive: true });
    openSqliteFiles.add(sqliteFile);
  }
  let appliedMigrations: string[];
  let client: Db;
  try {
    appliedMigrations = options.migrate === false ? [] : await migrate(target, options);
    client =
      target.provider === "sqlite" ? await sqliteClient(target.file) : await postgresClient(target);
  } catch (error) {
    if (sqliteFile !== null) openSqliteFiles.delete(sqliteFile);
    throw error;
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
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.$disconnect();
      } finally {
        if (sqliteFile !== null) openSqliteFiles.delete(sqliteFile);
      }
    },
  };
}

async function sqliteClient(file: string): Promise<Db> {
  const { PrismaClient } = await import("./generated/sqlite/client.ts");
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  // `timeout` is better-sqlite3's busy timeout, set on every connection it opens.
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const client = new PrismaClient({ adapter });
  try {
    // The migrator already switched the file to WAL (kept in the file); repeated here
    // for a database opened with migrate: false. Foreign keys are per connection:
    // better-sqlite3 turns them on by default, but cascades must not hang on that.
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  } catch (error) {
    await client.$disconnect().catch(() => {});
    throw error;
  }
  return client;
}

async function postgresClient(
  target: Extract<DatabaseTarget, { provider: "postgresql" }>,
): Promise<Db> {
  const { PrismaClient } = await import("./generated/postgresql/client.ts");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const adapter = new PrismaPg(
    { connectionString: target.url },
    target.schema === undefined ? undefined : { schema: target.schema },
  );
  // The one cast between the two generated clients. prisma/postgresql/schema.prisma
  // is derived from prisma/schema.prisma with only the provider and output changed
  // (scripts/db-schemas.mjs; a test fails when it is stale), so both clients have
  // the same models, fields and methods. TypeScript still sees two unrelated
  // generated type trees, hence `unknown`. What does differ, raw SQL dialect, is up
  // to the caller of $queryRaw.
  return new PrismaClient({ adapter }) as unknown as Db;
}
