// Prisma's better-sqlite3 adapter prepares every statement anew (`db.prepare(sql)` on each query),
// and the CPU profile of a command shows SQLite compiling the same few statements again and
// again. This keeps the prepared statements of a connection, by SQL text, and hands the adapter
// a fresh binding of a kept statement each time, so nothing of one query leaks into the next.

import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";

/** Statements kept per connection; Prisma's `IN (?, ?, …)` lists make a long tail of shapes. */
export const STATEMENT_CACHE_SIZE = 500;

type Statement = BetterSqlite3.Statement<unknown[]>;

/**
 * A statement's result columns, read once: better-sqlite3 builds them anew on every call (about
 * 90 µs for a 20-column table on this machine, more than running the query), and the adapter
 * asks on every query. A kept statement's columns never change: the schema is migrated before
 * the connection is used, and a statement is re-prepared (a new object) if it ever changes.
 */
const columnsOf = new WeakMap<Statement, ReturnType<Statement["columns"]>>();

/** What the adapter uses of a statement: bind once, then run it or read its rows. */
class Binding {
  private args: unknown[] = [];
  constructor(private readonly statement: Statement) {}
  get reader(): boolean {
    return this.statement.reader;
  }
  bind(args: unknown[]): this {
    this.args = args;
    return this;
  }
  columns() {
    let columns = columnsOf.get(this.statement);
    if (!columns) {
      columns = this.statement.columns();
      columnsOf.set(this.statement, columns);
    }
    return columns;
  }
  run() {
    return this.statement.run(...this.args);
  }
  get() {
    return this.statement.get(...this.args);
  }
  all() {
    return this.statement.all(...this.args);
  }
  /** The adapter reads rows as arrays only (`raw().all()`). */
  raw(toggle = true) {
    this.statement.raw(toggle);
    return this;
  }
}

/** Makes `db.prepare` return bindings of statements kept by SQL text (least recently used out). */
export function keepPreparedStatements(db: BetterSqlite3.Database): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const cached = (sql: string): Binding => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else {
      statement = prepare(sql);
      if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return new Binding(statement);
  };
  (db as unknown as { prepare: typeof cached }).prepare = cached;
}

/** The adapter factory with every connection it opens keeping its prepared statements. */
export function withKeptStatements(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const kept = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    // The adapter keeps its better-sqlite3 handle as `client` (not in its type declarations).
    const db = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (db && typeof db.prepare === "function") keepPreparedStatements(db);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => kept(() => factory.connect()),
    connectToShadowDb: () => kept(() => factory.connectToShadowDb()),
  };
}
