// DATABASE_URL → which database. Two forms, the ones Prisma itself uses:
//   file:./data/ramp.db                          SQLite, relative to the working directory
//   postgresql://user:password@host:5432/ramp    PostgreSQL (postgres:// too)
import path from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseTarget =
  | {
      readonly provider: "sqlite" /** Absolute path of the database file. */;
      readonly file: string;
    }
  | {
      readonly provider: "postgresql";
      readonly url: string;
      /** Prisma's `?schema=` parameter, when given. */
      readonly schema: string | undefined;
    };

const ACCEPTED_FORMS =
  "Use file:./data/ramp.db for SQLite (a path relative to the working directory, or absolute: " +
  "file:/var/lib/ramp/ramp.db) or postgresql://user:password@host:5432/database for PostgreSQL.";

/** The URL with its password masked, fit for an error message or a log line. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith("file:")) return { provider: "sqlite", file: sqliteFile(trimmed, cwd) };
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new Error(
        `DATABASE_URL ${redactUrl(trimmed)} is not a valid PostgreSQL URL (special characters in ` +
          `the password must be percent-encoded). ${ACCEPTED_FORMS}`,
      );
    }
    return {
      provider: "postgresql",
      url: trimmed,
      schema: parsed.searchParams.get("schema") || undefined,
    };
  }
  const shown = trimmed === "" ? "is empty" : `"${redactUrl(trimmed)}" is not supported`;
  throw new Error(`DATABASE_URL ${shown}. ${ACCEPTED_FORMS}`);
}

function sqliteFile(url: string, cwd: string): string {
  // Prisma-style options after "?" (connection_limit, …) mean nothing to better-sqlite3.
  const withoutQuery = url.replace(/\?.*$/, "");
  const file = withoutQuery.startsWith("file://")
    ? fileURLToPath(withoutQuery)
    : withoutQuery.slice("file:".length);
  if (file === "" || file === ":memory:") {
    throw new Error(
      `DATABASE_URL "${url}" names no database file. Ramp needs a file: its migrator and the ` +
        `client use separate connections, which an in-memory database cannot share. ${ACCEPTED_FORMS}`,
    );
  }
  return path.resolve(cwd, file);
}
