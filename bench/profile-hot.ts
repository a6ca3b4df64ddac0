// Profiling harness for the hot paths (issue 17), one scenario at a time so that a CPU profile
// shows only that scenario:
//
//   npx tsx bench/profile-hot.ts status            # `/ramp status`, 50 at once, vs bare Bolt
//   npx tsx bench/profile-hot.ts claim             # claim clicks, 50 at once, vs bare Bolt
//   npx tsx bench/profile-hot.ts start             # `/ramp start` of a 50-person plan + paging
//   npx tsx bench/profile-hot.ts log               # `/ramp log` through the engine, and batched
//   npx tsx bench/profile-hot.ts scheduler         # 1,000 jobs due within 10 s, tick 1 s
//
// Add `--postgres` to run on RAMP_TEST_POSTGRES_URL instead of SQLite, and profile with
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-hot.ts status
// then summarise with `npx tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile`.
// The bare Bolt app acknowledges and answers once on the response_url (the floor); both
// run in this process, measured in turn every round. Nothing is asserted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import type { RunningRamp } from "../src/app.ts";
import { loadPlanFile, SAMPLE_PLAN_PATH } from "../src/plan/load.ts";
import { openDatabase } from "../src/store/database.ts";
import { FakeSlack, type SlackMessage } from "../test/support/fake-slack.ts";
import { type SlackRequest, slashCommand } from "../test/support/slack-requests.ts";
import { benchDatabases } from "./databases.ts";
import { schedulerLateness, timelineBench } from "./engine-bench.ts";
import {
  BOT_TOKEN,
  COORDINATOR_SLACK_ID,
  claimClicks,
  LoadClient,
  pageDmsOf,
  responseUrlOf,
  serveBolt,
  slackId,
  startBenchRamp,
  taskCards,
  writeBenchPlan,
} from "./slack-bench.ts";
import { percentile } from "./stats.ts";

const args = process.argv.slice(2);
const scenario = args.find((a) => !a.startsWith("--")) ?? "status";
const onPostgres = args.includes("--postgres");
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const rounds = Number(option("rounds") ?? 10);
const concurrency = Number(option("concurrency") ?? 50);

/** Bolt that acknowledges and answers once on the response_url: the floor of the issue. */
function startBareBolt(): Promise<{ url: string; close(): Promise<void> }> {
  const answer = (url: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", text: "ok" }),
    }).then((r) => r.arrayBuffer());
  return serveBolt((app) => {
    app.command("/ramp", async ({ ack, command }) => {
      await ack();
      await answer(command.response_url);
    });
    app.action(/^ramp_/, async ({ ack, body }) => {
      await ack();
      await answer((body as { response_url: string }).response_url);
    });
  });
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`profile: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** One burst: time to each answer on its response_url, from the moment the burst was sent. */
async function answeredBurst(
  fake: FakeSlack,
  client: LoadClient,
  url: string,
  requests: SlackRequest[],
  allBut = 0,
): Promise<{ answers: number[]; acks: number[]; wall: number }> {
  const paths = requests.map((r) => new URL(responseUrlOf(r)).pathname);
  const started = performance.now();
  // Bolt answers 404 to what was not acknowledged within 3 s: counted, not fatal.
  const { times, statuses } = await client.timedBurst(url, requests, true);
  const failed = statuses.filter((status) => status !== 200).length;
  if (failed > 0) process.stdout.write(`  ${failed} of ${times.length} not acknowledged in time\n`);
  const acks = times.filter((_, i) => statuses[i] === 200);
  const answerAt = () =>
    paths
      .map((p) => fake.calls.find((c) => c.method === "response" && c.path === p)?.at)
      .filter((at): at is number => at !== undefined);
  await waitUntil(() => answerAt().length >= paths.length - allBut - failed, "the answers");
  const answers = answerAt().map((at) => at - started);
  return { answers, acks, wall: Math.max(...answers) };
}

function summary(
  label: string,
  bursts: Array<{ answers: number[]; acks: number[]; wall: number }>,
) {
  const answers = bursts.flatMap((b) => b.answers);
  const acks = bursts.flatMap((b) => b.acks);
  const throughput = answers.length / (bursts.reduce((s, b) => s + b.wall, 0) / 1000);
  return {
    label,
    throughput,
    p50: percentile(answers, 50),
    p99: percentile(answers, 99),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
  };
}

function printComparison(rows: ReturnType<typeof summary>[], loop: { p99: number; max: number }) {
  const [ramp, bare] = rows as [ReturnType<typeof summary>, ReturnType<typeof summary>];
  for (const r of rows)
    process.stdout.write(
      `${r.label.padEnd(10)} throughput ${r.throughput.toFixed(0).padStart(5)}/s  answer p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  ack p50 ${r.ackP50.toFixed(0).padStart(5)} ms  ack p99 ${r.ackP99.toFixed(0).padStart(5)} ms\n`,
    );
  process.stdout.write(
    `ratio      throughput ${(ramp.throughput / bare.throughput).toFixed(2)}×  p99 ${(ramp.p99 / bare.p99).toFixed(2)}×  (goal ≥ 0.8×, ≤ 1.5×)\n`,
  );
  process.stdout.write(
    `event loop during Ramp's bursts: delay p99 ${loop.p99.toFixed(1)} ms, max ${loop.max.toFixed(1)} ms\n`,
  );
}

/**
 * The loop delay over several measured stretches: a fresh monitor per stretch (one monitor
 * disabled and enabled again counts the whole pause in between as one delay), reporting the
 * worst stretch's p99 and the longest delay of all.
 */
function loopMonitor() {
  let current: IntervalHistogram | null = null;
  const worst = { p99: 0, max: 0 };
  return {
    enable() {
      current = monitorEventLoopDelay({ resolution: 5 });
      current.enable();
    },
    disable() {
      current?.disable();
      if (current && current.count > 0) {
        worst.p99 = Math.max(worst.p99, current.percentile(99) / 1e6);
        worst.max = Math.max(worst.max, current.max / 1e6);
      }
      current = null;
    },
    stats: () => ({ ...worst }),
  };
}

async function slackScenario(databaseUrl: string, kind: "status" | "claim" | "start") {
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-profile-"));
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const bare = await startBareBolt();
  const client = new LoadClient();
  let ramp: RunningRamp | undefined;
  let closeDb = async () => {};
  try {
    ramp = await startBenchRamp(databaseUrl, writeBenchPlan(dir, concurrency), fake);
    const engine = ramp.engine;
    const coordinator = { personId: "pieter-declercq", source: "slack" as const };
    const command = (text: string, userId = COORDINATOR_SLACK_ID) =>
      slashCommand({ userId, text, responseUrl: fake.responseUrl() });
    const db = await openDatabase(databaseUrl, { migrate: false });
    closeDb = () => db.close();
    const drained = async () => {
      const unsent = { status: { in: ["pending", "leased"] } };
      while ((await db.client.outboxMessage.count({ where: unsent })) > 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
    };
    // Warm-up.
    for (let i = 0; i < 2; i++) {
      await answeredBurst(
        fake,
        client,
        ramp.url,
        Array.from({ length: concurrency }, () => command("help")),
      );
      await answeredBurst(
        fake,
        client,
        bare.url,
        Array.from({ length: concurrency }, () => command("help")),
      );
    }
    const loop = loopMonitor();
    const rampBursts: Array<Awaited<ReturnType<typeof answeredBurst>>> = [];
    const bareBursts: Array<Awaited<ReturnType<typeof answeredBurst>>> = [];
    if (kind === "status" || kind === "claim") {
      const incident = await engine.declare(coordinator, {
        classification: "crisis",
        scope: "totaal",
        description: "Profiel",
      });
      await engine.decide(coordinator, incident.id, { situation: "B" });
      await drained();
      const tasks = await engine.ctx.store.tasks.listForIncident(incident.id);
      const cards = taskCards(fake, tasks);
      const clicks = (card: SlackMessage) => claimClicks(fake, card, concurrency);
      const n = kind === "claim" ? Math.min(rounds, cards.length) : rounds;
      for (let round = 0; round < n; round++) {
        fake.clearCalls();
        const requests =
          kind === "status"
            ? Array.from({ length: concurrency }, (_, i) => command("status", slackId(i + 1)))
            : clicks(cards[round]!);
        const bareRequests =
          kind === "status"
            ? Array.from({ length: concurrency }, (_, i) => command("status", slackId(i + 1)))
            : clicks(cards[round]!);
        loop.enable();
        rampBursts.push(
          await answeredBurst(fake, client, ramp.url, requests, kind === "claim" ? 1 : 0),
        );
        loop.disable();
        await drained();
        bareBursts.push(await answeredBurst(fake, client, bare.url, bareRequests));
      }
    } else {
      for (let round = 0; round < rounds; round++) {
        fake.clearCalls();
        const pagePosts = pageDmsOf(fake, concurrency);
        loop.enable();
        const started = performance.now();
        const burst = await answeredBurst(fake, client, ramp.url, [
          command(`start groot Profiel ${round + 1}`),
        ]);
        await waitUntil(() => pagePosts().length >= concurrency, "the page DMs");
        loop.disable();
        const lastDm = Math.max(...pagePosts().map((c) => c.at)) - started;
        process.stdout.write(
          `round ${round + 1}: ack ${burst.acks[0]!.toFixed(0)} ms, answer ${burst.answers[0]!.toFixed(0)} ms, last page DM ${lastDm.toFixed(0)} ms\n`,
        );
        rampBursts.push(burst);
        await drained();
        const [active] = await engine.activeIncidents();
        if (active) await engine.close(coordinator, active.id);
        await drained();
      }
      process.stdout.write(
        `event loop during /ramp start: delay p99 ${loop.stats().p99.toFixed(1)} ms, max ${loop.stats().max.toFixed(1)} ms\n`,
      );
      return;
    }
    printComparison([summary("ramp", rampBursts), summary("bare", bareBursts)], loop.stats());
  } finally {
    await closeDb();
    await ramp?.close();
    await client.close();
    await bare.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const database = benchDatabases().find(
  (d) => d.provider === (onPostgres ? "postgresql" : "sqlite"),
);
if (!database) throw new Error("no PostgreSQL: set RAMP_TEST_POSTGRES_URL");
try {
  if (scenario === "status" || scenario === "claim" || scenario === "start") {
    await slackScenario(await database.create(), scenario);
  } else {
    const loaded = await loadPlanFile(SAMPLE_PLAN_PATH);
    if (!loaded.ok) throw new Error("the sample plan does not load");
    if (scenario === "log") {
      const logged = Number(option("entries") ?? 1000);
      const total = Number(option("total") ?? 21_000);
      const t = await timelineBench(
        await database.create(),
        loaded.plan,
        loaded.hash,
        logged,
        total,
      );
      process.stdout.write(
        `timeline: /ramp log ${t.commandRate.toFixed(0)}/s, batched ${t.batchRate.toFixed(0)}/s, read ${t.entries} in ${t.readMs.toFixed(0)} ms, chain ${t.ok}\n`,
      );
    } else if (scenario === "scheduler") {
      const jobs = Number(option("jobs") ?? 1000);
      const late = await schedulerLateness(
        await database.create(),
        loaded.plan,
        loaded.hash,
        jobs,
        1,
        10_000,
      );
      process.stdout.write(
        `scheduler: ${late.ran}/${late.jobs} ran, lateness p50 ${late.p50.toFixed(0)} ms, p99 ${late.p99.toFixed(0)} ms, max ${late.max.toFixed(0)} ms\n`,
      );
    } else throw new Error(`unknown scenario ${scenario}`);
  }
} finally {
  await database.cleanup();
}
