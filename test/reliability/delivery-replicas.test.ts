// Two Ramp processes on one database against a slow Slack (4.5 s a call, as measured in issue 12):
// a conversation's deliveries take longer than a lease (15 s: channel creation, invitation and
// the cards), so only a lease renewed while the work runs keeps the other replica out. One
// incident channel, every page and card once, and a task reminder and an overdue escalation that
// fall due while both run, each once in every conversation it goes to.
//
// PostgreSQL is the replicas' database. On SQLite, two processes on one file is what a rolling
// restart or a second process started by mistake does (each waits its turn for the write lock):
// the same leases must keep every message single there too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SAMPLE_PLAN_PATH } from "../../src/plan/load.ts";
import { SIGNING_SECRET } from "../adapters/slack/harness.ts";
import { describeEachDatabase, type TestDatabase } from "../support/databases.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import type { RampProcess } from "../support/ramp-process.ts";
import { sendToSlackEndpoint, slashCommand } from "../support/slack-requests.ts";
import {
  declare,
  everyoneReached,
  PAGED_AT_START,
  pagesOf,
  sleep,
  startRamp,
  U,
} from "./delivery-harness.ts";

const SLOW_SLACK_MS = 4_500;
/** Longer than a lease plus a tick: a second replica taking the same work would have posted by now. */
const LONGER_THAN_A_LEASE_MS = 20_000;

// Deadlines count from the declaration. With one lead time of a minute, the task due 150 s after
// it is reminded of 90 s after it (by then the channel has had most of its cards, a Slack call
// each), and the task due 60 s after it is overdue then (its reminder's moment passed before the
// decision planned it: it has none). Every other deadline of situation B is 8 h or more away.
const REMINDED = "Burgers en partners informeren via website en sociale media";
const OVERDUE = "Onderbroken internet en telefonie herstellen";
/** From the declaration to the reminder's moment: the decision must be in before it. */
const REMINDER_AFTER_MS = 90_000;

function planWithDeadlinesInSeconds(dir: string): string {
  const sample = readFileSync(SAMPLE_PLAN_PATH, "utf8");
  const edits: Array<[RegExp, string]> = [
    [/leadTimes: \["24h", "4h", "1h"\]/, 'leadTimes: ["1m"]'],
    [
      /(?<task>- id: b-org-externe-communicatie\n(?: {8}.*\n)*? {8}deadlineHours: )6\n/,
      "$<task>0.0417\n",
    ],
    [
      /(?<task>- id: b-tech-internet-telefonie\n(?: {8}.*\n)*? {8}deadlineHours: )8\n/,
      "$<task>0.0166\n",
    ],
  ];
  let plan = sample;
  for (const [pattern, replacement] of edits) {
    const edited = plan.replace(pattern, replacement);
    expect(edited, `the sample plan no longer has ${pattern}`).not.toBe(plan);
    plan = edited;
  }
  const file = path.join(dir, "plan.yaml");
  writeFileSync(file, plan);
  return file;
}

function replicasAgainstSlowSlack(target: TestDatabase): void {
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

  /** Both replicas on the block's database, the first one started (and migrating) first. */
  async function startReplicas(env: Record<string, string>): Promise<FakeSlack> {
    const slack = await FakeSlack.start();
    fake = slack;
    replicas.push(await startRamp(target.url, slack, env));
    replicas.push(await startRamp(target.url, slack, env));
    slack.latencyMs = SLOW_SLACK_MS;
    return slack;
  }

  /** Ramp's answer to the command posted to `responseUrl`: there must be exactly one. */
  async function answerTo(slack: FakeSlack, responseUrl: string, what: string): Promise<string> {
    const answer = await slack.waitFor(
      `the answer to ${what}`,
      () => slack.responsesTo(responseUrl)[0],
      60_000,
    );
    return String(answer.text);
  }

  it("post every page, card, reminder and escalation once, with one incident channel", {
    timeout: 420_000,
  }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ramp-replicas-plan-"));
    dirs.push(dir);
    const slack = await startReplicas({ RAMP_PLAN: planWithDeadlinesInSeconds(dir) });
    const declaredBefore = Date.now();
    const declaration = await declare(replicas[0]!, slack);
    // The decision only once the declaration is in: sent at once, it would find no incident.
    expect(await answerTo(slack, declaration, "the declaration")).toMatch(
      /^Incident \d{4}-001 is gestart/,
    );
    const decision = slack.responseUrl();
    const request = slashCommand({ userId: U.pieter, text: "beslissing B", responseUrl: decision });
    expect((await sendToSlackEndpoint(replicas[1]!.url, SIGNING_SECRET, request)).status).toBe(200);
    expect(await answerTo(slack, decision, "the decision")).toMatch(
      /^Beslissing vastgelegd: situatie B/,
    );
    expect(
      Date.now() - declaredBefore,
      "the decision came after the reminder's moment: this machine is too slow for the test",
    ).toBeLessThan(REMINDER_AFTER_MS);

    await everyoneReached(slack, 120_000);
    const channel = slack.createdChannels()[0]!.id;
    const coordinator = slack.dmOf(U.pieter);
    const deputy = slack.dmOf(U.sofie);
    const count = (conversation: string, text: string) =>
      slack.messagesIn(conversation).filter((m) => m.text.includes(text)).length;
    const reminders = (conversation: string) =>
      count(conversation, `Nog niemand nam "${REMINDED}" op`);
    const escalations = (conversation: string) =>
      count(conversation, `Deadline gemist: "${OVERDUE}"`);
    // Nobody claimed either task: the coordinator is asked in his chat and in the incident
    // channel; the missed deadline goes to the coordinator, the deputy and the channel. In the
    // channel both wait for the task cards before them (a conversation is delivered in order).
    await slack.waitFor(
      "the reminder and the escalation in every conversation they go to",
      () =>
        reminders(coordinator) >= 1 &&
        reminders(channel) >= 1 &&
        [coordinator, deputy, channel].every((c) => escalations(c) >= 1),
      240_000,
    );
    await sleep(LONGER_THAN_A_LEASE_MS);

    expect([coordinator, channel].map(reminders)).toEqual([1, 1]);
    expect([coordinator, deputy, channel].map(escalations)).toEqual([1, 1, 1]);
    expect(slack.callsOf("conversations.create")).toHaveLength(1);
    expect(PAGED_AT_START.map((user) => pagesOf(slack, user))).toEqual(PAGED_AT_START.map(() => 1));
    // The incident and paging cards, the decision, the task cards, the reminder, the
    // escalation: each once.
    const posts = slack.messagesIn(channel).map((m) => m.text.split(" —")[0]);
    expect(posts.length).toBeGreaterThan(4);
    expect(posts.length).toBe(new Set(posts).size);
    // Nothing else twice either: every message Ramp posts carries its outbox id. (A lease lost
    // to a stalled database is no failure here: the next deliverer looks before posting again.)
    const outboxIds = [...slack.messages.values()]
      .map((m) => (m.metadata?.event_payload as { outbox_id?: string } | undefined)?.outbox_id)
      .filter((id) => id !== undefined);
    expect(outboxIds.length).toBeGreaterThan(0);
    expect(outboxIds.length).toBe(new Set(outboxIds).size);
    // Each command was answered once (a slow replica keeps the interaction it is processing).
    expect([declaration, decision].map((url) => slack.responsesTo(url).length)).toEqual([1, 1]);
  });
}

// Both databases at once: the test spends most of its time waiting for deadlines and Slack.
describe.concurrent("delivery with two replicas", () => {
  describeEachDatabase("two replicas against a slow Slack", replicasAgainstSlowSlack);
});
