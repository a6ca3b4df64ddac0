// The store's one word for "the database is not there": the shapes drivers, their Prisma adapters
// and Prisma give it become DatabaseUnavailableError; every other failure passes unchanged.
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, RampError } from "../../src/core/errors.ts";
import { databaseUnavailable } from "../../src/store/unavailable.ts";

/** Prisma's error for a failed query of a driver adapter, as Prisma 6.19 throws it. */
function prismaError(code: string, cause: Record<string, unknown>, message = "Invalid invocation") {
  const error = new Error(`\nInvalid \`prisma.x()\` invocation:\n\n\n${message}`);
  Object.assign(error, {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: Object.assign(new Error(String(cause.kind)), { cause }) },
  });
  return error;
}

describe("databaseUnavailable", () => {
  it("SQLite: a lock held by another process (SQLITE_BUSY, which the adapter calls a timeout)", () => {
    const error = prismaError("P2010", {
      originalCode: "SQLITE_BUSY",
      originalMessage: "database is locked",
      kind: "SocketTimeout",
    });
    const mapped = databaseUnavailable(error);
    expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped?.detail).toBe("SQLITE_BUSY: database is locked");
    expect(mapped?.cause).toBe(error);
    expect(mapped?.view().nl).toMatch(/^Ramp kan zijn databank nu niet bereiken.*Probeer opnieuw/);
    expect(mapped?.view().en).toMatch(/^Ramp cannot reach its database right now.*Try again/);
  });

  it("PostgreSQL: refused, terminated by an administrator, not accepting connections", () => {
    const refused = prismaError("P1001", {
      kind: "DatabaseNotReachable",
      host: "127.0.0.1",
      port: 5432,
    });
    expect(databaseUnavailable(refused)?.detail).toBe(
      "database server not reachable at 127.0.0.1:5432",
    );
    const terminated = prismaError("P2010", {
      originalCode: "57P01",
      originalMessage: "terminating connection due to administrator command",
      kind: "postgres",
    });
    expect(databaseUnavailable(terminated)?.detail).toBe(
      "57P01: terminating connection due to administrator command",
    );
    const closed = prismaError("P2010", {
      originalCode: "57P03",
      originalMessage: 'database "ramp" is not currently accepting connections',
      kind: "postgres",
    });
    expect(databaseUnavailable(closed)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it("pg's own errors without a code, and plain socket errors", () => {
    expect(databaseUnavailable(new Error("Connection terminated unexpectedly"))).toBeInstanceOf(
      DatabaseUnavailableError,
    );
    expect(
      databaseUnavailable(new Error("timeout exceeded when trying to connect")),
    ).toBeInstanceOf(DatabaseUnavailableError);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
    });
    expect(databaseUnavailable(refused)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it("leaves every other failure alone: a unique violation, a person's mistake, a bug", () => {
    const unique = prismaError("P2002", { kind: "UniqueConstraintViolation" });
    expect(databaseUnavailable(unique)).toBeNull();
    expect(databaseUnavailable(new RampError("no-active-incident"))).toBeNull();
    expect(databaseUnavailable(new TypeError("x is undefined"))).toBeNull();
    const syntax = prismaError("P2010", {
      originalCode: "42601",
      originalMessage: "syntax error",
      kind: "postgres",
    });
    expect(databaseUnavailable(syntax)).toBeNull();
  });

  it("is not a RampError: code that answers a person's mistake must not swallow an outage", () => {
    expect(new DatabaseUnavailableError("x")).not.toBeInstanceOf(RampError);
  });
});
