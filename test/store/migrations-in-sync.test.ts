// The checked-in migrations and the derived PostgreSQL schema must follow
// prisma/schema.prisma; and the scripts that keep them so must do their job.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, runScript } from "../support/node-scripts.ts";

describe("checked-in migrations and schemas", () => {
  it("have a migration for every change of prisma/schema.prisma, for both providers", () => {
    const check = runScript("db-migration.mjs", ["--check"]);
    expect(check.stderr + check.stdout).toContain("the migrations match");
    expect(check.status).toBe(0);
  });

  it("include an up-to-date prisma/postgresql/schema.prisma", () => {
    const check = runScript("db-schemas.mjs", ["--check"]);
    expect(check.stderr + check.stdout).toContain("up to date");
    expect(check.status).toBe(0);
  });

  it("name the same migrations for both providers", () => {
    const folders = (dir: string) =>
      readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    expect(folders("prisma/migrations")).toEqual(folders("prisma/postgresql/migrations"));
    expect(
      readFileSync(path.join(PROJECT_ROOT, "prisma/migrations/migration_lock.toml"), "utf8"),
    ).toContain('provider = "sqlite"');
    expect(
      readFileSync(
        path.join(PROJECT_ROOT, "prisma/postgresql/migrations/migration_lock.toml"),
        "utf8",
      ),
    ).toContain('provider = "postgresql"');
  });
});

describe("scripts/db-schemas.mjs and scripts/db-migration.mjs on a scratch copy", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "ramp-test-schema-scripts-"));
  cpSync(path.join(PROJECT_ROOT, "prisma"), path.join(root, "prisma"), { recursive: true });
  const schema = path.join(root, "prisma", "schema.prisma");
  const rootArgs = ["--root", root];
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("notice a schema change that has no migration and no derived schema yet", () => {
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(
        "  updatedAt  DateTime\n",
        "  updatedAt  DateTime\n  note       String?\n",
      ),
    );
    const migration = runScript("db-migration.mjs", ["--check", ...rootArgs]);
    expect(migration.status).toBe(1);
    expect(migration.stderr).toContain("differs from the last migration");
    expect(migration.stderr).toContain('ALTER TABLE "ConversationRef" ADD COLUMN "note" TEXT');

    const schemas = runScript("db-schemas.mjs", ["--check", ...rootArgs]);
    expect(schemas.status).toBe(1);
    expect(schemas.stderr).toContain("is out of date");
  });

  it("derive the PostgreSQL schema: provider and output changed, a do-not-edit header added", () => {
    expect(runScript("db-schemas.mjs", rootArgs).status).toBe(0);
    const derived = readFileSync(path.join(root, "prisma", "postgresql", "schema.prisma"), "utf8");
    expect(derived.startsWith("// GENERATED FILE, DO NOT EDIT.")).toBe(true);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output          = "../../src/store/generated/postgresql"');
    expect(derived).not.toContain('"sqlite"');
    expect(derived).toContain("note       String?");
    expect(runScript("db-schemas.mjs", ["--check", ...rootArgs]).status).toBe(0);
  });

  it("write one migration for both providers, then refuse an empty one", () => {
    const created = runScript("db-migration.mjs", ["add_note", ...rootArgs]);
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);

    const newest = (dir: string) => readdirSync(dir).filter((name) => name.endsWith("_add_note"));
    const sqliteDir = path.join(root, "prisma", "migrations");
    const postgresDir = path.join(root, "prisma", "postgresql", "migrations");
    const [folder] = newest(sqliteDir);
    expect(folder).toMatch(/^\d{14}_add_note$/);
    expect(newest(postgresDir)).toEqual([folder]);
    expect(readFileSync(path.join(sqliteDir, folder!, "migration.sql"), "utf8")).toContain(
      'ALTER TABLE "ConversationRef" ADD COLUMN "note" TEXT',
    );
    expect(readFileSync(path.join(postgresDir, folder!, "migration.sql"), "utf8")).toContain(
      'ALTER TABLE "ConversationRef" ADD COLUMN     "note" TEXT',
    );
    expect(readFileSync(path.join(sqliteDir, "schema.snapshot.prisma"), "utf8")).toBe(
      readFileSync(schema, "utf8"),
    );

    const empty = runScript("db-migration.mjs", ["again", ...rootArgs]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain("nothing to migrate");
    expect(newest(sqliteDir)).toHaveLength(1);
    expect(existsSync(path.join(sqliteDir, "again"))).toBe(false);

    expect(runScript("db-migration.mjs", ["--check", ...rootArgs]).status).toBe(0);
    // Four runs of the Prisma CLI (each a few seconds, far more on a loaded CI machine).
  }, 120_000);
});
