// The Prisma client of a PostgreSQL database, on a pg pool of its own.
import type { DatabaseTarget } from "./database-url.ts";
import type { Db } from "./db.ts";

export async function connectPostgres(
  target: Extract<DatabaseTarget, { provider: "postgresql" }>,
): Promise<Db> {
  const { PrismaClient } = await import("./generated/postgresql/client.ts");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const adapter = new PrismaPg(
    { connectionString: target.url },
    target.schema === undefined ? undefined : { schema: target.schema },
  );
  // The one cast between the two generated clients. prisma/postgresql/schema.prisma
  // is derived from prisma/schema.prisma with only the provider and output changed
  // (scripts/db-schemas.mjs; a test fails when it is stale), so both clients have
  // the same models, fields and methods. TypeScript still sees two unrelated
  // generated type trees, hence `unknown`. What does differ, the raw SQL dialect, is
  // up to the caller of $queryRaw.
  return new PrismaClient({ adapter }) as unknown as Db;
}
