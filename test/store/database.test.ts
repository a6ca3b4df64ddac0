import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import {
  defaultMigrationsDir,
  readMigrationsFromDisk,
} from "../../src/store/migrations-on-disk.ts";
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
    "shares one client between Databases open on one SQLite file in this process",
    async () => {
      const url = await target.createDatabase();
      const a = await target.open({}, url);
      const b = await target.open({}, url);
      expect(b.client).toBe(a.client);
      expect(a.appliedMigrations).toEqual(names);
      expect(b.appliedMigrations).toEqual([]);

      // Writes through both at once: with a connection each they would wait on each
      // other's locks until the 5 s busy timeout (and fail); shared, they just queue.
      const started = Date.now();
      const writes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? a : b).client.conversationRef.upsert({
            where: { platform_key: { platform: "slack", key: `k${i % 4}` } },
            create: {
              id: `ref-${i}`,
              platform: "slack",
              key: `k${i % 4}`,
              reference: "r",
              updatedAt: new Date(),
            },
            update: { reference: `r${i}` },
          }),
        ),
      );
      expect(writes.filter((w) => w.status === "rejected")).toEqual([]);
      expect(Date.now() - started).toBeLessThan(4000);

      // Closing one leaves the other working; the last one disconnects.
      await a.close();
      expect((await a.health()).ok).toBe(false);
      expect(await b.health()).toMatchObject({ ok: true, migrations: names.length });
      await b.close();
      const c = await target.open({}, url);
      expect(c.client).not.toBe(a.client);
      expect(await c.client.conversationRef.count()).toBe(4);
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
