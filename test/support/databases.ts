// The databases a storage contract runs against: SQLite always (temp files),
// PostgreSQL when RAMP_TEST_POSTGRES_URL names a server whose role may CREATE
// DATABASE (scripts/start-test-postgres.sh prints one). Each test file gets fresh,
// uniquely named databases, removed after its last test, so files run in parallel.
//
//   describeEachDatabase("task claims", (target) => {
//     let db: Database;
//     beforeAll(async () => { db = await target.open(); });
//     it("lets one claimer win", async () => { … db.client.task … });
//   });
//
// Under CI (CI set), a missing RAMP_TEST_POSTGRES_URL fails the file instead of
// skipping PostgreSQL: a green run must mean both providers passed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Database, type OpenDatabaseOptions, openDatabase } from "../../src/store/database.ts";
import type { Provider } from "../../src/store/provider.ts";

export interface TestDatabase {
  readonly provider: Provider;
  /** DATABASE_URL of this block's own database: fresh, empty, created before its first test. */
  readonly url: string;
  /** Another fresh, empty database of the same provider, removed with the others. */
  createDatabase(): Promise<string>;
  /** openDatabase(url, options), closed automatically after the block's tests. */
  open(options?: OpenDatabaseOptions, url?: string): Promise<Database>;
}

/** A provider's way to make and remove scratch databases. */
interface DatabaseFactory {
  create(): Promise<string>;
  removeAll(): Promise<void>;
}

const POSTGRES_ENV = "RAMP_TEST_POSTGRES_URL";

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

function sqliteFactory(): DatabaseFactory {
  let dir: string | null = null;
  let count = 0;
  return {
    async create() {
      dir ??= mkdtempSync(path.join(os.tmpdir(), "ramp-test-sqlite-"));
      count += 1;
      return `file:${path.join(dir, `ramp-${count}.db`)}`;
    },
    async removeAll() {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}

const TEST_DATABASE_PREFIX = "ramp_test_";
let janitorRan = false;

/**
 * Drops test databases left by runs that were killed before their afterAll (the
 * name says which process made them and when): only those older than an hour whose
 * process is gone, so a parallel run, even one on another machine sharing the
 * server, keeps its own.
 */
async function dropAbandonedDatabases(client: pg.Client): Promise<void> {
  if (janitorRan) return;
  janitorRan = true;
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'ramp\\_test\\_%'",
  );
  for (const { datname } of rows) {
    const match = /^ramp_test_(\d+)_([0-9a-z]+)_/.exec(datname);
    if (!match) continue;
    const createdAt = Number.parseInt(match[2]!, 36);
    if (Date.now() - createdAt < 60 * 60 * 1000 || processAlive(Number(match[1]))) continue;
    await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function postgresFactory(adminUrl: string): DatabaseFactory {
  const created: string[] = [];
  const withAdmin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      throw new Error(
        `Cannot reach the test PostgreSQL at ${POSTGRES_ENV}=${adminUrl.replace(/:[^:@/]*@/, ":***@")}: ` +
          `${error instanceof Error ? error.message : String(error)}. Start it with ` +
          "scripts/start-test-postgres.sh, or unset the variable to test SQLite only.",
      );
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  };
  return {
    async create() {
      // Unique across parallel workers and leftover databases of crashed runs.
      const name = `${TEST_DATABASE_PREFIX}${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      await withAdmin(async (client) => {
        await dropAbandonedDatabases(client);
        await client.query(`CREATE DATABASE "${name}"`);
      });
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async removeAll() {
      if (created.length === 0) return;
      const names = created.splice(0);
      await withAdmin(async (client) => {
        for (const name of names) await dropDatabase(client, name);
      });
    },
  };
}

/**
 * FORCE: a test that failed half-way may have left a connection open. An autovacuum worker on
 * the new database cannot be ended by a non-superuser (42501): it finishes in a moment, so try
 * again; a database still left is dropped by a later run's dropAbandonedDatabases.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501") throw error;
      if (attempt === 20) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function testDatabase(provider: Provider, factory: DatabaseFactory): TestDatabase {
  let url: string | null = null;
  const opened: Database[] = [];
  beforeAll(async () => {
    url = await factory.create();
  });
  afterAll(async () => {
    await Promise.allSettled(opened.splice(0).map((db) => db.close()));
    await factory.removeAll();
  });
  const currentUrl = (): string => {
    if (url === null) {
      throw new Error("TestDatabase.url is created in beforeAll: read it inside a hook or a test.");
    }
    return url;
  };
  return {
    provider,
    get url() {
      return currentUrl();
    },
    createDatabase: () => factory.create(),
    async open(options, otherUrl) {
      const db = await openDatabase(otherUrl ?? currentUrl(), options);
      opened.push(db);
      return db;
    },
  };
}

/** A stand-in for a provider whose describe block is skipped; it is never called. */
function unavailable(provider: Provider, reason: string): TestDatabase {
  const fail = (): never => {
    throw new Error(`${provider} is not available for tests: ${reason}`);
  };
  return {
    provider,
    get url() {
      return fail();
    },
    createDatabase: async () => fail(),
    open: async () => fail(),
  };
}

/**
 * Declares `fn`'s tests once per database provider, each in its own describe block
 * ("<name> [sqlite]", "<name> [postgresql]") with its own fresh databases.
 */
export function describeEachDatabase(name: string, fn: (target: TestDatabase) => void): void {
  describe(`${name} [sqlite]`, () => fn(testDatabase("sqlite", sqliteFactory())));

  const adminUrl = process.env[POSTGRES_ENV];
  if (adminUrl) {
    describe(`${name} [postgresql]`, () =>
      fn(testDatabase("postgresql", postgresFactory(adminUrl))));
  } else if (inCi()) {
    throw new Error(
      `CI is set but ${POSTGRES_ENV} is not: the PostgreSQL half of "${name}" would be skipped ` +
        "silently. Start PostgreSQL in CI (scripts/start-test-postgres.sh prints the URL) and export " +
        `${POSTGRES_ENV}=postgresql://ramp:ramp@127.0.0.1:5432/ramp.`,
    );
  } else {
    const reason = `${POSTGRES_ENV} is not set`;
    describe.skip(`${name} [postgresql] (skipped: ${reason})`, () =>
      fn(unavailable("postgresql", reason)));
  }
}
