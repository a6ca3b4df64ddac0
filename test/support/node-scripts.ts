// Runs the project's command-line tools the way a developer or CI does: the Prisma
// CLI (through prisma.config.ts, offline) and the scripts/*.mjs helpers.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const require = createRequire(import.meta.url);
const PRISMA_CLI = path.join(
  path.dirname(require.resolve("prisma/package.json")),
  "build",
  "index.js",
);

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const quietEnv = { CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

/** `prisma <args>` from the project root, so prisma.config.ts (engine "js") applies. */
export function runPrismaCli(args: string[], databaseUrl: string): RunResult {
  const result = spawnSync(process.execPath, [PRISMA_CLI, ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...quietEnv, DATABASE_URL: databaseUrl },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** `node scripts/<script> <args>`. */
export function runScript(script: string, args: string[] = []): RunResult {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "scripts", script), ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      env: { ...process.env, ...quietEnv },
    },
  );
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** A TypeScript file in its own Node process (through tsx), without blocking this one. */
export function runTypeScript(file: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: PROJECT_ROOT,
      env: process.env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}
