// The crisis engine for a one-off command (`ramp review`, `ramp plan amendments`): the database of
// DATABASE_URL and the plan, no channels, no logs. The caller closes the database.
import type { Writable } from "node:stream";
import { buildEngine } from "../compose.ts";
import type { CrisisEngine } from "../core/engine.ts";
import { createLogger } from "../logging.ts";
import type { Plan } from "../plan/schema.ts";
import { type Database, openDatabase } from "../store/database.ts";
import { redactUrl } from "../store/database-url.ts";

/** Null (and the reason on `err`, without the URL's password) when the database cannot open. */
export async function openCliEngine(
  databaseUrl: string,
  loaded: { plan: Plan; hash: string },
  err: Writable,
): Promise<{ engine: CrisisEngine; database: Database } | null> {
  let database: Database;
  try {
    database = await openDatabase(databaseUrl);
  } catch (error) {
    err.write(`DATABASE_URL ${redactUrl(databaseUrl)}: ${(error as Error).message}\n`);
    return null;
  }
  const engine = buildEngine({
    database,
    plan: loaded.plan,
    planHash: loaded.hash,
    log: createLogger("silent"),
    channels: [],
  });
  return { engine, database };
}
