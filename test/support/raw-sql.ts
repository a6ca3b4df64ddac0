// Plain SQL against a test database, below Prisma and Ramp's store: to inspect what
// the migrator wrote, or to break things on purpose. Placeholders are $1, $2, … for
// both providers.
import Database from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "../../src/store/database-url.ts";

export type Row = Record<string, unknown>;

export async function rawQuery(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    const db = new Database(target.file, { timeout: 5000 });
    try {
      const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Whether a table exists (in the default schema). */
export async function tableExists(url: string, table: string): Promise<boolean> {
  const target = parseDatabaseUrl(url);
  const rows =
    target.provider === "sqlite"
      ? await rawQuery(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1", [
          table,
        ])
      : await rawQuery(url, "SELECT to_regclass($1)::text AS name", [`"${table}"`]);
  return rows.length > 0 && rows[0]?.name != null;
}
