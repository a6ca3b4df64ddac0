import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationError, migrate } from "../../src/store/migrate.ts";
import {
  defaultMigrationsDir,
  readMigrationsFromDisk,
} from "../../src/store/migrations-on-disk.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { PROJECT_ROOT, runPrismaCli, runTypeScript } from "../support/node-scripts.ts";
import { rawQuery, tableExists } from "../support/raw-sql.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const scratchDirs: string[] = [];
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a provider's checked-in migrations, to add or edit migrations in. */
function copyOfMigrations(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-test-migrations-"));
  scratchDirs.push(dir);
  cpSync(source, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function migrationRows(url: string) {
  return rawQuery(
    url,
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
     FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
}

describeEachDatabase("migrations", (target) => {
  const checkedIn = defaultMigrationsDir(target.provider);
  const names = readMigrationsFromDisk(checkedIn).map((migration) => migration.name);

  it("has at least the initial migration checked in", () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toMatch(/^\d{14}_init$/);
  });

  // target.url: migrated twice here, inspected by the tests below; the other tests
  // make databases of their own.
  let firstRun: string[] = [];
  let secondRun: string[] = [];
  beforeAll(async () => {
    firstRun = await migrate(target.url);
    secondRun = await migrate(target.url);
  });

  it("applies every checked-in migration to a fresh database, then nothing", async () => {
    expect(firstRun).toEqual(names);
    for (const table of ["Incident", "Task", "TimelineEntry", "OutboxMessage", "ConversationRef"]) {
      expect(await tableExists(target.url, table), table).toBe(true);
    }
    expect(secondRun).toEqual([]);
    expect(await migrationRows(target.url)).toHaveLength(names.length);
  });

  it("keeps Prisma's bookkeeping: one finished row per migration, checksum = sha256 of the file", async () => {
    const rows = await migrationRows(target.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = readFileSync(path.join(checkedIn, String(row.migration_name), "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(UUID);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
      expect(row.finished_at).not.toBeNull();
      const started = new Date(row.started_at as string | Date).getTime();
      const finished = new Date(row.finished_at as string | Date).getTime();
      expect(Number.isNaN(started)).toBe(false);
      expect(finished).toBeGreaterThanOrEqual(started);
    }
  });

  it("creates _prisma_migrations with Prisma's column types", async () => {
    const columns =
      target.provider === "sqlite"
        ? (
            await rawQuery(
              target.url,
              "SELECT name, type, \"notnull\" FROM pragma_table_info('_prisma_migrations')",
            )
          ).map((c) => `${c.name} ${c.type}${c.notnull ? " NOT NULL" : ""}`)
        : (
            await rawQuery(
              target.url,
              `SELECT column_name, data_type, character_maximum_length, is_nullable
               FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
            )
          ).map(
            (c) =>
              `${c.column_name} ${c.data_type}${c.character_maximum_length ? `(${c.character_maximum_length})` : ""}${c.is_nullable === "NO" ? " NOT NULL" : ""}`,
          );
    const expected =
      target.provider === "sqlite"
        ? [
            "id TEXT NOT NULL",
            "checksum TEXT NOT NULL",
            "finished_at DATETIME",
            "migration_name TEXT NOT NULL",
            "logs TEXT",
            "rolled_back_at DATETIME",
            "started_at DATETIME NOT NULL",
            "applied_steps_count INTEGER UNSIGNED NOT NULL",
          ]
        : [
            "id character varying(36) NOT NULL",
            "checksum character varying(64) NOT NULL",
            "finished_at timestamp with time zone",
            "migration_name character varying(255) NOT NULL",
            "logs text",
            "rolled_back_at timestamp with time zone",
            "started_at timestamp with time zone NOT NULL",
            "applied_steps_count integer NOT NULL",
          ];
    expect(columns).toEqual(expected);
  });

  it("refuses a checked-in migration that was edited after it was applied", async () => {
    const url = await target.createDatabase();
    await migrate(url);
    const edited = copyOfMigrations(checkedIn);
    const first = names[0]!;
    const file = path.join(edited, first, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- an innocent-looking edit\n`);

    const error = await migrate(url, { migrationsDir: edited }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe(first);
    expect((error as Error).message).toContain(
      `Migration "${first}" was changed after it was applied`,
    );
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain("new migration");
  });

  it("accepts a migration whose only change is CRLF line endings (git autocrlf)", async () => {
    const url = await target.createDatabase();
    await migrate(url);
    const crlf = copyOfMigrations(checkedIn);
    const file = path.join(crlf, names[0]!, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    expect(await migrate(url, { migrationsDir: crlf })).toEqual([]);
  });

  it("refuses to go on while a migration is recorded as failed", async () => {
    const url = await target.createDatabase();
    await migrate(url);
    const withNext = copyOfMigrations(checkedIn);
    addMigration(withNext, "29990101000000_next", 'CREATE TABLE "Next" ("id" TEXT PRIMARY KEY);\n');
    // What `prisma migrate deploy` leaves when a script fails half-way.
    await rawQuery(
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000001', 'abc', '29990101000000_next', $1, 'boom', 0)`,
      [target.provider === "sqlite" ? "2026-01-01T00:00:00.000+00:00" : new Date()],
    );

    const error = await migrate(url, { migrationsDir: withNext }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    const message = (error as Error).message;
    expect(message).toContain('Migration "29990101000000_next" is recorded as failed');
    expect(message).toContain("prisma migrate resolve --rolled-back 29990101000000_next");
    expect(message).toContain("00000000-0000-4000-8000-000000000001");
    expect(await tableExists(url, "Next")).toBe(false);

    // Resolved the way the message says: the row is ignored and the migration runs.
    await rawQuery(
      url,
      `UPDATE _prisma_migrations SET rolled_back_at = $1 WHERE id = '00000000-0000-4000-8000-000000000001'`,
      [target.provider === "sqlite" ? "2026-01-01T00:00:01.000+00:00" : new Date()],
    );
    expect(await migrate(url, { migrationsDir: withNext })).toEqual(["29990101000000_next"]);
    expect(await tableExists(url, "Next")).toBe(true);
  });

  it("rolls a failing migration back completely and applies it once fixed", async () => {
    const url = await target.createDatabase();
    const dir = copyOfMigrations(checkedIn);
    const broken = "29990101000000_broken";
    addMigration(
      dir,
      broken,
      'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (\'x\');\n',
    );

    const error = await migrate(url, { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe(broken);
    expect((error as Error).message).toContain(
      `Migration "${broken}" failed on ${target.provider}`,
    );
    expect((error as Error).message).toMatch(/NoSuchTable/i);
    // The migrations before it stay applied; nothing of the broken one is left.
    expect((await migrationRows(url)).map((row) => row.migration_name)).toEqual(names);
    expect(await tableExists(url, "Extra")).toBe(false);

    addMigration(dir, broken, 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\n');
    expect(await migrate(url, { migrationsDir: dir })).toEqual([broken]);
    expect(await tableExists(url, "Extra")).toBe(true);
  });

  it("refuses a database migrated by a newer Ramp", async () => {
    const url = await target.createDatabase();
    const newer = copyOfMigrations(checkedIn);
    addMigration(
      newer,
      "29990101000000_future",
      'CREATE TABLE "Future" ("id" TEXT PRIMARY KEY);\n',
    );
    await migrate(url, { migrationsDir: newer });

    const error = await migrate(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain("29990101000000_future");
    expect((error as Error).message).toContain("does not have");
  });

  it("applies each migration exactly once when several migrators start together (one process)", async () => {
    const url = await target.createDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat().sort()).toEqual([...names].sort());
    expect(await migrationRows(url)).toHaveLength(names.length);
  });

  it("applies each migration exactly once when several processes migrate together", async () => {
    const url = await target.createDatabase();
    const script = path.join(PROJECT_ROOT, "test", "support", "migrate-process.ts");
    // Process start-up takes about a second; all three begin migrating 3 s from now.
    const startAt = String(Date.now() + 3000);
    const runs = await Promise.all([1, 2, 3].map(() => runTypeScript(script, [url, startAt])));
    for (const run of runs) expect(run.stderr + run.stdout).not.toMatch(/Error/);
    for (const run of runs) expect(run.status).toBe(0);
    const applied = runs.flatMap((run) => JSON.parse(run.stdout.trim()) as string[]);
    expect(applied.sort()).toEqual([...names].sort());
    expect(await migrationRows(url)).toHaveLength(names.length);
  });

  describe.runIf(target.provider === "sqlite")("compatibility with Prisma Migrate", () => {
    it("`prisma migrate status` finds a database migrated by Ramp up to date", async () => {
      const url = await target.createDatabase();
      await migrate(url);
      const status = runPrismaCli(["migrate", "status"], url);
      expect(status.stdout + status.stderr).toContain("Database schema is up to date!");
      expect(status.status).toBe(0);
    });

    it("takes over a database migrated by `prisma migrate deploy`, with the same table", async () => {
      const byPrisma = await target.createDatabase();
      const deploy = runPrismaCli(["migrate", "deploy"], byPrisma);
      expect(deploy.stdout + deploy.stderr).toContain("successfully applied");
      expect(await migrate(byPrisma)).toEqual([]);

      const byRamp = await target.createDatabase();
      await migrate(byRamp);
      const ddl = (url: string) =>
        rawQuery(url, "SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'");
      expect(await ddl(byRamp)).toEqual(await ddl(byPrisma));

      // Timestamps in the format Prisma's SQLite adapter writes them.
      const [prismaRow] = await migrationRows(byPrisma);
      const [rampRow] = await migrationRows(byRamp);
      const shape = (value: unknown) => String(value).replace(/\d/g, "0");
      expect(shape(rampRow?.started_at)).toBe(shape(prismaRow?.started_at));
      expect(shape(rampRow?.finished_at)).toBe(shape(prismaRow?.finished_at));
    });

    it("rebuilds a parent table the way Prisma's SQLite scripts do without cascading to its children", async () => {
      // A real Prisma rebuild script: making Incident.officeHours required makes
      // Prisma copy Incident into a new table and DROP the old one.
      const snapshot = path.join(PROJECT_ROOT, "prisma", "migrations", "schema.snapshot.prisma");
      const changed = path.join(copyOfMigrations(checkedIn), "changed.prisma");
      writeFileSync(
        changed,
        readFileSync(snapshot, "utf8").replace(
          /officeHours\s+Boolean\?/,
          "officeHours Boolean @default(false)",
        ),
      );
      const diff = runPrismaCli(
        [
          "migrate",
          "diff",
          "--from-schema-datamodel",
          snapshot,
          "--to-schema-datamodel",
          changed,
          "--script",
        ],
        await target.createDatabase(),
      );
      expect(diff.stdout).toContain('DROP TABLE "Incident"');

      const url = await target.createDatabase();
      await migrate(url);
      await rawQuery(
        url,
        `INSERT INTO "Incident" (id, organisation, number, planHash, classification, scope, description, declaredById, declaredAt)
         VALUES ('i1', 'org', '2026-001', 'h', 'c', 's', 'd', 'p', '2026-01-01T00:00:00.000+00:00')`,
      );
      await rawQuery(
        url,
        `INSERT INTO "Page" (id, incidentId, personId, functionId, sentAt, ackDueAt)
         VALUES ('p1', 'i1', 'jan', 'coordinator', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:10:00.000+00:00')`,
      );
      const dir = copyOfMigrations(checkedIn);
      addMigration(dir, "29990101000000_office_hours_required", diff.stdout);
      expect(await migrate(url, { migrationsDir: dir })).toEqual([
        "29990101000000_office_hours_required",
      ]);
      expect(await rawQuery(url, 'SELECT id FROM "Page"')).toEqual([{ id: "p1" }]);
      expect(await rawQuery(url, 'SELECT "officeHours" FROM "Incident"')).toEqual([
        { officeHours: 0 },
      ]);
    });

    it("refuses a migration that leaves dangling foreign keys, and keeps none of it", async () => {
      const url = await target.createDatabase();
      const dir = copyOfMigrations(checkedIn);
      addMigration(
        dir,
        "29990101000000_orphan",
        `INSERT INTO "Page" (id, incidentId, personId, functionId, sentAt, ackDueAt)
         VALUES ('p1', 'missing', 'jan', 'coordinator', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:10:00.000+00:00');\n`,
      );
      const error = await migrate(url, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain("foreign key points nowhere (Page row");
      expect(await rawQuery(url, 'SELECT id FROM "Page"')).toEqual([]);
    });
  });
});
