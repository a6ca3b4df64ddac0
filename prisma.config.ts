// Prisma CLI configuration. The JavaScript schema engine with a driver adapter
// keeps `prisma generate` and `prisma migrate` offline: no engine binary is
// downloaded. Ramp applies its migrations itself at start-up (src/store/migrate.ts);
// this file serves developers who run the Prisma CLI on the SQLite schema.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/ramp.db";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
