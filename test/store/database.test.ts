import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import { defaultMigrationsDir, readMigrationsFromDisk } from "../../src/store/migrations-on-disk.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { rawQuery, tableExists } from "../support/raw-sql.ts";

describeEachDatabase("openDatabase", (target) => {
  const names = readMigrationsFromDisk(defaultMigrationsDir(target.provider)).map((m) => m.name);

  it("migrates on open, reports healthy, and applies nothing the next time", async () => {
    const db = await target.open();
    expect(db.provider).toBe(target.provider);
    expect(db.appliedMigrations).toEqual(names);
    const health = await db.health();
    expect(health).toEqual({
      ok: true,
      provider: target.provider,
      latencyMs: expect.any(Number),
      migrations: names.length,
    });
    expect(await db.client.incident.count()).toBe(0);
    await db.close();

    const again = await target.open();
    expect(again.appliedMigrations).toEqual([]);
    await again.close();
  });

  it("reports unhealthy once closed, without reconnecting", async () => {
    const db = await target.open({}, await target.createDatabase());
    await db.close();
    const health = await db.health();
    expect(health.ok).toBe(false);
    expect(health.migrations).toBe(0);
    expect(health.error).toContain("closed");
    await db.close(); // closing twice is harmless
  });

  it("leaves the database alone with migrate: false", async () => {
    const url = await target.createDatabase();
    const db = await target.open({ migrate: false }, url);
    expect(db.appliedMigrations).toEqual([]);
    expect(await tableExists(url, "_prisma_migrations")).toBe(false);
    const health = await db.health();
    expect(health.ok).toBe(false);
    expect(health.error).toMatch(/_prisma_migrations/);
  });

  it.runIf(target.provider === "sqlite")(
    "refuses a second handle on a SQLite file this process already has open",
    async () => {
      const url = await target.createDatabase();
      const first = await target.open({}, url);
      await expect(openDatabase(url)).rejects.toThrow(/already open in this process/);
      await first.close();
      const second = await target.open({}, url);
      expect((await second.health()).ok).toBe(true);
    },
  );

  it.runIf(target.provider === "postgresql")(
    "keeps its tables in the schema named by ?schema=, like Prisma",
    async () => {
      const url = `${await target.createDatabase()}?schema=crisis`;
      const db = await target.open({}, url);
      expect(db.appliedMigrations).toEqual(names);
      const tables = await rawQuery(
        url,
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('Incident', '_prisma_migrations') ORDER BY table_name",
      );
      expect(tables).toEqual([
        { table_schema: "crisis", table_name: "Incident" },
        { table_schema: "crisis", table_name: "_prisma_migrations" },
      ]);
      expect(await db.client.conversationRef.count()).toBe(0);
      expect(await db.health()).toMatchObject({ ok: true, migrations: names.length });
    },
  );
});

describe("openDatabase without a database", () => {
  it("rejects an unsupported DATABASE_URL before touching anything", async () => {
    await expect(openDatabase("mysql://root@localhost/ramp")).rejects.toThrow(
      /DATABASE_URL .*file:\.\/data\/ramp\.db.*postgresql:\/\//,
    );
  });

  it("creates a relative SQLite file, and its directories, under the working directory", async () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "ramp-test-cwd-")));
    const before = process.cwd();
    process.chdir(dir);
    try {
      const db = await openDatabase("file:./var/data/ramp.db");
      expect((await db.health()).ok).toBe(true);
      await db.close();
      expect(existsSync(path.join(dir, "var", "data", "ramp.db"))).toBe(true);
    } finally {
      process.chdir(before);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports an unreachable PostgreSQL server as unhealthy, with the reason", async () => {
    const db = await openDatabase("postgresql://ramp:ramp@127.0.0.1:1/ramp", { migrate: false });
    try {
      const health = await db.health();
      expect(health).toMatchObject({ ok: false, provider: "postgresql", migrations: 0 });
      expect(health.error).toBeTruthy();
    } finally {
      await db.close();
    }
  });
});
