// What a person on Slack waits for under load: 50 people send `/ramp status` at once, or click
// "Opnemen" on one task card at once, and each waits for Ramp's answer (its post on the
// request's response_url; for the one who got the task, the card showing it). Next to it the
// floor: a bare Bolt app on the same receiver and signature checks that acknowledges and answers
// once on response_url. Throughput is requests answered per second of the burst (first sent to
// last answered); p99 is per request, sent to answered. Meanwhile the bench process's event
// loop delay (perf_hooks.monitorEventLoopDelay: Ramp and the fake Slack share it) is recorded;
// and the longest stall while `/ramp start` of a plan with 50 crisis-staff functions declares
// and pages everyone. Run through `npm run bench`; reported, never asserted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { RunningRamp } from "../src/app.ts";
import { type Database, openDatabase } from "../src/store/database.ts";
import { FakeSlack, type SlackMessage } from "../test/support/fake-slack.ts";
import { type SlackRequest, slashCommand } from "../test/support/slack-requests.ts";
import {
  BOT_TOKEN,
  COORDINATOR_SLACK_ID,
  claimClicks,
  drained,
  LoadClient,
  pageDmsOf,
  responseUrlOf,
  slackId,
  startBareBolt,
  startBenchRamp,
  taskCards,
  waitUntil,
  writeBenchPlan,
} from "./slack-bench.ts";
import { percentile } from "./stats.ts";

export interface LoadFigures {
  /** Requests answered per second. */
  throughput: number;
  p50: number;
  p99: number;
  /** Event loop delay during the bursts. */
  loopP99: number;
  loopMax: number;
  /** Requests not acknowledged within Slack's 3 s, and never answered. */
  unacknowledged: number;
  unanswered: number;
}

export interface SlackLoadResult {
  concurrency: number;
  rounds: number;
  status: { ramp: LoadFigures; floor: LoadFigures };
  claim: { ramp: LoadFigures; floor: LoadFigures };
  /** Longest event loop stall from `/ramp start` until every page reached Slack. */
  start: { staff: number; rampMaxStall: number; floorMaxStall: number; toLastPage: number };
}

/** When each request was answered (ms since the epoch), or undefined while it is not. */
type AnsweredAt = (request: number) => number | undefined;

interface Burst {
  durationMs: number;
  latencies: number[];
  /** Requests Bolt answered 404 (not acknowledged within 3 s), and never answered at all. */
  unacknowledged: number;
  unanswered: number;
  loop: { p99: number; max: number };
}

const debug = (line: string) => {
  if (process.env.RAMP_BENCH_DEBUG) process.stderr.write(`  slack-load: ${line}\n`);
};
const absolute = (performanceNow: number) => performance.timeOrigin + performanceNow;
const pathOf = (url: string) => new URL(url).pathname;

/** Sends the burst and waits until every request was answered, timing all of it. */
async function measuredBurst(
  client: LoadClient,
  baseUrl: string,
  requests: SlackRequest[],
  answeredAt: (requests: SlackRequest[], sentAt: number[]) => AnsweredAt,
): Promise<Burst> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const { sentAt, statuses } = await client.timedBurst(baseUrl, requests, true);
  const at = answeredAt(requests, sentAt);
  // A request Bolt gave up on (404 after 3 s unacknowledged) may still be answered later, or not:
  // its answer is waited for a while, then it counts as unanswered.
  const acked = requests.map((_, i) => i).filter((i) => statuses[i] === 200);
  await waitUntil(() => acked.every((i) => at(i) !== undefined), "every request's answer");
  const late = performance.now() + (acked.length < requests.length ? 10_000 : 0);
  while (performance.now() < late && requests.some((_, i) => at(i) === undefined))
    await new Promise((resolve) => setTimeout(resolve, 50));
  loop.disable();
  const times = requests.flatMap((_, i) => {
    const t = at(i);
    return t === undefined ? [] : [{ at: t, latency: t - sentAt[i]! }];
  });
  return {
    durationMs: Math.max(...times.map((t) => t.at)) - Math.min(...sentAt),
    latencies: times.map((t) => t.latency),
    unacknowledged: requests.length - acked.length,
    unanswered: requests.length - times.length,
    loop: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

function figures(bursts: Burst[]): LoadFigures {
  const latencies = bursts.flatMap((b) => b.latencies);
  const loops = bursts.map((b) => b.loop);
  return {
    // Answered requests per second: one never answered counts for nothing.
    throughput: latencies.length / (bursts.reduce((n, b) => n + b.durationMs, 0) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    // Each burst's own p99, the worst of them: a histogram per burst, not merged.
    loopP99: Math.max(...loops.map((l) => l.p99)),
    loopMax: Math.max(...loops.map((l) => l.max)),
    unacknowledged: bursts.reduce((n, b) => n + b.unacknowledged, 0),
    unanswered: bursts.reduce((n, b) => n + b.unanswered, 0),
  };
}

export async function slackLoadBench(
  databaseUrl: string,
  options: { concurrency?: number; rounds?: number; staff?: number } = {},
): Promise<SlackLoadResult> {
  const concurrency = options.concurrency ?? 50;
  const rounds = options.rounds ?? 5;
  const staff = options.staff ?? 50;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-load-"));
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const bare = await startBareBolt(true);
  const client = new LoadClient();
  let ramp: RunningRamp | null = null;
  let handle: Database | null = null;
  try {
    const planFile = writeBenchPlan(dir, Math.max(staff, concurrency));
    debug("starting Ramp");
    ramp = await startBenchRamp(databaseUrl, planFile, fake);
    const db = await openDatabase(databaseUrl, { migrate: false });
    handle = db;
    const running = ramp;
    const command = (userId: string, text: string) =>
      slashCommand({ userId, text, responseUrl: fake.responseUrl() });
    const everyone = (text: string) =>
      Array.from({ length: concurrency }, (_, i) => command(slackId(i + 1), text));
    // A request is answered when its response_url got a post.
    const byResponse = (requests: SlackRequest[], sentAt: number[]): AnsweredAt => {
      const paths = requests.map((r) => pathOf(responseUrlOf(r)));
      return (i) => {
        const call = fake.calls.find(
          (c) => c.method === "response" && c.path === paths[i] && absolute(c.at) >= sentAt[i]!,
        );
        return call ? absolute(call.at) : undefined;
      };
    };

    // Warm-up, not measured: module loading, JIT, connections.
    for (const url of [running.url, bare.url]) {
      debug(`warm-up ${url}`);
      const helps = everyone("help");
      await client.burst(url, helps);
      await waitUntil(
        () => helps.every((r) => fake.responsesTo(responseUrlOf(r)).length > 0),
        "the answers to /ramp help",
      );
    }

    debug("warmed up");
    // 1. `/ramp start` by the coordinator: the longest stall until every page reached Slack.
    const pages = pageDmsOf(fake, staff);
    fake.clearCalls();
    const startLoop = monitorEventLoopDelay({ resolution: 5 });
    startLoop.enable();
    const { sentAt: startSent } = await client.timedBurst(running.url, [
      command(COORDINATOR_SLACK_ID, "start groot Bench brand"),
    ]);
    await waitUntil(() => pages().length >= staff, `${staff} page DMs`);
    const toLastPage = Math.max(...pages().map((c) => absolute(c.at))) - startSent[0]!;
    await drained(db);
    startLoop.disable();
    const floorLoop = monitorEventLoopDelay({ resolution: 5 });
    floorLoop.enable();
    const floorStart = [command(COORDINATOR_SLACK_ID, "start groot Bench brand")];
    await client.burst(bare.url, floorStart);
    await waitUntil(() => byResponse(floorStart, [0])(0) !== undefined, "the bare answer");
    floorLoop.disable();

    debug(`start: last page after ${toLastPage.toFixed(0)} ms`);
    // 2. `/ramp status` by 50 crisis-staff members at once, during the incident.
    const status = { ramp: [] as Burst[], floor: [] as Burst[] };
    for (let round = 0; round < rounds; round++) {
      status.ramp.push(await measuredBurst(client, running.url, everyone("status"), byResponse));
      status.floor.push(await measuredBurst(client, bare.url, everyone("status"), byResponse));
    }

    debug("status done");
    // 3. 50 people click "Opnemen" on one task card at once (one card per round): one gets it
    // (answered when the card shows it: a chat.update of that card), the others hear who has it.
    const [incident] = await running.engine.activeIncidents();
    if (!incident) throw new Error("bench: no active incident");
    await running.engine.decide({ personId: "pieter-declercq", source: "slack" }, incident.id, {
      situation: "B",
    });
    const tasks = await running.engine.ctx.store.tasks.listForIncident(incident.id);
    await waitUntil(() => taskCards(fake, tasks).length === tasks.length, "the task cards");
    await drained(db);
    const cards = taskCards(fake, tasks);
    const clicksOn = (card: SlackMessage) => claimClicks(fake, card, concurrency);
    const byResponseOrCard =
      (card: SlackMessage) =>
      (requests: SlackRequest[], sentAt: number[]): AnsweredAt => {
        const response = byResponse(requests, sentAt);
        const first = Math.min(...sentAt);
        const cardUpdated = () => {
          const call = fake.calls.find(
            (c) =>
              c.method === "chat.update" &&
              c.body.ts === card.ts &&
              c.answer.ok === true &&
              absolute(c.at) >= first,
          );
          return call ? absolute(call.at) : undefined;
        };
        let winner: number | null = null;
        return (i) => {
          const answered = response(i);
          if (answered !== undefined) return answered;
          // The one request without a response_url post is the winner's, once all others have one.
          if (winner === null) {
            const unanswered = requests.map((_, j) => j).filter((j) => response(j) === undefined);
            if (unanswered.length !== 1) return undefined;
            winner = unanswered[0]!;
          }
          return i === winner ? cardUpdated() : undefined;
        };
      };
    debug(`${cards.length} task cards`);
    const claim = { ramp: [] as Burst[], floor: [] as Burst[] };
    const claimRounds = Math.min(rounds, cards.length);
    for (let round = 0; round < claimRounds; round++) {
      const card = cards[round]!;
      const floorClicks = clicksOn(card);
      claim.ramp.push(
        await measuredBurst(client, running.url, clicksOn(card), byResponseOrCard(card)),
      );
      await drained(db);
      claim.floor.push(await measuredBurst(client, bare.url, floorClicks, byResponse));
    }
    await running.engine.close({ personId: "pieter-declercq", source: "slack" }, incident.id);
    await drained(db);

    return {
      concurrency,
      rounds,
      status: { ramp: figures(status.ramp), floor: figures(status.floor) },
      claim: { ramp: figures(claim.ramp), floor: figures(claim.floor) },
      start: {
        staff,
        rampMaxStall: startLoop.max / 1e6,
        floorMaxStall: floorLoop.max / 1e6,
        toLastPage,
      },
    };
  } finally {
    await handle?.close();
    await ramp?.close();
    await client.close();
    await bare.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
