// SQLite answers synchronously (better-sqlite3), so without a turn of the event loop between
// statements the promise chains of many concurrent commands resolve in one run of microtasks and
// hold every acknowledgement, timer and socket meanwhile (src/store/sqlite-one-writer.ts).
import { expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";

describeEachDatabase("statements under load", (target) => {
  it("let the event loop turn between them", async () => {
    const db = await target.open({}, await target.createDatabase());
    const client = db.client as unknown as {
      $queryRawUnsafe<T>(sql: string): Promise<T>;
      $transaction<T>(
        run: (tx: { $queryRawUnsafe<U>(sql: string): Promise<U> }) => Promise<T>,
      ): Promise<T>;
    };
    try {
      let finished = 0;
      const alone = Array.from({ length: 100 }, () =>
        client.$queryRawUnsafe("SELECT 1").then(() => finished++),
      );
      const inTransactions = Array.from({ length: 20 }, () =>
        client
          .$transaction(async (tx) => {
            for (let i = 0; i < 5; i++) await tx.$queryRawUnsafe("SELECT 1");
          })
          .then(() => finished++),
      );
      // A timer due now: it must run while the statements are still under way, not after all.
      const seenByTimer = await new Promise<number>((resolve) =>
        setTimeout(() => resolve(finished), 0),
      );
      await Promise.all([...alone, ...inTransactions]);
      expect(finished).toBe(120);
      expect(seenByTimer).toBeLessThan(120);
    } finally {
      await db.close();
    }
  });
});
