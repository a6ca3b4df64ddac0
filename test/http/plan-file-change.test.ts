// The plan file is edited in place while Ramp runs. An invalid edit never reaches the running
// plan: Ramp keeps the last valid one, /healthz says what is wrong and which plan still runs,
// and the coordinator is told privately (through the outbox), once per version of the file. A
// valid edit is reported and used from the next start.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningRamp, startRamp } from "../../src/app.ts";
import { readConfig } from "../../src/config/env.ts";
import type { PlanFileChange } from "../../src/core/plan-file.ts";
import { createLogger } from "../../src/logging.ts";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { PlanWatcher } from "../../src/plan/watch.ts";
import { type Database, openDatabase } from "../../src/store/database.ts";
import { WebBrowser } from "../adapters/web/harness.ts";

const dir = mkdtempSync(path.join(tmpdir(), "ramp-plan-watch-"));
const planFile = path.join(dir, "plan.yaml");
const databaseUrl = `file:${path.join(dir, "ramp.db")}`;
const original = readFileSync(SAMPLE_PLAN_PATH, "utf8");
/** The coordinator of the sample plan now names someone who is not in it. */
const invalid = original.replace("  coordinator: pieter-declercq", "  coordinator: pieter-declerq");
const invalidToo = original.replace(/^format: 1$/m, "format: 2");
const newer = original.replace('  version: "3.0"', '  version: "3.1"');

interface Health {
  status: string;
  failing?: string[];
  plan: {
    ok: boolean;
    hash: string;
    version: string;
    fileHash?: string;
    problems?: string;
    pending?: { version: string; hash: string };
    message?: string;
  };
}

describe("the plan file changes while Ramp runs", () => {
  let ramp: RunningRamp;
  let db: Database;
  let runningHash: string;

  beforeAll(async () => {
    copyFileSync(SAMPLE_PLAN_PATH, planFile);
    const config = {
      ...readConfig({ DATABASE_URL: databaseUrl, RAMP_PLAN: planFile }),
      port: 0,
      host: "127.0.0.1",
    };
    // The periodic check is the fallback for file systems without change events; fs.watch
    // normally sees the edit first. Short here so a missed event cannot fail the test.
    ramp = await startRamp(config, createLogger("silent"), {
      startScheduler: false,
      planCheckMs: 500,
    });
    db = await openDatabase(databaseUrl, { migrate: false });
    runningHash = ramp.engine.directory.planHash;
  });
  afterAll(async () => {
    await db?.close();
    await ramp?.close();
  });

  async function health(): Promise<{ code: number; body: Health }> {
    const response = await fetch(`${ramp.url}/healthz`);
    return { code: response.status, body: (await response.json()) as Health };
  }

  /** /healthz once it shows what `done` waits for (the watcher reacts within a second). */
  async function healthWhen(
    done: (body: Health) => boolean,
  ): Promise<{ code: number; body: Health }> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const answer = await health();
      if (done(answer.body)) return answer;
      if (Date.now() > deadline)
        throw new Error(`/healthz did not change: ${JSON.stringify(answer.body.plan)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function planNotices() {
    const rows = await db.client.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: "plan-file:" } },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((row) => ({
      key: row.dedupeKey,
      to: `${row.targetKind}:${row.targetId}`,
      text: (JSON.parse(row.payload) as { notice: { text: string } }).notice.text,
    }));
  }

  it("an invalid edit: keeps the running plan, /healthz says what is wrong, the coordinator is told in Dutch", async () => {
    writeFileSync(planFile, invalid);
    const { code, body } = await healthWhen((b) => b.plan.ok === false);
    expect(code).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.failing).toEqual(["plan"]);
    expect(body.plan.hash).toBe(runningHash);
    expect(body.plan.fileHash).not.toBe(runningHash);
    expect(body.plan.problems).toContain("pieter-declerq");
    expect(body.plan.message).toContain(
      `Ramp draait verder op het laatste geldige plan ${runningHash.slice(0, 12)}`,
    );
    // Never half-loaded: the engine still runs on the whole old plan.
    expect(ramp.engine.directory.planHash).toBe(runningHash);
    expect(ramp.engine.directory.plan.coordination.coordinator).toBe("pieter-declercq");

    await ramp.planWatcher.check();
    const notices = await planNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.to).toBe("person:pieter-declercq");
    expect(notices[0]!.text).toMatch(
      /^Het planbestand .*plan\.yaml is gewijzigd maar is niet geldig\. Ramp werkt verder met het laatste geldige plan \(versie 3\.0\)/,
    );
    expect(notices[0]!.text).toContain("pieter-declerq");
  });

  it("Ramp goes on working with the running plan meanwhile", async () => {
    const browser = new WebBrowser(ramp.url);
    await browser.becomes("pieter-declercq");
    const conversation = await browser.say("start groot Brand in het administratief centrum");
    expect(conversation).toContain("Incident 2026-001 is gestart");
  });

  it("tells once per bad version: saving it again says nothing new, another bad version does", async () => {
    writeFileSync(planFile, invalid);
    await ramp.planWatcher.check();
    expect(await planNotices()).toHaveLength(1);
    writeFileSync(planFile, invalidToo);
    const { body } = await healthWhen((b) => b.plan.problems?.includes("format") === true);
    expect(body.plan.ok).toBe(false);
    await ramp.planWatcher.check();
    expect(await planNotices()).toHaveLength(2);
  });

  it("the file fixed: /healthz is ok again", async () => {
    writeFileSync(planFile, original);
    const { code, body } = await healthWhen((b) => b.plan.ok && b.plan.fileHash === undefined);
    expect(code).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.plan).toMatchObject({ ok: true, hash: runningHash, version: "3.0" });
    expect(body.plan.problems).toBeUndefined();
  });

  it("a valid change: reported and used after a restart, the running plan stays", async () => {
    writeFileSync(planFile, newer);
    const { body } = await healthWhen((b) => b.plan.pending !== undefined);
    expect(body.status).toBe("ok");
    expect(body.plan).toMatchObject({ ok: true, hash: runningHash, version: "3.0" });
    expect(body.plan.pending?.version).toBe("3.1");
    expect(ramp.engine.directory.planHash).toBe(runningHash);
    await ramp.planWatcher.check();
    const notices = await planNotices();
    expect(notices).toHaveLength(3);
    expect(notices[2]!.text).toContain(
      "is gewijzigd (versie 3.1) en is geldig. Ramp gebruikt het pas na een herstart",
    );
  });
});

describe("the plan watcher", () => {
  it("sees an edit through the file watch alone, once for a burst of writes", async () => {
    const file = path.join(dir, "watched.yaml");
    copyFileSync(SAMPLE_PLAN_PATH, file);
    const { loadSamplePlan } = await import("../support/engine.ts");
    const { plan, hash } = await loadSamplePlan();
    const changes: PlanFileChange[] = [];
    const watcher = new PlanWatcher({
      file,
      running: { plan, hash },
      onChange: async (change) => {
        changes.push(change);
      },
      logger: createLogger("silent"),
      intervalMs: 3_600_000, // no periodic check in this test
      debounceMs: 50,
    });
    watcher.start();
    try {
      // An editor saving in several writes: only the last content counts.
      writeFileSync(file, original.slice(0, 200));
      writeFileSync(file, invalidToo);
      const deadline = Date.now() + 10_000;
      while (watcher.status().ok && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await watcher.check();
      expect(watcher.status()).toMatchObject({ ok: false, hash });
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ kind: "invalid" });
    } finally {
      await watcher.stop();
    }
  });
});
