import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningRamp, StartupError, startRamp } from "../../src/app.ts";
import { readConfig } from "../../src/config/env.ts";
import { createLogger } from "../../src/logging.ts";
import { freePort } from "../support/ports.ts";

const dir = mkdtempSync(path.join(tmpdir(), "ramp-start-"));
const logger = createLogger("silent");
const running: RunningRamp[] = [];
afterAll(async () => {
  for (const ramp of running) await ramp.close();
});

describe("startRamp", () => {
  it("serves /healthz on SQLite with the sample plan", async () => {
    const config = { ...readConfig({ DATABASE_URL: `file:${dir}/health.db` }), port: 0 };
    const ramp = await startRamp(config, logger);
    running.push(ramp);
    const response = await fetch(`${ramp.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      database: { migrations: number };
      plan: { hash: string };
    };
    expect(body.status).toBe("ok");
    expect(body.database).toMatchObject({ ok: true, provider: "sqlite" });
    expect(body.database.migrations).toBeGreaterThan(0);
    expect(body.plan).toMatchObject({ ok: true, organisation: ramp.plan.organisation.name });
    expect(body.plan.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses to start with a broken plan and says where it is broken", async () => {
    const planFile = path.join(dir, "broken.yaml");
    writeFileSync(planFile, "format: 2\n");
    const config = {
      ...readConfig({ DATABASE_URL: `file:${dir}/broken.db`, RAMP_PLAN: planFile }),
      port: 0,
    };
    const start = startRamp(config, logger);
    await expect(start).rejects.toBeInstanceOf(StartupError);
    await expect(start).rejects.toThrow(`${planFile}:1:9 format: moet 1 zijn`);
  });

  it("refuses a port that is taken, naming PORT", async () => {
    const first = await startRamp(
      { ...readConfig({ DATABASE_URL: `file:${dir}/a.db` }), port: 0 },
      logger,
    );
    running.push(first);
    const port = Number(new URL(first.url).port);
    const second = startRamp({ ...readConfig({ DATABASE_URL: `file:${dir}/b.db` }), port }, logger);
    await expect(second).rejects.toThrow(/already in use: stop the other process or set PORT/);
  });
});

describe("npm start (src/main.ts as a process)", () => {
  const main = path.resolve("src/main.ts");
  // Absolute, because the process runs in a scratch directory where "tsx" would not resolve.
  const tsx = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;

  function launch(env: Record<string, string>) {
    const child = spawn(process.execPath, ["--import", tsx, main], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    return { child, exited, stderr: () => stderr };
  }

  it("starts on the embedded defaults, answers /healthz, and stops on SIGTERM", {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    const { child, exited } = launch({ PORT: String(port) });
    let status = 0;
    // Until it answers: starting tsx and migrating takes seconds, many more on a loaded machine.
    const deadline = Date.now() + 60_000;
    while (status !== 200 && Date.now() < deadline) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("stops with a message naming a malformed variable", { timeout: 90_000 }, async () => {
    const { exited, stderr } = launch({ PORT: "not-a-port" });
    expect(await exited).toBe(1);
    expect(stderr()).toContain(
      'PORT: must be a whole number between 1 and 65535 (got "not-a-port")',
    );
  });
});
