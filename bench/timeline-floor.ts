// The floor under the timeline's append rate: the same rows (an entry's twelve columns, hashes
// made beforehand) inserted with the raw driver into the same migrated table, for an incident
// Ramp declared: one row per autocommit statement (what one `/ramp log` stores at least), and
// batches of 500 rows in one transaction (what a batched append stores at least). SQLite through
// better-sqlite3 on its own connection, PostgreSQL through pg.
import { createHash, randomUUID } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "../src/store/database-url.ts";

interface Row {
  id: string;
  incidentId: string;
  seq: number;
  at: Date;
  actorId: string;
  source: string;
  type: string;
  data: string;
  tags: string;
  correctsId: null;
  prevHash: string;
  hash: string;
}

const COLUMNS = [
  "id",
  "incidentId",
  "seq",
  "at",
  "actorId",
  "source",
  "type",
  "data",
  "tags",
  "correctsId",
  "prevHash",
  "hash",
] as const;

function rows(incidentId: string, fromSeq: number, count: number): Row[] {
  let prev = "0".repeat(64);
  return Array.from({ length: count }, (_, i) => {
    const data = JSON.stringify({ text: `Logboek ${i}` });
    const hash = createHash("sha256")
      .update(prev + data)
      .digest("hex");
    const row: Row = {
      id: randomUUID(),
      incidentId,
      seq: fromSeq + i,
      at: new Date(),
      actorId: "pieter-declercq",
      source: "slack",
      type: "log",
      data,
      tags: "actie",
      correctsId: null,
      prevHash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}

/** Rows per second: `single` one per statement, then `batched` in transactions of 500. */
export async function timelineFloor(
  url: string,
  incidentId: string,
  fromSeq: number,
  single: number,
  batched: number,
): Promise<{ singleRate: number; batchRate: number }> {
  const one = rows(incidentId, fromSeq, single);
  const many = rows(incidentId, fromSeq + single, batched);
  const target = parseDatabaseUrl(url);
  const quoted = COLUMNS.map((c) => `"${c}"`).join(", ");
  if (target.provider === "sqlite") {
    const sqlite = new BetterSqlite3(target.file);
    try {
      sqlite.pragma("journal_mode = WAL");
      const insert = sqlite.prepare(
        `INSERT INTO "TimelineEntry" (${quoted}) VALUES (${COLUMNS.map(() => "?").join(", ")})`,
      );
      const values = (r: Row) => COLUMNS.map((c) => (c === "at" ? r.at.getTime() : r[c]));
      let started = performance.now();
      for (const r of one) insert.run(...values(r));
      const singleRate = single / ((performance.now() - started) / 1000);
      const batch = sqlite.transaction((chunk: Row[]) => {
        for (const r of chunk) insert.run(...values(r));
      });
      started = performance.now();
      for (let i = 0; i < many.length; i += 500) batch(many.slice(i, i + 500));
      return { singleRate, batchRate: batched / ((performance.now() - started) / 1000) };
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const insert = (chunk: Row[]) => {
      const params = chunk.flatMap((r) => COLUMNS.map((c) => r[c]));
      const tuples = chunk.map(
        (_, i) => `(${COLUMNS.map((__, j) => `$${i * COLUMNS.length + j + 1}`).join(", ")})`,
      );
      return client.query(
        `INSERT INTO "TimelineEntry" (${quoted}) VALUES ${tuples.join(", ")}`,
        params,
      );
    };
    let started = performance.now();
    for (const r of one) await insert([r]);
    const singleRate = single / ((performance.now() - started) / 1000);
    started = performance.now();
    for (let i = 0; i < many.length; i += 500) {
      await client.query("BEGIN");
      await insert(many.slice(i, i + 500));
      await client.query("COMMIT");
    }
    return { singleRate, batchRate: batched / ((performance.now() - started) / 1000) };
  } finally {
    await client.end();
  }
}
