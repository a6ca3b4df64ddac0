// Paging 50 crisis-staff members against a fake Slack that enforces Slack's rate limits
// (bench/slack-rate-tiers.ts: 429 with Retry-After past a method's tier): from the
// acknowledgement (HTTP 200) of `/ramp start` until the last page DM reached Slack. Ramp runs
// with its production tick (RAMP_TICK_SECONDS 15), so a page held back by a 429 waits as it
// would in production. Round 1 opens every DM (conversations.open); later rounds find them known.
// The floor: the same 50 DMs (conversations.open, then chat.postMessage) sent at once by Slack's
// own Web API client, straight after a bare acknowledgement, against the same limits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import type { RunningRamp } from "../src/app.ts";
import { type Database, openDatabase } from "../src/store/database.ts";
import { FakeSlack } from "../test/support/fake-slack.ts";
import { slashCommand } from "../test/support/slack-requests.ts";
import {
  BOT_TOKEN,
  COORDINATOR_SLACK_ID,
  drained,
  LoadClient,
  pageDmsOf,
  slackId,
  startBenchRamp,
  waitUntil,
  writeBenchPlan,
} from "./slack-bench.ts";
import { SlackRateTiers } from "./slack-rate-tiers.ts";

export interface PagingResult {
  staff: number;
  /** Per round: acknowledgement of `/ramp start` to the last page DM, ms. */
  ramp: number[];
  /** The bare Web API client's 50 DMs, first call to last post, ms. */
  floor: number;
  /** 429s the fake answered Ramp, per method, over all rounds. */
  limited: Record<string, number>;
}

export async function pagingBench(
  databaseUrl: string,
  options: { staff?: number; rounds?: number } = {},
): Promise<PagingResult> {
  const staff = options.staff ?? 50;
  const rounds = options.rounds ?? 3;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-paging-"));
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN });
  const tiers = new SlackRateTiers();
  fake.rateLimit = tiers.check;
  const client = new LoadClient();
  let ramp: RunningRamp | null = null;
  let db: Database | null = null;
  const limited: Record<string, number> = {};
  try {
    ramp = await startBenchRamp(databaseUrl, writeBenchPlan(dir, staff), fake, "inbox", {
      RAMP_TICK_SECONDS: "15",
    });
    db = await openDatabase(databaseUrl, { migrate: false });
    const coordinator = { personId: "pieter-declercq", source: "slack" as const };
    const pages = pageDmsOf(fake, staff);
    const toLastDm: number[] = [];
    for (let round = 0; round < rounds; round++) {
      fake.clearCalls();
      tiers.reset();
      const { times, sentAt } = await client.timedBurst(ramp.url, [
        slashCommand({
          userId: COORDINATOR_SLACK_ID,
          text: `start groot Bench oproeping ${round + 1}`,
          responseUrl: fake.responseUrl(),
        }),
      ]);
      const acknowledged = sentAt[0]! + times[0]!;
      await waitUntil(() => pages().length >= staff, `${staff} page DMs`, 120_000);
      toLastDm.push(Math.max(...pages().map((c) => performance.timeOrigin + c.at)) - acknowledged);
      for (const [method, n] of tiers.limited) limited[method] = (limited[method] ?? 0) + n;
      await drained(db);
      const [active] = await ramp.engine.activeIncidents();
      if (active) await ramp.engine.close(coordinator, active.id);
      await drained(db);
    }

    // The floor, on a rested workspace.
    tiers.reset();
    fake.clearCalls();
    const web = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: staff }, async (_, i) => {
        const opened = await web.conversations.open({ users: slackId(staff + i + 1) });
        await web.chat.postMessage({ channel: opened.channel!.id!, text: "Oproeping: crisisstaf" });
      }),
    );
    const floor = performance.now() - started;
    return { staff, ramp: toLastDm, floor, limited };
  } finally {
    await db?.close();
    await ramp?.close();
    await client.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
