import type { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";

/**
 * The Prisma client Ramp's store works with. Its type is the one generated from
 * prisma/schema.prisma (SQLite); the PostgreSQL client has the same model API and
 * is cast to it in one place, postgres-client.ts.
 */
export type Db = SqlitePrismaClient;
