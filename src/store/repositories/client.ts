// The Prisma client type the repositories are written against. Both generated clients
// (SQLite and PostgreSQL) have the same model API; database.ts casts the PostgreSQL one.
import { Prisma } from "../generated/sqlite/client.ts";

export type Tx = Prisma.TransactionClient;

// Raw SQL on the per-command path. Prisma compiles every model query anew (its WebAssembly query
// compiler has no plan cache in 6.19): about 2 ms of CPU per `findUnique` on this machine against
// 0.5 ms for the same statement through `$queryRaw`, and a command runs ten of them. The raw
// statements below are written for both databases (quoted identifiers, `RETURNING`, `ON
// CONFLICT`); Prisma still binds the values and types the columns it reads (dates, booleans)
// as its model API would, so the rows map exactly as before.

/** Prisma reports an update or delete of a record that does not exist as P2025. */
export function isNotFound(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: string }).code === "P2025"
  );
}

/**
 * Rows per statement for batched writes and `in` lists: well under SQLite's limit of bound
 * variables per statement (32,766) and PostgreSQL's (65,535) for the widest of our tables.
 */
export const BATCH_ROWS = 500;

export function chunks<T>(items: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Inserts rows with one multi-row INSERT per batch: Prisma's `create` and `createMany` render their
 * query template row by row in its query compiler, synchronously (1 s for 500 rows on a loaded
 * machine, a stall for everyone else); here Prisma only binds the values, dates and booleans as
 * its model API stores them. Columns are the rows' own keys; rows that leave different columns to
 * their defaults go in separate statements (SQLite's VALUES has no DEFAULT).
 */
export async function insertRows(
  db: Tx,
  table: string,
  rows: ReadonlyArray<object>,
): Promise<void> {
  const shapes = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
    let key = "";
    for (const column in row) if (row[column] !== undefined) key += key ? `,${column}` : column;
    const same = shapes.get(key);
    if (same) same.push(row);
    else shapes.set(key, [row]);
  }
  for (const [key, same] of shapes) {
    const columns = key.split(",");
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (`;
    for (const batch of chunks(same, Math.floor(BATCH_ROWS / 2))) {
      // The statement's text pieces around its values, built flat (one Sql, no nesting per row).
      const strings: string[] = [head];
      const values: unknown[] = [];
      batch.forEach((row, r) => {
        columns.forEach((column, c) => {
          values.push(row[column]);
          if (c > 0) strings.push(", ");
          else if (r > 0) strings.push("), (");
        });
      });
      strings.push(")");
      await db.$executeRaw(new Prisma.Sql(strings, values));
    }
  }
}

/** How far a lease end may move to stay unique: far more than passes at one moment need. */
const MAX_SHIFT_MS = 1000;

/** The last lease end handed out per owner, kept per store (one per database opened). */
export type LeaseEnds = Map<string, number>;

/**
 * A lease end no other batch lease of this owner on this store has (a millisecond later when
 * needed): a batch lease updates the rows it can take, then reads back those leased to
 * (owner, end); two passes of one owner at the same moment must not read back each other's.
 */
export function uniqueLeaseEnd(lastLeaseEnd: LeaseEnds, owner: string, leaseUntil: Date): Date {
  const wanted = leaseUntil.getTime();
  const last = lastLeaseEnd.get(owner);
  // Only a pass at (nearly) the same moment can clash. A last end far from this one is another
  // clock's (a test's, or the time before a clock step): moving past it would hold the lease
  // long after `leaseUntil`, and a crashed owner's jobs would wait for it.
  const clashes = last !== undefined && last >= wanted && last - wanted < MAX_SHIFT_MS;
  const at = clashes ? last + 1 : wanted;
  lastLeaseEnd.set(owner, at);
  if (lastLeaseEnd.size > 1000) lastLeaseEnd.delete(lastLeaseEnd.keys().next().value!);
  return new Date(at);
}

/**
 * Prisma reports a unique-constraint violation as P2002 from its model API, and from a raw
 * statement (`insertRows`, the raw SQL above) as P2010 with the driver adapter's error inside.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  return (
    code === "P2002" ||
    (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation")
  );
}
