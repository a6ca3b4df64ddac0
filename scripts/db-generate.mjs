#!/usr/bin/env node
// Generates both Prisma clients, offline: src/store/generated/sqlite from
// prisma/schema.prisma and src/store/generated/postgresql from the derived
// prisma/postgresql/schema.prisma (run db-schemas.mjs first; postinstall does).
// The generator's engineType "client" needs no Rust engine; see lib/prisma-cli.mjs
// for the DATABASE_URL trap that would make the CLI try to download one anyway.
import path from "node:path";
import { databaseUrlFor, runPrisma } from "./lib/prisma-cli.mjs";
import { PROJECT_ROOT, schemaPaths } from "./lib/schema-files.mjs";

const paths = schemaPaths(PROJECT_ROOT);
const targets = [
  { provider: "sqlite", schema: paths.source },
  { provider: "postgresql", schema: paths.postgres },
];

const results = await Promise.all(
  targets.map(async (target) => ({
    ...target,
    result: await runPrisma(["generate", "--schema", target.schema], {
      databaseUrl: databaseUrlFor(target.provider),
    }),
  })),
);

let failed = false;
for (const { provider, schema, result } of results) {
  const where = path.relative(PROJECT_ROOT, schema);
  if (result.status === 0) {
    console.log(`db:generate: generated the ${provider} client from ${where}.`);
    continue;
  }
  failed = true;
  console.error(`db:generate: prisma generate --schema ${where} failed (exit ${result.status}):`);
  console.error(result.stderr + result.stdout);
  if (/binaries\.prisma\.sh|ENOTFOUND/.test(result.stderr + result.stdout)) {
    console.error(
      "db:generate: the Prisma CLI tried to download an engine. It does that when it cannot read " +
        'the schema: check that prisma.config.ts (engine "js") is in the project root and that ' +
        `${where} is valid (\`npx prisma validate --schema ${where}\`).`,
    );
  }
}
process.exit(failed ? 1 : 0);
