// The Prisma client of a SQLite file: one per file per process, shared by every
// Database opened on that file.
//
// Why shared: better-sqlite3 waits for a lock synchronously. With two connections
// to one file in one process, the first holds the write lock across an `await`
// (Prisma runs BEGIN, the statements and COMMIT as separate async steps) while the
// second blocks the whole event loop waiting for that lock, so the first can never
// COMMIT; after the busy timeout Prisma reports "Operation has timed out". On one
// shared connection Prisma's adapter serializes transactions instead. Separate
// processes are fine: the busy timeout makes them wait their turn.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "./db.ts";
import { type MigrateOptions, migrate } from "./migrate.ts";
import { withOneWriter } from "./sqlite-one-writer.ts";
import { withKeptStatements } from "./sqlite-statements.ts";
import { guardClient } from "./unavailable.ts";

/**
 * SQLite's wait for a lock held by another process before SQLITE_BUSY. better-sqlite3 waits
 * synchronously, so the whole process stands still meanwhile; and a person on Slack must hear
 * "probeer opnieuw" within Slack's 3 s. Other processes hold the lock for a short write only
 * (WAL: readers never wait), so 2 s is plenty; a lock held longer is an outage.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 2000;

export interface SqliteClientLease {
  readonly client: Db;
  /** Migrations applied for this lease (empty when the file was already migrated here). */
  readonly appliedMigrations: string[];
  /** Gives the client back; the last lease of a file disconnects it. Idempotent. */
  release(): Promise<void>;
}

interface SharedClient {
  readonly client: Db;
  leases: number;
  migrated: boolean;
}

const shared = new Map<string, SharedClient>();
const queues = new Map<string, Promise<unknown>>();

/** Runs opens and closes of one file one after the other. */
function serialized<T>(file: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const result = previous.then(work, work);
  const settled = result.catch(() => {});
  queues.set(file, settled);
  settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return result;
}

/**
 * The client for a SQLite file, migrated first unless `migrate` is false. Within
 * one process the file is migrated once: later leases share the client and skip the
 * migrator, whose lock wait could otherwise block on a write of the shared client.
 */
export function leaseSqliteClient(
  file: string,
  options: MigrateOptions & { readonly migrate: boolean },
): Promise<SqliteClientLease> {
  return serialized(file, async () => {
    let entry = shared.get(file);
    let appliedMigrations: string[] = [];
    if (options.migrate && !entry?.migrated) {
      appliedMigrations = await migrate({ provider: "sqlite", file }, options);
    }
    if (!entry) {
      mkdirSync(path.dirname(file), { recursive: true });
      entry = { client: await connect(file), leases: 0, migrated: options.migrate };
      shared.set(file, entry);
    }
    entry.migrated ||= options.migrate;
    entry.leases += 1;
    const leased = entry;
    let released = false;
    return {
      client: leased.client,
      appliedMigrations,
      release: async () => {
        if (released) return;
        released = true;
        await serialized(file, async () => {
          leased.leases -= 1;
          if (leased.leases > 0) return;
          shared.delete(file);
          await leased.client.$disconnect();
        });
      },
    };
  });
}

async function connect(file: string): Promise<Db> {
  const { PrismaClient } = await import("./generated/sqlite/client.ts");
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  // `timeout` is better-sqlite3's busy timeout, set on every connection it opens.
  const adapter = withOneWriter(
    withKeptStatements(
      new PrismaBetterSQLite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    ),
  );
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
  return guardClient(client);
}
