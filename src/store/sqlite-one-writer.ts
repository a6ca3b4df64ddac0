// Prisma's better-sqlite3 adapter keeps one connection per file and serializes transactions on it,
// but a query outside a transaction (the inbox row written before an acknowledgement, a lease
// renewed, a job claimed) does not wait: it runs on that same connection between the open
// transaction's statements, and so becomes part of it. Rolled back with it, or not durable until
// another command's COMMIT; an interaction acknowledged meanwhile could be lost. Here every
// statement outside a transaction waits until no transaction is open, and runs as its own.
//
// And every statement outside a transaction, and every transaction, first lets the event loop
// turn. better-sqlite3 answers synchronously, so Prisma's promise chains of the commands queued
// on the connection resolved in one run of microtasks: 50 people sending `/ramp status` at once
// held the loop for over a second, and nobody's acknowledgement, timer or socket got a turn. One
// macrotask per turn (a few µs) bounds each stretch. Inside a transaction only once a slice of
// SLICE_MS has passed: a turn between every statement held the one writer longer while the claims
// of 50 people on one task queued behind it, and none at all let the declaration of a 50-person
// plan (pages, tasks, jobs, outbox) hold the loop for 160 ms.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** Lets timers, sockets and other requests run before the next statement. */
let lastTurn = performance.now();
const turnOfTheLoop = () =>
  new Promise<void>((resolve) =>
    setImmediate(() => {
      lastTurn = performance.now();
      resolve();
    }),
  );

/** The longest stretch of one transaction's statements between two turns of the loop. */
const SLICE_MS = 20;

/** A FIFO lock: the open transaction, or one statement outside any. */
class Turn {
  private tail: Promise<void> = Promise.resolve();
  take(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return ready;
  }
}

function outsideTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const turn = new Turn();
  const alone =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await turn.take();
      try {
        await turnOfTheLoop();
        return await run(...args);
      } finally {
        release();
      }
    };
  const startTransaction = adapter.startTransaction.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  return Object.assign(adapter, {
    queryRaw: alone(queryRaw),
    executeRaw: alone(executeRaw),
    executeScript: alone(executeScript),
    async startTransaction(...args: Parameters<SqlDriverAdapter["startTransaction"]>) {
      const release = await turn.take();
      let transaction: Transaction;
      try {
        await turnOfTheLoop();
        transaction = await startTransaction(...args);
      } catch (error) {
        release();
        throw error;
      }
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      const sliced =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          if (performance.now() - lastTurn > SLICE_MS) await turnOfTheLoop();
          return run(...args);
        };
      // Every transaction ends in commit or rollback, also one that started after Prisma's
      // maxWait: Prisma rolls that back (test/store/writes-outside-transactions.test.ts).
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        release();
      };
      return Object.assign(transaction, {
        queryRaw: sliced(transaction.queryRaw.bind(transaction)),
        executeRaw: sliced(transaction.executeRaw.bind(transaction)),
        commit: () => commit().finally(end),
        rollback: () => rollback().finally(end),
      });
    },
  });
}

/** The adapter factory with every connection it opens taking statements one transaction at a time. */
export function withOneWriter(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => outsideTransactions(await factory.connect()),
    connectToShadowDb: async () => outsideTransactions(await factory.connectToShadowDb()),
  };
}
