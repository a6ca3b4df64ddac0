// The Prisma client type the repositories are written against. Both generated clients
// (SQLite and PostgreSQL) have the same model API; database.ts casts the PostgreSQL one.
import type { Prisma } from "../generated/sqlite/client.ts";

export type Tx = Prisma.TransactionClient;

/** Prisma reports a unique-constraint violation as P2002. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002"
  );
}
