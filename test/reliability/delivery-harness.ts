// The real Ramp process (test/support/ramp-process.ts) against the fake Slack, for the delivery
// crash tests: start it on a database, declare an incident with a signed /ramp command, and
// count what people actually received in Slack.
import { expect } from "vitest";
import { BOT_TOKEN, PAGED_AT_START, SIGNING_SECRET, U } from "../adapters/slack/harness.ts";
import type { FakeSlack, RecordedCall } from "../support/fake-slack.ts";
import { RampProcess } from "../support/ramp-process.ts";
import { sendToSlackEndpoint, slashCommand } from "../support/slack-requests.ts";

export { PAGED_AT_START, U };

export function startRamp(
  databaseUrl: string,
  fake: FakeSlack,
  env: Record<string, string> = {},
): Promise<RampProcess> {
  return RampProcess.start({
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    RAMP_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978",
    ...env,
  });
}

/** The coordinator declares a major fire, as in the sample plan; returns the response_url. */
export async function declare(ramp: RampProcess, fake: FakeSlack): Promise<string> {
  const responseUrl = fake.responseUrl();
  const request = slashCommand({
    userId: U.pieter,
    text: "start groot Brand in het administratief centrum",
    responseUrl,
  });
  const response = await sendToSlackEndpoint(ramp.url, SIGNING_SECRET, request);
  expect(response.status).toBe(200);
  return responseUrl;
}

const PAGE = /^Incident \d{4}-001/;

/** Pages in a person's DM, as Slack holds them now. */
export function pagesOf(fake: FakeSlack, userId: string): number {
  return fake.messagesIn(fake.dmOf(userId)).filter((m) => PAGE.test(m.text)).length;
}

/** Waits until every paged person has a page and the incident channel its two cards. */
export async function everyoneReached(fake: FakeSlack, timeoutMs = 30_000): Promise<void> {
  await fake.waitFor(
    "a page for everyone and the incident channel's cards",
    () =>
      PAGED_AT_START.every((user) => pagesOf(fake, user) >= 1) &&
      fake.createdChannels().length >= 1 &&
      fake.messagesIn(fake.createdChannels()[0]!.id).length >= 2,
    timeoutMs,
  );
}

/** Exactly once: one page each, one incident channel with its two cards (incident, paging). */
export function expectEachOnce(fake: FakeSlack): void {
  const pages = Object.fromEntries(PAGED_AT_START.map((user) => [user, pagesOf(fake, user)]));
  expect(pages).toEqual(Object.fromEntries(PAGED_AT_START.map((user) => [user, 1])));
  expect(fake.createdChannels()).toHaveLength(1);
  const cards = fake.messagesIn(fake.createdChannels()[0]!.id).map((m) => m.text.split(" —")[0]);
  expect(cards).toHaveLength(2);
  expect(new Set(cards).size).toBe(2);
}

/** The first Slack call made after `since` (performance.now() of this process). */
export function firstCallAfter(fake: FakeSlack, since: number): RecordedCall | undefined {
  return fake.calls.find((call) => call.at >= since);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
