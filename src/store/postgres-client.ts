// The Prisma client of a PostgreSQL database, on a pg pool of its own.
import type { DatabaseTarget } from "./database-url.ts";
import type { Db } from "./db.ts";
import { guardClient } from "./unavailable.ts";

/**
 * How long opening a connection may take before the pool gives up. pg waits forever by default:
 * a server that stopped answering (network gone, not refused) would leave every request hanging
 * instead of answering "probeer opnieuw" within Slack's 3 s.
 */
export const POSTGRES_CONNECT_TIMEOUT_MS = 2000;

export async function connectPostgres(
  target: Extract<DatabaseTarget, { provider: "postgresql" }>,
): Promise<Db> {
  const { PrismaClient } = await import("./generated/postgresql/client.ts");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const adapter = new PrismaPg(
    // pg's pool drops a client whose connection broke (on its error, or when it is released
    // with one), so after an outage new connections are opened as soon as the server is back.
    {
      connectionString: target.url,
      connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
      keepAlive: true,
    },
    target.schema === undefined ? undefined : { schema: target.schema },
  );
  // The one cast between the two generated clients. prisma/postgresql/schema.prisma
  // is derived from prisma/schema.prisma with only the provider and output changed
  // (scripts/db-schemas.mjs; a test fails when it is stale), so both clients have
  // the same models, fields and methods. TypeScript still sees two unrelated
  // generated type trees, hence `unknown`. What does differ, the raw SQL dialect, is
  // up to the caller of $queryRaw.
  return guardClient(new PrismaClient({ adapter }) as unknown as Db);
}
