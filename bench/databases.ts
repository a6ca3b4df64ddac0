// Scratch databases for benchmarks: SQLite always, PostgreSQL when a server is given.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface BenchDatabase {
  provider: "sqlite" | "postgresql";
  create(): Promise<string>;
  cleanup(): Promise<void>;
}

export function benchDatabases(): BenchDatabase[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ramp-bench-"));
  let n = 0;
  const list: BenchDatabase[] = [
    {
      provider: "sqlite",
      create: async () => `file:${path.join(dir, `bench-${++n}.db`)}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const adminUrl = process.env.RAMP_BENCH_POSTGRES_URL ?? process.env.RAMP_TEST_POSTGRES_URL;
  if (adminUrl) {
    const created: string[] = [];
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    list.push({
      provider: "postgresql",
      async create() {
        const name = `ramp_bench_${process.pid}_${created.length}_${Date.now().toString(36)}`;
        await admin(`CREATE DATABASE "${name}"`);
        created.push(name);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return url.toString();
      },
      async cleanup() {
        for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    });
  }
  return list;
}
