// The production build (`npm run build`, then `node dist/main.js`): compiled JavaScript that runs
// on plain Node, without tsx. It finds what lives outside src/ at run time (the sample plan, the
// migrations, the board's static files, the generated Prisma client) or it does not start; this
// test builds into a scratch directory beside dist/ and starts it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/node-scripts.ts";
import { freePort } from "../support/ports.ts";

const outName = `dist-test-${process.pid}`;
const outDir = path.join(PROJECT_ROOT, outName);
const dataDir = mkdtempSync(path.join(tmpdir(), "ramp-dist-"));
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the production build", () => {
  it("starts with plain node, migrates, serves /healthz and the board's files", async () => {
    const build = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "scripts", "build.mjs"), "--out-dir", outName],
      { cwd: PROJECT_ROOT, encoding: "utf8" },
    );
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(existsSync(path.join(outDir, "main.js"))).toBe(true);

    const port = await freePort();
    // No --import tsx: a .ts file reached at run time would fail here.
    const started = spawn(process.execPath, [path.join(outDir, "main.js")], {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dataDir, "ramp.db")}`,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child = started;
    let stderr = "";
    started.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const health = await waitForHealth(`http://127.0.0.1:${port}`, started, () => stderr);
    expect(health).toMatchObject({
      status: "ok",
      database: { ok: true, provider: "sqlite" },
      plan: { ok: true, organisation: "OCMW Zonnebeke-Heide" },
    });
    expect((health as { database: { migrations: number } }).database.migrations).toBeGreaterThan(0);
    const css = await fetch(`http://127.0.0.1:${port}/static/ramp.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain("{");

    // Documents are rendered in a worker thread: the build has its compiled file, and plain node
    // (no tsx) runs it.
    const script = `
      const { renderPlanDocument } = await import(${JSON.stringify(pathToFileURL(path.join(outDir, "review", "plan-document.js")).href)});
      const { loadPlanFile, SAMPLE_PLAN_PATH } = await import(${JSON.stringify(pathToFileURL(path.join(outDir, "plan", "load.js")).href)});
      const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
      const reach = { webUrl: null, slack: true, teams: false, sms: false };
      const input = { plan: loaded.plan, planHash: loaded.hash, holder: null, printedAt: new Date() };
      const file = await renderPlanDocument(input, "plan", "docx", reach);
      process.stdout.write(file.fileName + " " + file.content.subarray(0, 2).toString("latin1"));
    `;
    const rendered = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: dataDir,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(rendered.stderr).toBe("");
    // A .docx is a zip file: "PK".
    expect(rendered.stdout).toMatch(/^rampenplan-.*\.docx PK$/);
  }, 240_000);
});

async function waitForHealth(url: string, process_: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (process_.exitCode !== null) throw new Error(`dist/main.js exited:\n${stderr()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return (await response.json()) as unknown;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dist/main.js did not answer /healthz within 60 s:\n${stderr()}`);
}
