import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl, redactUrl } from "../../src/store/database-url.ts";

const cwd = path.resolve("/srv/ramp");

describe("parseDatabaseUrl", () => {
  it("reads file: URLs as SQLite files, relative ones against the working directory", () => {
    expect(parseDatabaseUrl("file:./data/ramp.db", cwd)).toEqual({
      provider: "sqlite",
      file: path.join(cwd, "data", "ramp.db"),
    });
    expect(parseDatabaseUrl("file:ramp.db", cwd)).toEqual({
      provider: "sqlite",
      file: path.join(cwd, "ramp.db"),
    });
    expect(parseDatabaseUrl("file:/var/lib/ramp/ramp.db", cwd)).toEqual({
      provider: "sqlite",
      file: "/var/lib/ramp/ramp.db",
    });
    expect(parseDatabaseUrl("file:///var/lib/ramp/ramp.db", cwd)).toEqual({
      provider: "sqlite",
      file: "/var/lib/ramp/ramp.db",
    });
  });

  it("ignores Prisma's SQLite URL options", () => {
    expect(parseDatabaseUrl("file:./ramp.db?connection_limit=1", cwd)).toEqual({
      provider: "sqlite",
      file: path.join(cwd, "ramp.db"),
    });
  });

  it("reads postgres:// and postgresql:// URLs as PostgreSQL, with Prisma's schema parameter", () => {
    expect(parseDatabaseUrl("postgresql://ramp:secret@db:5432/ramp", cwd)).toEqual({
      provider: "postgresql",
      url: "postgresql://ramp:secret@db:5432/ramp",
      schema: undefined,
    });
    expect(parseDatabaseUrl("postgres://ramp@db/ramp?schema=crisis", cwd)).toEqual({
      provider: "postgresql",
      url: "postgres://ramp@db/ramp?schema=crisis",
      schema: "crisis",
    });
  });

  it("rejects anything else, naming DATABASE_URL and both accepted forms, password masked", () => {
    for (const url of ["mysql://root:hunter2@db/ramp", "ramp.db", "", "sqlite:ramp.db"]) {
      let message = "";
      try {
        parseDatabaseUrl(url, cwd);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).toContain("DATABASE_URL");
      expect(message, url).toContain("file:./data/ramp.db");
      expect(message, url).toContain("postgresql://user:password@host:5432/database");
      expect(message, url).not.toContain("hunter2");
    }
  });

  it("rejects an in-memory SQLite database: the migrator and the client could not share it", () => {
    expect(() => parseDatabaseUrl("file::memory:", cwd)).toThrow(/names no database file/);
  });

  it("masks passwords", () => {
    expect(redactUrl("postgresql://ramp:s3cr%40t@db:5432/ramp")).toBe(
      "postgresql://ramp:***@db:5432/ramp",
    );
    expect(redactUrl("postgresql://db:5432/ramp")).toBe("postgresql://db:5432/ramp");
  });
});
