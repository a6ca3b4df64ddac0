// Two Ramp processes on one PostgreSQL database against a slow Slack (4.5 s a call, as measured
// in issue 12): a conversation's deliveries take longer than a lease (15 s: channel creation,
// invitation and two cards), so only a lease renewed while the work runs keeps the other replica
// out. One incident channel, every page and card once; a reminder that falls due while both run
// is sent once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { SIGNING_SECRET } from "../adapters/slack/harness.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import type { RampProcess } from "../support/ramp-process.ts";
import { sendToSlackEndpoint, slashCommand } from "../support/slack-requests.ts";
import {
  declare,
  everyoneReached,
  expectEachOnce,
  PAGED_AT_START,
  pagesOf,
  sleep,
  startRamp,
  U,
} from "./delivery-harness.ts";

const SLOW_SLACK_MS = 4_500;
/** Longer than a lease: a second replica taking the same work would have posted by now. */
const LONGER_THAN_A_LEASE_MS = 20_000;
const SQLITE_SKIP =
  "skipped on SQLite: replicas share a PostgreSQL database (set RAMP_TEST_POSTGRES_URL)";

describeEachDatabase("two replicas against a slow Slack", (target) => {
  const replicas: RampProcess[] = [];
  let fake: FakeSlack | null = null;
  const dirs: string[] = [];
  afterEach(async () => {
    for (const replica of replicas.splice(0)) await replica.kill();
    await fake?.close();
    fake = null;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Both replicas on one fresh database, the first one started (and migrating) first. */
  async function startReplicas(env: Record<string, string> = {}): Promise<FakeSlack> {
    const slack = await FakeSlack.start();
    fake = slack;
    const url = await target.createDatabase();
    replicas.push(await startRamp(url, slack, env));
    replicas.push(await startRamp(url, slack, env));
    slack.latencyMs = SLOW_SLACK_MS;
    return slack;
  }

  function expectNoLostLeaseDelivery(): void {
    for (const replica of replicas)
      expect(replica.logs.filter((l) => l.msg === "delivered after losing the lease")).toEqual([]);
  }

  const skipOnSqlite = (title: string) =>
    target.provider === "sqlite" ? `${title} (${SQLITE_SKIP})` : title;

  it.skipIf(target.provider === "sqlite")(
    skipOnSqlite("create one incident channel and post every page and card once"),
    { timeout: 300_000 },
    async () => {
      const slack = await startReplicas();
      await declare(replicas[0]!, slack);
      await everyoneReached(slack, 120_000);
      await sleep(LONGER_THAN_A_LEASE_MS);
      expectEachOnce(slack);
      const channel = slack.createdChannels()[0]!.id;
      expect(slack.callsOf("conversations.create")).toHaveLength(1);
      expect(slack.callsOf("chat.postMessage", (b) => b.channel === channel)).toHaveLength(2);
      expectNoLostLeaseDelivery();
    },
  );

  it.skipIf(target.provider === "sqlite")(
    skipOnSqlite("send a reminder that falls due while both run once"),
    { timeout: 480_000 },
    async () => {
      // The plan's shortest deadline in situation B is 6 h (b-org-externe-communicatie), counted
      // from the declaration: a lead time of 5h59m makes its reminder due a minute after it, and
      // no other task's or service's (8 h and more) due during the test.
      const dir = mkdtempSync(path.join(tmpdir(), "ramp-replicas-plan-"));
      dirs.push(dir);
      const planFile = path.join(dir, "plan.yaml");
      const sample = readFileSync(SAMPLE_PLAN_PATH, "utf8");
      const soon = sample.replace('leadTimes: ["24h", "4h", "1h"]', 'leadTimes: ["5h59m"]');
      expect(soon).not.toBe(sample);
      writeFileSync(planFile, soon);
      const slack = await startReplicas({ RAMP_PLAN: planFile });
      await declare(replicas[0]!, slack);
      // The decision, through the other replica, well before the reminder is due.
      for (const [replica, text] of [
        [replicas[1]!, "evaluatie Serverlokaal uitgebrand"],
        [replicas[0]!, "beslissing B"],
      ] as const) {
        const responseUrl = slack.responseUrl();
        const request = slashCommand({ userId: U.pieter, text, responseUrl });
        const response = await sendToSlackEndpoint(replica.url, SIGNING_SECRET, request);
        expect(response.status).toBe(200);
        await slack.waitFor(
          `the answer to ${text}`,
          () => slack.responsesTo(responseUrl)[0],
          60_000,
        );
      }
      // Nobody claimed the task: the coordinator is asked in his chat, and the incident channel.
      const REMINDER =
        'Nog niemand nam "Burgers en partners informeren via website en sociale media" op';
      const reminders = (channel: string) =>
        slack.messagesIn(channel).filter((m) => m.text.includes(REMINDER)).length;
      const incidentChannel = () => slack.createdChannels()[0]?.id;
      await slack.waitFor(
        "the reminder in the coordinator's chat and the incident channel",
        () => {
          const channel = incidentChannel();
          return (
            channel !== undefined && reminders(channel) >= 1 && reminders(slack.dmOf(U.pieter)) >= 1
          );
        },
        300_000,
      );
      await sleep(LONGER_THAN_A_LEASE_MS);
      expect(reminders(slack.dmOf(U.pieter))).toBe(1);
      expect(reminders(incidentChannel()!)).toBe(1);
      // And nothing else twice: one channel, one page each, no outbox message posted twice.
      expect(slack.createdChannels()).toHaveLength(1);
      expect(PAGED_AT_START.map((user) => pagesOf(slack, user))).toEqual(
        PAGED_AT_START.map(() => 1),
      );
      const outboxIds = [...slack.messages.values()]
        .map((m) => (m.metadata?.event_payload as { outbox_id?: string } | undefined)?.outbox_id)
        .filter((id) => id !== undefined);
      expect(outboxIds.length).toBeGreaterThan(0);
      expect(outboxIds.length).toBe(new Set(outboxIds).size);
      expectNoLostLeaseDelivery();
    },
  );
});
