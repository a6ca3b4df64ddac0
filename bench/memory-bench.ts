// Resident memory of Ramp in production: one process started from the build (`npm run build`,
// then `node dist/main.js`: no tsx), with Slack (against the fake Slack), Teams (against the fake
// Bot Framework connector, unauthenticated on loopback) and the board on, after an incident:
// declared on Slack, everyone paged on Slack and Teams, status asked, the decision taken, the
// board and the health check read. RSS is read from /proc once the outbox is quiet. The floor: a
// process that loads the same libraries (Bolt, botbuilder, teams-ai, express, the Prisma client
// of the same database), opens the database and listens, doing nothing else.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../src/plan/load.ts";
import { parseDatabaseUrl } from "../src/store/database-url.ts";
import { FakeConnector } from "../test/support/fake-connector.ts";
import { FakeSlack } from "../test/support/fake-slack.ts";
import { PROJECT_ROOT } from "../test/support/node-scripts.ts";
import { freePort } from "../test/support/ports.ts";
import { sendToSlackEndpoint, slashCommand } from "../test/support/slack-requests.ts";
import {
  channelMention,
  installationUpdate,
  type TeamsUser,
  teamsUser,
} from "../test/support/teams-activities.ts";
import { BOT_TOKEN, COORDINATOR_SLACK_ID, SIGNING_SECRET, waitUntil } from "./slack-bench.ts";

export interface MemoryResult {
  /** Resident set after the incident, and the peak during it (VmHWM), MB. */
  rss: number;
  peak: number;
  /** The libraries alone, MB. */
  floor: number;
}

const DIST = path.join(PROJECT_ROOT, "dist");

/** VmRSS and VmHWM of a process, MB. */
function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

function spawnNode(args: string[], env: Record<string, string>, cwd: string): ChildProcess {
  return spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

/** The flags before dist/main.js in package.json's start:prod. */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts["start:prod"] ?? "").split(/\s+/);
  return words.slice(1, words.indexOf("dist/main.js")).filter((w) => w.startsWith("--"));
}

/** Compiles src/ to dist/ (npm run build), so the measure is of the code as it is now. */
export function build(): void {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build.mjs")], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`bench: npm run build failed:\n${result.stderr}`);
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench: the process exited:\n${stderr()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bench: no answer on ${url}/healthz within 90 s:\n${stderr()}`);
}

/**
 * @param nodeFlags Node's flags for both processes: those `npm run start:prod` gives
 *   (package.json), so the measure is of production as started.
 */
export async function memoryBench(
  databaseUrl: string,
  nodeFlags: string[] = productionNodeFlags(),
): Promise<MemoryResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-memory-"));
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const connector = await FakeConnector.start();
  const children: ChildProcess[] = [];
  try {
    const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
    if (!loaded.ok) throw new Error("bench: the sample plan does not load");
    const users: TeamsUser[] = [];
    let coordinator: TeamsUser | null = null;
    for (const person of loaded.plan.people) {
      if (!person.teamsUserId) continue;
      const user = teamsUser(person.teamsUserId, person.name);
      users.push(user);
      if (person.id === "pieter-declercq") coordinator = user;
      connector.addMember({
        id: user.id,
        name: user.name,
        aadObjectId: user.aadObjectId,
        userPrincipalName: user.userPrincipalName,
        email: user.userPrincipalName,
        userRole: "user",
      });
    }
    if (!coordinator) throw new Error("bench: the coordinator has no Teams account in the plan");

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let stderr = "";
    const ramp = spawnNode(
      [...nodeFlags, path.join(DIST, "main.js")],
      {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "warn",
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        RAMP_TEAMS: "on",
        RAMP_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
        RAMP_TICK_SECONDS: "1",
      },
      dir,
    );
    children.push(ramp);
    ramp.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    await waitForHealth(url, ramp, () => stderr);
    const teams = async (activity: Record<string, unknown>) => {
      const response = await fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity),
      });
      await response.arrayBuffer();
    };
    const slack = async (text: string) => {
      const response = await sendToSlackEndpoint(
        url,
        SIGNING_SECRET,
        slashCommand({ userId: COORDINATOR_SLACK_ID, text, responseUrl: fake.responseUrl() }),
      );
      await response.arrayBuffer();
    };
    await teams(installationUpdate(connector.serviceUrl, { from: coordinator, scope: "team" }));
    for (const user of users)
      await teams(installationUpdate(connector.serviceUrl, { from: user, scope: "personal" }));
    await slack("start groot Brand in het administratief centrum");
    await waitUntil(
      () => fake.callsOf("chat.postMessage").length >= 5,
      "the pages on Slack",
      60_000,
    );
    await slack("status");
    await teams(channelMention(connector.serviceUrl, { from: coordinator, text: "status" }));
    await slack("besluit B");
    for (const page of ["/", "/healthz"]) await (await fetch(`${url}${page}`)).arrayBuffer();
    // Quiet: no new call to either platform for 3 s.
    const quietDeadline = Date.now() + 120_000;
    for (let calls = -1; Date.now() < quietDeadline; ) {
      const now = fake.calls.length + connector.calls.length;
      if (now === calls) break;
      calls = now;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const ramped = residentMb(ramp.pid!);

    // The floor: the libraries, the database, a listening server.
    const provider = parseDatabaseUrl(databaseUrl).provider;
    const floorScript = `
      await import("@slack/bolt"); await import("botbuilder"); await import("@microsoft/teams-ai");
      const express = (await import("express")).default;
      const { openDatabase } = await import(${JSON.stringify(path.join(DIST, "store", "database.js"))});
      const db = await openDatabase(process.env.DATABASE_URL);
      await db.client.incident.count();
      express().listen(0, "127.0.0.1", () => process.stderr.write("ready ${provider}\\n"));
    `;
    const floor = spawnNode(
      [...nodeFlags, "--input-type=module", "-e", floorScript],
      { DATABASE_URL: databaseUrl },
      PROJECT_ROOT,
    );
    children.push(floor);
    let floorOut = "";
    floor.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      floorOut += chunk;
    });
    await waitUntil(
      () => floorOut.includes("ready") || floor.exitCode !== null,
      "the floor",
      60_000,
    );
    if (floor.exitCode !== null) throw new Error(`bench: the floor process failed:\n${floorOut}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { ...ramped, floor: residentMb(floor.pid!).rss };
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await fake.close().catch(() => {});
    await connector.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
