// Only requests signed with the app's signing secret, and recent, reach Ramp: anything else is
// answered 401 by Bolt's receiver and changes nothing (database, Slack).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../support/fake-slack.ts";
import { blockAction, EVENTS_PATH, sign, slashCommand } from "../../support/slack-requests.ts";
import { SIGNING_SECRET, SlackRamp, U } from "./harness.ts";

describe("Slack request signatures", () => {
  let s: SlackRamp;
  const dir = mkdtempSync(path.join(tmpdir(), "ramp-slack-signatures-"));
  const start = () =>
    slashCommand({
      userId: U.pieter,
      text: "start groot Brand in het administratief centrum",
      responseUrl: s.fake.responseUrl(),
    });

  beforeAll(async () => {
    s = await SlackRamp.start(`file:${path.join(dir, "ramp.db")}`);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function nothingChanged() {
    for (const table of ["Incident", "Page", "TimelineEntry", "OutboxMessage", "InboxItem"]) {
      expect(await s.count(`SELECT count(*) FROM "${table}"`), table).toBe(0);
    }
    // The plan's practice schedule is set up at start-up; no incident's job may exist.
    const incidentJobs = `SELECT count(*) FROM "ScheduledJob" WHERE "incidentId" IS NOT NULL`;
    expect(await s.count(incidentJobs), "ScheduledJob").toBe(0);
    // Bolt checks its own token once (auth.test) when it starts; nothing else reached Slack.
    expect(s.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  }

  it("refuses a request signed with another secret", async () => {
    const response = await s.send(start(), { secret: "not-the-signing-secret-of-this-app" });
    expect(response.status).toBe(401);
    await nothingChanged();
  });

  it("refuses a body that is not the one signed", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = slashCommand({
      userId: U.pieter,
      text: "status",
      responseUrl: s.fake.responseUrl(),
    });
    const tampered = start();
    const response = await fetch(`${s.ramp.url}${EVENTS_PATH}`, {
      method: "POST",
      headers: {
        "content-type": tampered.contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": sign(SIGNING_SECRET, timestamp, signed.body),
      },
      body: tampered.body,
    });
    expect(response.status).toBe(401);
    await nothingChanged();
  });

  it("refuses a correctly signed request older than five minutes (a replay)", async () => {
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 30;
    const response = await s.send(start(), { timestamp: stale });
    expect(response.status).toBe(401);
    await nothingChanged();
  });

  it("refuses an unsigned request", async () => {
    const response = await s.send(start(), { unsigned: true });
    expect(response.status).toBe(401);
    await nothingChanged();
  });

  it("refuses a forged click", async () => {
    const fake = await FakeSlack.start();
    try {
      const message = {
        channel: "D04SV5N1R7D",
        ts: "1790000001.000100",
        text: "Oproeping",
        blocks: [],
        updates: 0,
      };
      const click = blockAction({
        userId: U.sofie,
        message,
        button: {
          action_id: "ramp_page_coming",
          block_id: "b1",
          value: JSON.stringify({ s: "some-page" }),
          text: "Ik kom",
        },
        responseUrl: fake.responseUrl(),
      });
      const response = await s.send(click, { secret: "forged" });
      expect(response.status).toBe(401);
      await nothingChanged();
    } finally {
      await fake.close();
    }
  });

  it("accepts the same request when it is signed correctly (the refusals above were the signature)", async () => {
    const response = await s.send(start());
    expect(response.status).toBe(200);
    await s.fake.waitFor("the confirmation", () =>
      s.fake.calls.find((c) => c.method === "response"),
    );
    expect(await s.count(`SELECT count(*) FROM "Incident"`)).toBe(1);
  });
});
