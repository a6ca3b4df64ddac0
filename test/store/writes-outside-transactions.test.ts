// A write outside a transaction (the inbox row stored before an acknowledgement) made while
// another command's transaction is open is its own: that transaction rolling back does not take
// it along. On SQLite, Prisma's adapter shares one connection, where it would otherwise have run
// inside the open transaction (src/store/sqlite-one-writer.ts); PostgreSQL pools connections.
import { expect, it } from "vitest";
import { describeEachDatabase, type TestDatabase } from "../support/databases.ts";

/** The raw statements and transactions these tests use, on Prisma's client. */
interface RawClient {
  $executeRawUnsafe(sql: string): Promise<number>;
  $queryRawUnsafe<T>(sql: string): Promise<T>;
  $transaction<T>(
    run: (tx: { $executeRawUnsafe(sql: string): Promise<number> }) => Promise<T>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<T>;
}

/** A fresh database with one table, "Probe" (x TEXT). */
async function probeDatabase(target: TestDatabase) {
  const db = await target.open({}, await target.createDatabase());
  const client = db.client as unknown as RawClient;
  await client.$executeRawUnsafe(`CREATE TABLE "Probe" (x TEXT)`);
  return { db, client };
}

describeEachDatabase("a write outside a transaction", (target) => {
  it("survives another transaction's rollback", async () => {
    const { db, client } = await probeDatabase(target);
    try {
      let inside!: () => void;
      const opened = new Promise<void>((resolve) => {
        inside = resolve;
      });
      const rolledBack = client
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO "Probe" VALUES ('in the transaction')`);
          inside();
          await new Promise((resolve) => setTimeout(resolve, 200));
          throw new Error("the command failed");
        })
        .catch((error: Error) => error.message);
      await opened;
      await client.$executeRawUnsafe(`INSERT INTO "Probe" VALUES ('on its own')`);
      expect(await rolledBack).toBe("the command failed");
      expect(await client.$queryRawUnsafe(`SELECT x FROM "Probe"`)).toEqual([{ x: "on its own" }]);
    } finally {
      await db.close();
    }
  });

  it("goes on after a transaction that waited past its maxWait for the one before it", async () => {
    // On SQLite the one-writer holds the second transaction's start until the first ends; Prisma
    // then gives up on it (maxWait) but rolls back what started late, which frees the writer.
    // Were that turn never released, every later statement would wait forever.
    const { db, client } = await probeDatabase(target);
    try {
      let inside!: () => void;
      const opened = new Promise<void>((resolve) => {
        inside = resolve;
      });
      const long = client.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO "Probe" VALUES ('first')`);
          inside();
          await new Promise((resolve) => setTimeout(resolve, 500));
        },
        { timeout: 10_000 },
      );
      await opened;
      const late = client
        .$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe(`INSERT INTO "Probe" VALUES ('late')`);
          },
          { maxWait: 50 },
        )
        .then(
          () => "ran",
          (error: Error) => error.message,
        );
      await long;
      const lateOutcome = await late;
      // PostgreSQL has a connection for each, so there the second one simply runs.
      if (target.provider === "sqlite")
        expect(lateOutcome).toMatch(/start a transaction|maxWait|timed out|expired/i);
      await client.$executeRawUnsafe(`INSERT INTO "Probe" VALUES ('after')`);
      const rows = await client.$queryRawUnsafe<Array<{ x: string }>>(
        `SELECT x FROM "Probe" ORDER BY x`,
      );
      expect(rows.map((r) => r.x)).toEqual(
        target.provider === "sqlite" ? ["after", "first"] : ["after", "first", "late"],
      );
    } finally {
      await db.close();
    }
  }, 30_000);
});
