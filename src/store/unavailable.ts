// The store boundary for "the database is not there": whatever shape the driver, its Prisma
// adapter and Prisma give such a failure, the core and the adapters see one
// DatabaseUnavailableError. Everything else passes through unchanged.
import { DatabaseUnavailableError } from "../core/errors.ts";
import type { Db } from "./db.ts";

/** What Prisma's driver adapters call a connection that is gone, refused or locked. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout", // also SQLITE_BUSY: better-sqlite3's adapter reports a lock as a timeout
  "TooManyConnections",
  "TlsConnectionError",
]);

/** Prisma's own codes for the same: can't reach, timed out, connection closed, no pool slot. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/**
 * PostgreSQL: 57P01 admin_shutdown (pg_terminate_backend, a server stopping), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up, or ALLOW_CONNECTIONS false),
 * class 08 connection exceptions, 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08...|53300)$/;

const UNAVAILABLE_SYSCALL_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** Errors of pg and pg-pool that carry no code, only a sentence. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|Can't reach database server|database is locked|Server has closed the connection/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: unknown };
  cause?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  kind?: unknown;
  host?: unknown;
  port?: unknown;
}

/** The error itself, its causes and the driver error Prisma keeps in `meta`, outermost first. */
function chain(error: unknown): ErrorLike[] {
  const seen: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 8) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || seen.includes(next as ErrorLike)) continue;
    const e = next as ErrorLike;
    seen.push(e);
    queue.push(e.meta?.driverAdapterError, e.cause);
  }
  return seen;
}

function unavailableHere(e: ErrorLike): boolean {
  if (e.name === "PrismaClientInitializationError") return true;
  const code = typeof e.code === "string" ? e.code : undefined;
  const original = typeof e.originalCode === "string" ? e.originalCode : undefined;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (code && UNAVAILABLE_PRISMA_CODES.has(code) && /^PrismaClient/.test(String(e.name)))
    return true;
  for (const c of [code, original]) {
    if (!c) continue;
    if (/^SQLITE_(BUSY|LOCKED)/.test(c) || UNAVAILABLE_SQLSTATE.test(c)) return true;
    if (UNAVAILABLE_SYSCALL_CODES.has(c)) return true;
  }
  return typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message);
}

/** A short technical line for logs and /healthz: the driver's own words where there are any. */
function describe(links: ErrorLike[]): string {
  for (const e of links) {
    if (typeof e.originalCode === "string" && typeof e.originalMessage === "string")
      return `${e.originalCode}: ${e.originalMessage}`;
    if (e.kind === "DatabaseNotReachable")
      return `database server not reachable${e.host ? ` at ${String(e.host)}${e.port ? `:${String(e.port)}` : ""}` : ""}`;
  }
  for (const e of [...links].reverse()) {
    if (typeof e.message !== "string" || e.message.trim() === "") continue;
    const lines = e.message.split("\n").filter((line) => line.trim() !== "");
    return `${typeof e.code === "string" ? `${e.code}: ` : ""}${lines.at(-1)!.trim()}`;
  }
  return "the database did not answer";
}

/** The DatabaseUnavailableError for a failure that means the database is not there, else null. */
export function databaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  const links = chain(error);
  if (!links.some(unavailableHere)) return null;
  return new DatabaseUnavailableError(describe(links), { cause: error });
}

/** Rethrows an unavailable database as DatabaseUnavailableError, anything else as it is. */
export function rethrowUnavailable(error: unknown): never {
  throw databaseUnavailable(error) ?? error;
}

/**
 * The client with the mapping applied to every query (models and raw SQL, in and outside
 * transactions) and to starting a transaction, which is where a pool first meets a dead server.
 */
export function guardClient(client: Db): Db {
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          rethrowUnavailable(error);
        }
      },
    },
  }) as unknown as Db;
  const transaction = extended.$transaction.bind(extended) as (...args: unknown[]) => unknown;
  return new Proxy(extended, {
    get(target, property, receiver) {
      if (property === "$transaction")
        return (...args: unknown[]) =>
          (transaction(...args) as Promise<unknown>).catch(rethrowUnavailable);
      return Reflect.get(target, property, receiver);
    },
  });
}
