#!/usr/bin/env node
// npm's postinstall: derives the PostgreSQL schema, then generates both Prisma
// clients (src/store/generated/, not checked in). Offline: nothing is downloaded.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./lib/schema-files.mjs";

for (const script of ["db-schemas.mjs", "db-generate.mjs"]) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", script)], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(
      `postinstall: scripts/${script} failed; Ramp cannot start without the generated Prisma ` +
        "clients. Fix the error above, then run `npm run postinstall`.",
    );
    process.exit(result.status ?? 1);
  }
}
