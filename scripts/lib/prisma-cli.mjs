// Runs the Prisma CLI offline. Two traps make it try to download a Rust engine
// (which fails here, there is no internet):
// - prisma.config.ts must be loaded, for `engine: "js"`; so the CLI always runs
//   with the project root as working directory;
// - DATABASE_URL must be set and fit the schema's provider. When the CLI cannot
//   read the schema's `url = env("DATABASE_URL")` it falls back to the "library"
//   engine type and downloads libquery_engine, with a network error that says
//   nothing about DATABASE_URL.
// None of the commands run through here (generate, migrate diff) need a real
// database, so a harmless placeholder stands in when no fitting URL is set.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./schema-files.mjs";

const require = createRequire(import.meta.url);
const PRISMA_CLI = path.join(
  path.dirname(require.resolve("prisma/package.json")),
  "build",
  "index.js",
);

/** A scratch SQLite file: prisma.config.ts's adapter opens (and creates) it even for a diff. */
export const HARMLESS_SQLITE_URL = `file:${path.join(os.tmpdir(), "ramp-prisma-cli.db")}`;
/** Never connected to: `prisma generate` only validates the URL's scheme. */
export const PLACEHOLDER_POSTGRES_URL = "postgresql://placeholder@localhost:5432/placeholder";

/**
 * The DATABASE_URL to hand the CLI for a schema of `provider`: the developer's own
 * when it fits that provider, otherwise a placeholder.
 * @param {"sqlite" | "postgresql"} provider
 */
export function databaseUrlFor(provider) {
  const current = process.env.DATABASE_URL ?? "";
  if (provider === "sqlite") return current.startsWith("file:") ? current : HARMLESS_SQLITE_URL;
  return /^postgres(ql)?:\/\//.test(current) ? current : PLACEHOLDER_POSTGRES_URL;
}

/**
 * @param {string[]} args
 * @param {{ databaseUrl: string }} options
 * @returns {Promise<{ status: number; stdout: string; stderr: string }>}
 */
export function runPrisma(args, { databaseUrl }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // No update check and no telemetry: both would try the network.
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

/**
 * The SQL that brings a database from schema `from` (or empty) to schema `to`, or
 * null when nothing differs.
 * @param {{ from: string | null; to: string; provider: "sqlite" | "postgresql" }} options
 * @returns {Promise<string | null>}
 */
export async function diffSchemas({ from, to, provider }) {
  const source = from === null ? ["--from-empty"] : ["--from-schema-datamodel", from];
  // The CLI reads the config's schema (SQLite) for its engine type whatever the
  // provider of the two files compared, hence a file: URL in both cases; the scratch
  // one, since a diff of two schema files needs no database.
  const result = await runPrisma(
    ["migrate", "diff", ...source, "--to-schema-datamodel", to, "--script", "--exit-code"],
    { databaseUrl: HARMLESS_SQLITE_URL },
  );
  // --exit-code: 0 empty, 2 differences, anything else an error.
  if (result.status === 0) return null;
  if (result.status === 2) return result.stdout;
  throw new Error(
    `prisma migrate diff (${provider}) failed (exit ${result.status}):\n${result.stderr}${result.stdout}`,
  );
}
