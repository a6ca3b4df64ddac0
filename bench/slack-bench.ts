// Slack benchmarks on one database, against the fake Slack Web API (test/support/fake-slack.ts):
// how fast Ramp's real Bolt stack acknowledges `/ramp start` and a claim click under 50
// concurrent requests, next to a bare Bolt app that only acknowledges (same receiver, same
// signature checks); and how long paging 50 crisis-staff members takes, from `/ramp start` until
// the 50th page DM reached Slack. Run through `npm run bench`; numbers are printed, never asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { App, ExpressReceiver } from "@slack/bolt";
import express from "express";
import { parse, stringify } from "yaml";
import { type RunningRamp, startRamp } from "../src/app.ts";
import { readConfig } from "../src/config/env.ts";
import { createLogger } from "../src/logging.ts";
import { SAMPLE_PLAN_PATH } from "../src/plan/load.ts";
import { type Database, openDatabase } from "../src/store/database.ts";
import { FakeSlack } from "../test/support/fake-slack.ts";
import {
  blockAction,
  EVENTS_PATH,
  findButton,
  type SlackRequest,
  slashCommand,
} from "../test/support/slack-requests.ts";
import { percentile } from "./stats.ts";

const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
const BOT_TOKEN = "xoxb-0000000000-0000000000-benchBenchBench";
const COORDINATOR_SLACK_ID = "U04PD3X8L2C";
const logger = createLogger(process.env.RAMP_BENCH_LOG_LEVEL ?? "silent");

export interface LatencyRow {
  p50: number;
  p99: number;
}

export interface SlackBenchResult {
  concurrency: number;
  rounds: number;
  start: { ramp: LatencyRow; bare: LatencyRow };
  claim: { ramp: LatencyRow; bare: LatencyRow };
  paging: { staff: number; toAllDms: number[] };
}

/** Slack id of generated person i (holders 1…n, alternates n+1…2n). */
const slackId = (i: number) => `U0BENCH${String(i).padStart(4, "0")}`;

/**
 * The sample plan with `staff` generated crisis-staff functions (each a holder and an alternate
 * with a Slack id) replacing its own crisis staff, written to a scratch file for startRamp.
 */
export function writeBenchPlan(dir: string, staff: number): string {
  const plan = parse(readFileSync(SAMPLE_PLAN_PATH, "utf8")) as {
    people: Array<Record<string, unknown>>;
    functions: Array<Record<string, unknown>>;
    coordination: { crisisStaff: string[] };
  };
  for (let i = 1; i <= 2 * staff; i++) {
    plan.people.push({
      id: `bench-${i}`,
      name: `Medewerker ${i}`,
      title: "Crisisstaf",
      slackUserId: slackId(i),
    });
  }
  const functions = Array.from({ length: staff }, (_, i) => ({
    id: `bench-functie-${i + 1}`,
    name: `Functie ${i + 1}`,
    holder: `bench-${i + 1}`,
    alternates: [`bench-${staff + i + 1}`],
  }));
  plan.functions.push(...functions);
  plan.coordination.crisisStaff = functions.map((f) => f.id);
  const file = path.join(dir, `bench-plan-${staff}.yaml`);
  writeFileSync(file, stringify(plan));
  return file;
}

async function startBenchRamp(databaseUrl: string, planFile: string, fake: FakeSlack) {
  const config = {
    ...readConfig({
      DATABASE_URL: databaseUrl,
      RAMP_PLAN: planFile,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      RAMP_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      RAMP_TICK_SECONDS: "1",
    }),
    port: 0,
    host: "127.0.0.1",
  };
  // Deliveries run right after each command (the scheduler's kick); the tick (every second here)
  // takes what a kick left, as in production.
  return startRamp(config, logger);
}

/** A Bolt app that only acknowledges, on the same receiver and signature checks as Ramp. */
async function startBareBolt(): Promise<{ url: string; close(): Promise<void> }> {
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: "/slack/events",
    router,
    logger: silentBoltLogger(),
  });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: BOT_TOKEN, botId: "B0BENCH", botUserId: "U0BENCHBOT" }),
    logger: silentBoltLogger(),
  });
  app.command("/ramp", async ({ ack }) => {
    await ack();
  });
  app.action(/^ramp_/, async ({ ack }) => {
    await ack();
  });
  const http = express();
  http.use(router);
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function silentBoltLogger() {
  const noop = () => {};
  return {
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
    setLevel: noop,
    getLevel: () => "error" as never,
    setName: noop,
  };
}

/**
 * The load generator runs in a worker thread: on the bench's own event loop, reading a response
 * would wait for Ramp's work and blur what is measured. It signs each request (v0, now), sends
 * them all at once, and returns each one's time to Slack's HTTP 200 (the acknowledgement).
 */
const CLIENT = `
const { parentPort } = require("node:worker_threads");
const { createHmac } = require("node:crypto");
parentPort.on("message", async ({ url, secret, requests }) => {
  try {
    const times = await Promise.all(requests.map(async (request) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = "v0=" + createHmac("sha256", secret).update("v0:" + timestamp + ":" + request.body).digest("hex");
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": request.contentType,
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature,
        },
        body: request.body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error("Slack endpoint answered " + response.status);
      return performance.now() - started;
    }));
    parentPort.postMessage({ times });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

class LoadClient {
  private readonly worker = new Worker(CLIENT, { eval: true });

  burst(baseUrl: string, requests: SlackRequest[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.worker.once("message", (answer: { times?: number[]; error?: string }) =>
        answer.times ? resolve(answer.times) : reject(new Error(answer.error)),
      );
      this.worker.postMessage({
        url: `${baseUrl}${EVENTS_PATH}`,
        secret: SIGNING_SECRET,
        requests,
      });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const row = (values: number[]): LatencyRow => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
});

async function waitUntil(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export async function slackBench(
  databaseUrls: () => Promise<string>,
  options: { concurrency?: number; rounds?: number; staff?: number } = {},
): Promise<SlackBenchResult> {
  const concurrency = options.concurrency ?? 50;
  const rounds = options.rounds ?? 5;
  const staff = options.staff ?? 50;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-bench-"));
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const bare = await startBareBolt();
  const client = new LoadClient();
  const burst = (baseUrl: string, requests: SlackRequest[]) => client.burst(baseUrl, requests);
  let ramp: RunningRamp | null = null;
  let db: Database | null = null;
  try {
    // The generated plan: `staff` functions, 2 × staff people with Slack ids who may claim.
    const planFile = writeBenchPlan(dir, Math.max(staff, concurrency));
    const databaseUrl = await databaseUrls();
    ramp = await startBenchRamp(databaseUrl, planFile, fake);
    // The bench's own handle, for the outbox; on SQLite it shares Ramp's connection.
    db = await openDatabase(databaseUrl, { migrate: false });
    const coordinator = { personId: "pieter-declercq", source: "slack" as const };
    const starts = () =>
      Array.from({ length: concurrency }, () =>
        slashCommand({
          userId: COORDINATOR_SLACK_ID,
          text: "start groot Bench brand",
          responseUrl: fake.responseUrl(),
        }),
      );

    // Warm-up, not measured: the first requests pay for module loading, JIT and connections.
    const helps = () =>
      Array.from({ length: concurrency }, () =>
        slashCommand({
          userId: COORDINATOR_SLACK_ID,
          text: "help",
          responseUrl: fake.responseUrl(),
        }),
      );
    await burst(ramp.url, helps());
    await burst(bare.url, helps());
    await waitUntil(
      () => fake.calls.filter((c) => c.method === "response").length >= concurrency,
      "the answers to /ramp help",
    );
    fake.clearCalls();

    // 1. /ramp start, 50 at once (one declares, the others hear an incident is active).
    const startRamp: number[] = [];
    const startBare: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const times = await burst(ramp.url, starts());
      if (process.env.RAMP_BENCH_DEBUG)
        process.stderr.write(
          `  /ramp start round ${round + 1}: p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms\n`,
        );
      startRamp.push(...times);
      // Ramp finishes its work (answers, pages) before the bare app is measured on this process.
      await waitUntil(
        () => fake.calls.filter((c) => c.method === "response").length >= (round + 1) * concurrency,
        "the answers to /ramp start",
      );
      await drained(db);
      startBare.push(...(await burst(bare.url, starts())));
      const [active] = await ramp.engine.activeIncidents();
      if (active && round < rounds - 1) await ramp.engine.close(coordinator, active.id);
      await drained(db);
    }

    // 2. Claim clicks: `concurrency` people click "Opnemen" on one task at once, per round.
    const [incident] = await ramp.engine.activeIncidents();
    if (!incident) throw new Error("bench: no active incident");
    await ramp.engine.decide(coordinator, incident.id, { situation: "B" });
    const tasks = await ramp.engine.ctx.store.tasks.listForIncident(incident.id);
    const blockIds = new Set(tasks.map((t) => `task:${t.id}`));
    const taskCards = () =>
      [...fake.messages.values()].filter((m) =>
        m.blocks.some((b) => blockIds.has(String(b.block_id ?? ""))),
      );
    await waitUntil(() => taskCards().length === tasks.length, "the task cards");
    const cards = taskCards();
    const claimRamp: number[] = [];
    const claimBare: number[] = [];
    for (let round = 0; round < Math.min(rounds, cards.length); round++) {
      const card = cards[round]!;
      const button = findButton(card, "Opnemen");
      const clicks = () =>
        Array.from({ length: concurrency }, (_, i) =>
          blockAction({
            userId: slackId(i + 1),
            message: card,
            button,
            responseUrl: fake.responseUrl(),
          }),
        );
      const answered = fake.calls.filter((c) => c.method === "response").length;
      claimRamp.push(...(await burst(ramp.url, clicks())));
      // One claimer wins; the others are told who has it.
      await waitUntil(
        () =>
          fake.calls.filter((c) => c.method === "response").length >= answered + concurrency - 1,
        "the answers to the claims",
      );
      await drained(db);
      claimBare.push(...(await burst(bare.url, clicks())));
    }
    await ramp.engine.close(coordinator, incident.id);
    await drained(db);

    // 3. Paging: /ramp start until all `staff` page DMs reached Slack, per round.
    const toAllDms: number[] = [];
    for (let round = 0; round < rounds; round++) {
      fake.clearCalls();
      const holders = new Set(Array.from({ length: staff }, (_, i) => fake.dmOf(slackId(i + 1))));
      const started = performance.now();
      await burst(ramp.url, [
        slashCommand({
          userId: COORDINATOR_SLACK_ID,
          text: `start groot Bench oproeping ${round + 1}`,
          responseUrl: fake.responseUrl(),
        }),
      ]);
      const pagePosts = () =>
        fake.calls.filter(
          (c) =>
            c.method === "chat.postMessage" &&
            holders.has(String(c.body.channel)) &&
            c.answer.ok === true,
        );
      await waitUntil(() => pagePosts().length >= staff, `${staff} page DMs`);
      toAllDms.push(Math.max(...pagePosts().map((c) => c.at)) - started);
      await drained(db);
      const [active] = await ramp.engine.activeIncidents();
      if (active) await ramp.engine.close(coordinator, active.id);
      await drained(db);
    }

    return {
      concurrency,
      rounds,
      start: { ramp: row(startRamp), bare: row(startBare) },
      claim: { ramp: row(claimRamp), bare: row(claimBare) },
      paging: { staff, toAllDms },
    };
  } finally {
    await db?.close();
    await ramp?.close();
    await client.close();
    await bare.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until every outbox message was handed to Slack, so one measurement starts clean. */
async function drained(db: Database): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (
    (await db.client.outboxMessage.count({ where: { status: { in: ["pending", "leased"] } } })) > 0
  ) {
    if (Date.now() > deadline) throw new Error("bench: the outbox did not drain");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
