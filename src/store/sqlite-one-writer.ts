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
// macrotask per turn (a few µs) bounds each stretch to one statement or one transaction (a few
// ms). Not between a transaction's own statements: that would hold the one writer longer while
// the claims of 50 people on one task queue behind it.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** Lets timers, sockets and other requests run before the next statement. */
const turnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        release();
      };
      return Object.assign(transaction, {
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
