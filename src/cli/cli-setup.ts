// What every one-off command that reads Ramp's database and plan does first (`ramp review`,
// `ramp plan amendments`): the configuration, the plan, and whether the SQLite file is there.
import { existsSync } from "node:fs";
import type { Writable } from "node:stream";
import { type Config, ConfigError, readConfig } from "../config/env.ts";
import { loadPlanFile, type PlanResult } from "../plan/load.ts";
import { formatProblems } from "../plan/report.ts";
import { parseDatabaseUrl } from "../store/database-url.ts";

/** The configuration, reading a .env in the working directory like `npm start`; null (and why on `err`) when it is wrong. */
export function readCliConfig(
  env: Record<string, string | undefined>,
  err: Writable,
): Config | null {
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  try {
    return readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.write(`${error.message}\n`);
    return null;
  }
}

/** The plan in `file`; null (and its problems on `err`) when it cannot be used. `setting` names where the file name came from. */
export async function loadCliPlan(
  file: string,
  err: Writable,
  setting?: string,
): Promise<Extract<PlanResult, { ok: true }> | null> {
  const loaded = await loadPlanFile(file);
  if (loaded.ok) return loaded;
  const from = setting ? ` (${setting})` : "";
  err.write(
    `Het plan ${file} is niet bruikbaar / the plan cannot be used${from}:\n` +
      `${formatProblems(loaded.problems, file, "nl")}\n`,
  );
  return null;
}

/** The file of an SQLite database URL when it is not there (opening it would create an empty database). */
export function missingSqliteFile(url: string): string | null {
  try {
    const target = parseDatabaseUrl(url);
    return target.provider === "sqlite" && !existsSync(target.file) ? target.file : null;
  } catch {
    return null; // openDatabase reports a malformed URL in its own words
  }
}
