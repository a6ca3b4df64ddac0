// Slack benchmarks against the fake Slack Web API (test/support/fake-slack.ts): how fast Ramp's
// real Bolt stack acknowledges `/ramp start` and a claim click under 50 concurrent requests —
// with the inbox (stored, then acknowledged), with the old shape (acknowledged first, then run:
// bench/ack-first-inbox.ts, its own database) and a bare Bolt app that only acknowledges (same
// receiver, same signature checks), the three measured in turn in every round. The helpers here
// (the generated plan, the load client, the bare Bolt app) serve the other Slack benches too.
// Run through `npm run bench`; numbers are printed, never asserted.
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
import { FakeSlack, type RecordedCall, type SlackMessage } from "../test/support/fake-slack.ts";
import {
  blockAction,
  EVENTS_PATH,
  findButton,
  type SlackRequest,
  slashCommand,
} from "../test/support/slack-requests.ts";
import { AckFirstInbox } from "./ack-first-inbox.ts";
import { percentile } from "./stats.ts";

export const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
export const BOT_TOKEN = "xoxb-0000000000-0000000000-benchBenchBench";
export const COORDINATOR_SLACK_ID = "U04PD3X8L2C";
const logger = createLogger(process.env.RAMP_BENCH_LOG_LEVEL ?? "silent");

export interface LatencyRow {
  p50: number;
  p95: number;
  p99: number;
}

/** Time to the 200: with the inbox, acknowledged first (the old shape), a bare Bolt app. */
export interface AckFigures {
  inbox: LatencyRow;
  ackFirst: LatencyRow;
  bare: LatencyRow;
}

export interface SlackBenchResult {
  concurrency: number;
  rounds: number;
  start: AckFigures;
  claim: AckFigures;
}

/** Slack id of generated person i (holders 1…n, alternates n+1…2n). */
export const slackId = (i: number) => `U0BENCH${String(i).padStart(4, "0")}`;

/**
 * The sample plan with `staff` generated crisis-staff functions (each a holder and an alternate
 * with a Slack id) replacing its own crisis staff, written to a scratch file for startRamp.
 */
export function writeBenchPlan(dir: string, staff: number): string {
  const plan = parse(readFileSync(SAMPLE_PLAN_PATH, "utf8")) as {
    people: Array<Record<string, unknown>>;
    functions: Array<Record<string, unknown>>;
    coordination: { crisisStaff: string[] };
    practice?: unknown;
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
  // No reachability test falling due during a run: it would page everyone in the middle of it.
  delete plan.practice;
  const file = path.join(dir, `bench-plan-${staff}.yaml`);
  writeFileSync(file, stringify(plan));
  return file;
}

export async function startBenchRamp(
  databaseUrl: string,
  planFile: string,
  fake: FakeSlack,
  shape: "inbox" | "ack-first" = "inbox",
  env: Record<string, string> = {},
) {
  const config = {
    ...readConfig({
      DATABASE_URL: databaseUrl,
      RAMP_PLAN: planFile,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      RAMP_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      RAMP_TICK_SECONDS: "1",
      ...env,
    }),
    port: 0,
    host: "127.0.0.1",
  };
  // Deliveries run right after each command (the scheduler's kick); the tick (every second here)
  // takes what a kick left, as in production.
  // Plan copies are handed out when a plan version is new (long before an incident in real
  // life); here every run's plan is new, so they would go out during the measurement.
  return startRamp(config, logger, {
    planCopies: false,
    ...(shape === "ack-first" ? { inbox: (ctx, owner) => new AckFirstInbox(ctx, { owner }) } : {}),
  });
}

/**
 * A Bolt app that only acknowledges, on the same receiver and signature checks as Ramp; with
 * `answer`, it also answers once on the request's response_url after acknowledging.
 */
export function startBareBolt(answer = false): Promise<{ url: string; close(): Promise<void> }> {
  return serveBolt((app) => {
    app.command("/ramp", async ({ ack, respond }) => {
      await ack();
      if (answer) await respond({ response_type: "ephemeral", text: "Geen actief incident." });
    });
    app.action(/^ramp_/, async ({ ack, respond }) => {
      await ack();
      if (answer) await respond({ response_type: "ephemeral", text: "Opgenomen." });
    });
  });
}

/** A Bolt app with Ramp's receiver and signature checks on 127.0.0.1; `listen` adds its listeners. */
export async function serveBolt(
  listen: (app: App) => void,
): Promise<{ url: string; close(): Promise<void> }> {
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
  listen(app);
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

/** A Bolt logger that says nothing: the bench prints its own figures. */
export function silentBoltLogger() {
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
parentPort.on("message", async ({ url, secret, requests, tolerant }) => {
  try {
    const sentAt = [];
    const statuses = [];
    const times = await Promise.all(requests.map(async (request, i) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = "v0=" + createHmac("sha256", secret).update("v0:" + timestamp + ":" + request.body).digest("hex");
      const started = performance.now();
      sentAt[i] = performance.timeOrigin + started;
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
      statuses[i] = response.status;
      return performance.now() - started;
    }));
    // Bolt answers 404 to a request not acknowledged within 3 s: Slack shows the person an error.
    if (!tolerant && statuses.some((s) => s !== 200))
      throw new Error("Slack endpoint answered " + statuses.filter((s) => s !== 200).join(", "));
    parentPort.postMessage({ times, sentAt, statuses });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

export class LoadClient {
  private readonly worker = new Worker(CLIENT, { eval: true });

  burst(baseUrl: string, requests: SlackRequest[]): Promise<number[]> {
    return this.timedBurst(baseUrl, requests).then((b) => b.times);
  }

  /** Each request's time to its 200, and when it was sent (ms since the epoch, fractional). */
  timedBurst(
    baseUrl: string,
    requests: SlackRequest[],
    tolerant = false,
  ): Promise<{ times: number[]; sentAt: number[]; statuses: number[] }> {
    return new Promise((resolve, reject) => {
      this.worker.once(
        "message",
        (answer: { times?: number[]; sentAt?: number[]; statuses?: number[]; error?: string }) =>
          answer.times && answer.sentAt && answer.statuses
            ? resolve({ times: answer.times, sentAt: answer.sentAt, statuses: answer.statuses })
            : reject(new Error(answer.error)),
      );
      this.worker.postMessage({
        url: `${baseUrl}${EVENTS_PATH}`,
        secret: SIGNING_SECRET,
        requests,
        tolerant,
      });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const row = (values: number[]): LatencyRow => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
});

/** One Ramp under measurement, with the bench's own handle on its database. */
interface Target {
  ramp: RunningRamp;
  db: Database;
}

/** Waits until every request of a burst got its answer through its response_url. */
function answered(fake: FakeSlack, requests: SlackRequest[], what: string, allBut = 0) {
  const urls = requests.map(responseUrlOf);
  return waitUntil(
    () => urls.filter((u) => fake.responsesTo(u).length > 0).length >= urls.length - allBut,
    what,
  );
}

/** A request's response_url: a form field of a command, inside the JSON `payload` of an interaction. */
export function responseUrlOf(request: SlackRequest): string {
  const form = new URLSearchParams(request.body);
  const payload = form.get("payload");
  return payload
    ? String((JSON.parse(payload) as { response_url?: string }).response_url)
    : String(form.get("response_url"));
}

/** The task cards Ramp posted (or updated) in the fake Slack for these tasks. */
export function taskCards(fake: FakeSlack, tasks: Array<{ id: string }>): SlackMessage[] {
  const blockIds = new Set(tasks.map((t) => `task:${t.id}`));
  return [...fake.messages.values()].filter((m) =>
    m.blocks.some((b) => blockIds.has(String(b.block_id ?? ""))),
  );
}

/** What reads the pages Slack accepted in the own conversations of generated holders 1…`staff`. */
export function pageDmsOf(fake: FakeSlack, staff: number): () => RecordedCall[] {
  const holders = new Set(Array.from({ length: staff }, (_, i) => fake.dmOf(slackId(i + 1))));
  return () =>
    fake.calls.filter(
      (c) =>
        c.method === "chat.postMessage" &&
        holders.has(String(c.body.channel)) &&
        c.answer.ok === true,
    );
}

/** `count` generated people clicking "Opnemen" on one task card at once. */
export function claimClicks(fake: FakeSlack, card: SlackMessage, count: number): SlackRequest[] {
  const button = findButton(card, "Opnemen");
  return Array.from({ length: count }, (_, i) =>
    blockAction({ userId: slackId(i + 1), message: card, button, responseUrl: fake.responseUrl() }),
  );
}

export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export async function slackBench(
  databaseUrls: () => Promise<string>,
  options: { concurrency?: number; rounds?: number } = {},
): Promise<SlackBenchResult> {
  const concurrency = options.concurrency ?? 50;
  const rounds = options.rounds ?? 5;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-bench-"));
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const bare = await startBareBolt();
  const client = new LoadClient();
  const burst = (baseUrl: string, requests: SlackRequest[]) => client.burst(baseUrl, requests);
  const targets: Target[] = [];
  try {
    // The generated plan: `staff` functions, 2 × staff people with Slack ids who may claim.
    const planFile = writeBenchPlan(dir, concurrency);
    for (const shape of ["inbox", "ack-first"] as const) {
      const databaseUrl = await databaseUrls();
      const ramp = await startBenchRamp(databaseUrl, planFile, fake, shape);
      // The bench's own handle, for the outbox; on SQLite it shares Ramp's connection.
      targets.push({ ramp, db: await openDatabase(databaseUrl, { migrate: false }) });
    }
    const [withInbox, ackFirst] = targets as [Target, Target];
    const coordinator = { personId: "pieter-declercq", source: "slack" as const };
    const commands = (text: string) =>
      Array.from({ length: concurrency }, () =>
        slashCommand({ userId: COORDINATOR_SLACK_ID, text, responseUrl: fake.responseUrl() }),
      );

    // Warm-up, not measured: the first requests pay for module loading, JIT and connections.
    for (const target of targets) {
      const helps = commands("help");
      await burst(target.ramp.url, helps);
      await answered(fake, helps, "the answers to /ramp help");
    }
    await burst(bare.url, commands("help"));
    fake.clearCalls();

    // 1. /ramp start, 50 at once (one declares, the others hear an incident is active); each
    // Ramp finishes its work (answers, pages) before the next is measured on this process.
    const start = { inbox: [] as number[], ackFirst: [] as number[], bare: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      for (const [target, times] of [
        [withInbox, start.inbox],
        [ackFirst, start.ackFirst],
      ] as const) {
        const starts = commands("start groot Bench brand");
        const measured = await burst(target.ramp.url, starts);
        if (process.env.RAMP_BENCH_DEBUG)
          process.stderr.write(
            `  /ramp start round ${round + 1}: p50 ${percentile(measured, 50).toFixed(0)} ms, max ${Math.max(...measured).toFixed(0)} ms\n`,
          );
        times.push(...measured);
        await answered(fake, starts, "the answers to /ramp start");
        await drained(target.db);
      }
      start.bare.push(...(await burst(bare.url, commands("start groot Bench brand"))));
      for (const target of targets) {
        const [active] = await target.ramp.engine.activeIncidents();
        if (active && round < rounds - 1) await target.ramp.engine.close(coordinator, active.id);
        await drained(target.db);
      }
    }

    // 2. Claim clicks: `concurrency` people click "Opnemen" on one task at once, per round.
    const cardsOf = async (target: Target) => {
      const [incident] = await target.ramp.engine.activeIncidents();
      if (!incident) throw new Error("bench: no active incident");
      await target.ramp.engine.decide(coordinator, incident.id, { situation: "B" });
      const tasks = await target.ramp.engine.ctx.store.tasks.listForIncident(incident.id);
      await waitUntil(() => taskCards(fake, tasks).length === tasks.length, "the task cards");
      return { incident, cards: taskCards(fake, tasks) };
    };
    const decided = [await cardsOf(withInbox), await cardsOf(ackFirst)] as const;
    const claim = { inbox: [] as number[], ackFirst: [] as number[], bare: [] as number[] };
    const clicksOn = (card: SlackMessage) => claimClicks(fake, card, concurrency);
    const claimRounds = Math.min(rounds, ...decided.map((d) => d.cards.length));
    for (let round = 0; round < claimRounds; round++) {
      // The bare app gets the same clicks (it only acknowledges), made before the card changes.
      const bareClicks = clicksOn(decided[0].cards[round]!);
      for (const [target, times, { cards }] of [
        [withInbox, claim.inbox, decided[0]],
        [ackFirst, claim.ackFirst, decided[1]],
      ] as const) {
        const clicks = clicksOn(cards[round]!);
        times.push(...(await burst(target.ramp.url, clicks)));
        // One claimer wins; the others are told who has it.
        await answered(fake, clicks, "the answers to the claims", 1);
        await drained(target.db);
      }
      claim.bare.push(...(await burst(bare.url, bareClicks)));
    }
    for (const [i, target] of targets.entries()) {
      await target.ramp.engine.close(coordinator, decided[i]!.incident.id);
      await drained(target.db);
    }
    const figures = (f: { inbox: number[]; ackFirst: number[]; bare: number[] }) => ({
      inbox: row(f.inbox),
      ackFirst: row(f.ackFirst),
      bare: row(f.bare),
    });
    return {
      concurrency,
      rounds,
      start: figures(start),
      claim: figures(claim),
    };
  } finally {
    for (const target of targets) {
      await target.db.close();
      await target.ramp.close();
    }
    await client.close();
    await bare.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until every outbox message was handed to Slack, so one measurement starts clean. */
export async function drained(db: Database): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (
    (await db.client.outboxMessage.count({ where: { status: { in: ["pending", "leased"] } } })) > 0
  ) {
    if (Date.now() > deadline) throw new Error("bench: the outbox did not drain");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
